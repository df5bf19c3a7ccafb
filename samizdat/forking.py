"""Work done in forked processes: a whole static export's renderers, the worker's long jobs.

A fork inherits the parent's open sockets. Two processes reading answers from one database
socket get each other's rows, so the parent lets go of its connections before it forks and
each child opens its own. Redis needs nothing: redis-py's pools notice the new process id.
"""

from django.db import connections


def can_fork():
    """False on an in-memory SQLite database (tests), where a fork's connection would open a
    different, empty database, and inside a transaction, whose writes a fork cannot see and
    which closing the connection would lose."""
    return not any(
        (wrapper.vendor == "sqlite" and wrapper.is_in_memory_db()) or wrapper.in_atomic_block
        for wrapper in connections.all(initialized_only=False)
    )


def let_go_of_database():
    """Close this process's connections and its pool before forking: each child opens its
    own, and a socket (or a pool's threads) shared with a fork mixes up answers."""
    for wrapper in connections.all(initialized_only=False):
        wrapper.close()
        if getattr(wrapper, "pool", None) is not None:
            wrapper.close_pool()
