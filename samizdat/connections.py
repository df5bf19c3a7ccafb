"""Database connections held by app-server threads.

Django hands a thread's connection back (to the pool, or closes it past CONN_MAX_AGE)
when a request finishes. Page-cache hits are answered before Django (pagecache.HitsFirst)
and send no request_finished, so without this a thread that serves only hits would keep
whatever connection it once opened, idle and never recycled: with 64 threads a worker,
enough to exhaust PostgreSQL's max_connections.
"""

from django.db import connections


def release_connections():
    """Give back every database connection this thread holds (to the pool, or close it)."""
    for connection in connections.all(initialized_only=True):
        # Never inside a transaction: a hit opens none, and a test's own must survive.
        if connection.connection is not None and not connection.in_atomic_block:
            connection.close()
