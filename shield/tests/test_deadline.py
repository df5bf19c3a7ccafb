"""Statement deadlines stop a slow query on PostgreSQL and SQLite, and only inside the block."""

import time

import pytest
from django.db import connection

from shield.deadline import TimedOut, statement_deadline

pytestmark = pytest.mark.django_db


COUNTING = (
    "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < %s) "
    "SELECT count(*) FROM n"
)


def counting_to(limit):
    return COUNTING, [limit]


def run(sql, params=None):
    if isinstance(sql, tuple):
        sql, params = sql
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def test_a_slow_query_is_stopped_at_its_deadline():
    started = time.monotonic()
    with pytest.raises(TimedOut), statement_deadline(50):
        run(counting_to(500_000_000))  # minutes of work without the deadline
    assert time.monotonic() - started < 10


def test_a_quick_query_runs_as_usual():
    with statement_deadline(2000):
        assert run(counting_to(1000)) == 1000


def test_the_deadline_ends_with_the_block():
    with pytest.raises(TimedOut), statement_deadline(1):
        run(counting_to(500_000_000))
    with statement_deadline(1000):
        run("SELECT 1")
    # Far longer than 1 ms: it would be stopped if either deadline had stayed behind.
    assert run(counting_to(300_000)) == 300_000
    if connection.vendor == "postgresql":
        assert run("SELECT current_setting('statement_timeout')") == "0"


def test_other_database_errors_are_not_taken_for_a_timeout():
    from django.db import DatabaseError

    with pytest.raises(DatabaseError) as raised, statement_deadline(2000):
        run("SELECT * FROM no_such_table")
    assert not isinstance(raised.value, TimedOut)
