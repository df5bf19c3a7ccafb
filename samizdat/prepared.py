"""Querysets built once per process and sent again with new values.

A render that finds nothing in the cache (the first after Redis was emptied, or an old
article nobody read this hour, which is what a flood of distinct URLs asks for) runs a
dozen small queries. Through the ORM each costs about a millisecond of CPU to build (the
query cloned, its filters resolved, the SQL compiled), several times what sending it
costs. Their shape never changes, only a value or two in them, so the SQL is compiled
once here, with stand-in values, and each call sends it with the real ones and builds the
model objects the way Django's own iterator does (from_db, select_related's populators,
the fields' converters). Nothing in Django or a maintained library keeps a compiled
queryset for reuse; the parts used here (the compiler's select, klass_info and
converters) are what `QuerySet.__iter__` itself uses.

Only plain querysets: filters, select_related, ordering, slicing and values_list. A
queryset with prefetch_related, annotations over rows or Wagtail's specific() is refused
when it is prepared, so it cannot silently lose what it would have loaded.
"""

import itertools
import threading
import uuid

from django.db import connections
from django.db.models.query import (
    FlatValuesListIterable,
    ModelIterable,
    ValuesListIterable,
    get_related_populators,
)

ITERABLES = (ModelIterable, ValuesListIterable, FlatValuesListIterable)


class Compiled:
    """One queryset's SQL and what turns its rows into what the queryset would yield."""

    def __init__(self, queryset, stand_ins, alias):
        if queryset._iterable_class not in ITERABLES or queryset._prefetch_related_lookups:
            raise ValueError("only plain querysets can be prepared")
        compiler = queryset.query.get_compiler(using=alias)
        self.sql, params = compiler.as_sql()
        self.params = list(params)
        # Where each stand-in went among the parameters (a value may be used twice), and
        # in what form: itself, or a UUID as the hex text SQLite stores.
        self.slots = [
            (position, slot, form)
            for position, value in enumerate(self.params)
            for slot, stand in enumerate(stand_ins)
            if (form := form_of(value, stand))
        ]
        if len({slot for _, slot, _ in self.slots}) != len(stand_ins):
            raise ValueError("every stand-in must reach the SQL as a parameter")
        self.iterable = queryset._iterable_class
        self.converters = list(compiler.get_converters(
            [column[0] for column in compiler.select[: compiler.col_count]]
        ).items())  # fmt: skip
        self.col_count = compiler.col_count
        if self.iterable is ModelIterable:
            self.build_models(compiler, alias)

    def build_models(self, compiler, alias):
        info = compiler.klass_info
        if compiler.annotation_col_map:
            raise ValueError("annotations are not prepared")
        self.model = info["model"]
        start, end = info["select_fields"][0], info["select_fields"][-1] + 1
        self.own = slice(start, end)
        self.init_list = [column[0].target.attname for column in compiler.select[self.own]]
        self.populators = get_related_populators(info, compiler.select, alias)

    def rows(self, values, alias):
        params = list(self.params)
        for position, slot, form in self.slots:
            params[position] = in_form(values[slot], form)
        connection = connections[alias]
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            rows = cursor.fetchall()
        return [self.converted(row, connection) for row in rows]

    def converted(self, row, connection):
        row = list(row[: self.col_count])
        for position, (converters, expression) in self.converters:
            value = row[position]
            for converter in converters:
                value = converter(value, expression, connection)
            row[position] = value
        return row

    def results(self, values, alias):
        rows = self.rows(values, alias)
        if self.iterable is FlatValuesListIterable:
            return [row[0] for row in rows]
        if self.iterable is ValuesListIterable:
            return [tuple(row) for row in rows]
        return [self.instance(row, alias) for row in rows]

    def instance(self, row, alias):
        obj = self.model.from_db(alias, self.init_list, row[self.own])
        for populator in self.populators:
            populator.populate(row, obj)
        return obj


class Prepared:
    """`Prepared(build, example, ...)`: build(*values) returns the queryset.

    Called with real values, it returns the list the queryset would give for them. The
    examples are values of the right type (an int for a primary key, a str for a path):
    the queryset is built once with stand-ins made from them and compiled per database.
    """

    def __init__(self, build, *examples):
        self.build = build
        self.examples = examples
        self._compiled = {}
        self._lock = threading.Lock()

    def __call__(self, *values, using="default"):
        if len(values) != len(self.examples):
            raise TypeError(f"{len(self.examples)} values expected, {len(values)} given")
        return self.compiled(using).results(values, using)

    def compiled(self, alias):
        key = (alias, connections[alias].vendor)
        found = self._compiled.get(key)
        if found is None:
            with self._lock:
                found = self._compiled.get(key) or self._compile(alias)
                self._compiled[key] = found
        return found

    def _compile(self, alias):
        stand_ins = [stand_in(example) for example in self.examples]
        return Compiled(self.build(*stand_ins).using(alias), stand_ins, alias)


class PreparedIn:
    """`PreparedIn(build, example)`: build(values) returns a queryset over a list (an IN).

    Called with a list, it returns what the queryset gives for those values, compiled once
    per length of the list (repeats dropped first, as the database would ignore them).
    Lists longer than `most` go through the ORM: rare, and not worth a compiled copy each.
    """

    def __init__(self, build, example, most=64):
        self.build = build
        self.example = example
        self.most = most
        self._by_count = {}

    def __call__(self, values):
        values = [value for value in dict.fromkeys(values) if value is not None]
        if not values:
            return []
        if len(values) > self.most:
            return list(self.build(values))
        prepared = self._by_count.get(len(values))
        if prepared is None:
            prepared = Prepared(lambda *each: self.build(list(each)), *[self.example] * len(values))
            prepared = self._by_count.setdefault(len(values), prepared)
        return prepared(*values)


_stand_ins = itertools.count(1)


def stand_in(example):
    """A value of the example's type that no real value is (found by identity)."""
    number = next(_stand_ins)
    if isinstance(example, str):
        return f"\x00stand-in:{number}\x00"
    if isinstance(example, uuid.UUID):
        return uuid.uuid4()
    if isinstance(example, int) and not isinstance(example, bool):
        return -(2**62) - number  # no row has such an id, and small ints are shared objects
    raise TypeError(f"no stand-in for {type(example).__name__}")


def form_of(parameter, stand):
    """How a stand-in reached the SQL as this parameter: "same", "uuid", "hex" or None."""
    if isinstance(stand, uuid.UUID):
        if parameter is stand:
            return "uuid"  # PostgreSQL's own type
        if isinstance(parameter, str) and parameter == stand.hex:
            return "hex"  # SQLite keeps the hex text
        return None
    return "same" if parameter is stand else None


def in_form(value, form):
    """A real value as the ORM would have sent it in place of the stand-in."""
    if form in ("uuid", "hex") and not isinstance(value, uuid.UUID):
        value = uuid.UUID(str(value))
    return value.hex if form == "hex" else value
