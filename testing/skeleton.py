"""The site skeleton put back after a test emptied the database, as the rows it is made of.

A test with committed data (a live server, threads, other processes) leaves an emptied
database, and the next one rebuilds the skeleton: three editions with All news and five
sections, 21 pages copied for translation and published through Wagtail, each with its
revision, log entry and search and reference rows. That took 3 to 4 seconds a test on
PostgreSQL, for about a hundred tests. So the first build in a process on an emptied
database is kept as the rows it wrote, table by table, and later ones insert those rows.

Only what the build alone wrote is kept: every table it wrote to must have been empty
before, and every foreign key in those rows must point into the kept rows or at a content
type. Content types are made again after each emptying, under new ids, so those keys are
mapped by the type's natural key. When any of this does not hold, the build runs as before.
"""

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, transaction

# Made again by Django after each emptying (post_migrate), so never kept.
REMADE = {"django_content_type", "auth_permission"}

_kept = {}  # (database alias, vendor) -> Snapshot, or None when the build cannot be kept


def put_back(build):
    """Run build() on an emptied database, or insert the rows its first run wrote."""
    key = (connection.alias, connection.vendor)
    counts = row_counts()
    if any(counts.values()):
        return build()  # not emptied: the build finds what is there and adds what is not
    snapshot = _kept.get(key)
    if snapshot is not None and snapshot.insert():
        return snapshot.result()
    result = build()
    if key not in _kept:
        _kept[key] = Snapshot.of_build(result)
    return result


def tables():
    """The tables of managed models, as Django empties them, without the remade ones."""
    names = connection.introspection.django_table_names(only_existing=True)
    return sorted(set(names) - REMADE)


def row_counts():
    with connection.cursor() as cursor:
        return {table: row_count(cursor, table) for table in tables()}


def row_count(cursor, table):
    cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
    return cursor.fetchone()[0]


def models_by_table():
    found = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.managed and not model._meta.proxy:
            found.setdefault(model._meta.db_table, model)
    return found


def content_type_ids():
    """{id: (app_label, model)} of the content types now."""
    from django.contrib.contenttypes.models import ContentType

    rows = ContentType.objects.values_list("id", "app_label", "model")
    return {pk: (app_label, model) for pk, app_label, model in rows}


class Snapshot:
    """The rows a build wrote, per table, and how to write them again."""

    def __init__(self, rows, homes, types):
        self.rows = rows  # table -> (columns, [row, ...])
        self.homes = homes  # language -> (model, pk): what the build returned
        self.types = types  # content type id when kept -> (app_label, model)
        self.type_columns = {}  # table -> positions of its content type columns

    @classmethod
    def of_build(cls, homes):
        """The rows now in the database, if they can be put back as they are; else None."""
        models = models_by_table()
        types = content_type_ids()
        rows = {}
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            for table in tables():
                cursor.execute(f"SELECT * FROM {quote(table)}")  # noqa: S608 (our tables)
                found = cursor.fetchall()
                if found:
                    columns = [column[0] for column in cursor.description]
                    rows[table] = (columns, found)
        built = {code: (type(home), home.pk) for code, home in homes.items()}
        snapshot = cls(rows, built, types)
        if not snapshot.keys_stay_inside(models):
            return None
        snapshot.type_columns = snapshot.content_type_columns(models)
        return snapshot

    def keys_stay_inside(self, models):
        """Whether every foreign key of the kept rows points into them or at a content type."""
        for table in self.rows:
            model = models.get(table)
            if model is None:
                return False
            for field in model._meta.local_concrete_fields:
                target = field.related_model if field.is_relation else None
                if target is None or field.many_to_many:
                    continue
                target_table = target._meta.db_table
                outside = target_table != "django_content_type" and target_table not in self.rows
                if outside and self.column_has_values(table, field.column):
                    return False
        return True

    def column_has_values(self, table, column):
        columns, rows = self.rows[table]
        at = columns.index(column)
        return any(row[at] is not None for row in rows)

    def content_type_columns(self, models):
        """table -> positions of its columns that hold a content type's id."""
        found = {}
        for table, (columns, _rows) in self.rows.items():
            found[table] = [
                columns.index(field.column)
                for field in models[table]._meta.local_concrete_fields
                if field.is_relation
                and field.related_model is not None
                and field.related_model._meta.db_table == "django_content_type"
            ]
        return found

    def insert(self):
        """Write the kept rows again, content type ids mapped to today's, and move each
        table's id sequence past them (PostgreSQL does not when ids are given). False,
        with nothing written, when a content type they name is not there now."""
        now = {natural: pk for pk, natural in content_type_ids().items()}
        if any(natural not in now for natural in self.types.values()):
            return False
        mapped = {old: now[natural] for old, natural in self.types.items()}
        quote = connection.ops.quote_name
        with transaction.atomic(), connection.cursor() as cursor:
            for table, (columns, rows) in self.rows.items():
                if row_count(cursor, table):
                    continue  # filled by a trigger of a table written before (SQLite's FTS)
                positions = self.type_columns[table]
                values = [adapt(remap(row, positions, mapped)) for row in rows]
                names = ", ".join(quote(column) for column in columns)
                marks = ", ".join(["%s"] * len(columns))
                cursor.executemany(
                    f"INSERT INTO {quote(table)} ({names}) VALUES ({marks})",  # noqa: S608
                    values,
                )
            by_table = models_by_table()
            models = [by_table[table] for table in self.rows]
            for statement in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)
            written = {table: row_count(cursor, table) for table in self.rows}
        kept = {table: len(rows) for table, (_columns, rows) in self.rows.items()}
        if written != kept:
            raise AssertionError(f"the skeleton's rows were not put back as kept: {written}")
        return True

    def result(self):
        """What the build returned: the homes by language, loaded afresh."""
        return {code: model.objects.get(pk=pk) for code, (model, pk) in self.homes.items()}


def remap(row, positions, mapped):
    if not positions:
        return row
    row = list(row)
    for at in positions:
        if row[at] is not None:
            row[at] = mapped[row[at]]
    return row


def adapt(row):
    """Values as the database driver takes them back: PostgreSQL's JSON comes out as
    Python lists and dicts, which go back in only wrapped."""
    if connection.vendor != "postgresql":
        return tuple(row)
    from psycopg.types.json import Jsonb

    return tuple(Jsonb(value) if isinstance(value, (dict, list)) else value for value in row)
