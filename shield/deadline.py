"""Statement deadlines: a query that runs too long is stopped and becomes a Busy refusal."""

import time
from contextlib import contextmanager

from django.db import OperationalError, connection, transaction

from .refusals import Busy

QUERY_CANCELED = "57014"  # PostgreSQL's SQLSTATE for statement_timeout
SQLITE_STEPS = 1000  # how many virtual machine steps between two looks at the clock


class TimedOut(Busy):
    """The database stopped a query at its deadline."""

    lasting = True


@contextmanager
def statement_deadline(milliseconds, retry_after=5):
    """Run the block's queries under a deadline; past it they stop and TimedOut is raised."""
    try:
        if connection.vendor == "postgresql":
            with _postgresql_deadline(milliseconds):
                yield
        elif connection.vendor == "sqlite":
            with _sqlite_deadline(milliseconds):
                yield
        else:
            yield
    except OperationalError as error:
        if not _was_stopped(error):
            raise
        raise TimedOut(retry_after) from error


@contextmanager
def _postgresql_deadline(milliseconds):
    # SET LOCAL lasts until the transaction ends, so the deadline cannot leak into the next
    # request on a persistent connection; inside an outer transaction we undo it ourselves.
    nested = connection.in_atomic_block
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('statement_timeout', %s, true)", [str(milliseconds)])
        yield
        if nested:
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL statement_timeout TO DEFAULT")


@contextmanager
def _sqlite_deadline(milliseconds):
    # No transaction here: ours are BEGIN IMMEDIATE, which would make a read wait for writers.
    connection.ensure_connection()
    deadline = time.monotonic() + milliseconds / 1000
    raw = connection.connection
    raw.set_progress_handler(lambda: int(time.monotonic() > deadline), SQLITE_STEPS)
    try:
        yield
    finally:
        raw.set_progress_handler(None, SQLITE_STEPS)


def _was_stopped(error):
    cause = error.__cause__
    if getattr(cause, "sqlstate", None) == QUERY_CANCELED:
        return True
    return connection.vendor == "sqlite" and "interrupted" in str(error)
