"""Fixtures for readership tests: both buffers, a skeleton put back after committed data."""

import pytest

# The Redis server fixtures live in the root conftest.py; these names stay importable here.
from testing import ORIGIN, RedisServer, restore_skeleton, use_redis  # noqa: F401
from testing.readership import READER_AGENT, beacon, like  # noqa: F401 (older imports)


@pytest.fixture
def skeleton_rebuilt_after(django_db_blocker):
    """For a test with committed data (threads need it): the skeleton is put back afterwards.

    Request it before transactional_db, which empties every table when it is torn down; the
    tests after this one expect the skeleton that the session built.
    """
    with django_db_blocker.unblock():
        restore_skeleton()
    yield
    with django_db_blocker.unblock():
        restore_skeleton()


@pytest.fixture(params=["database", "redis"])
def buffer_kind(request, settings):
    """Run a test once with each buffer: the database's tables, then Redis."""
    if request.param == "redis":
        server = request.getfixturevalue("redis_server")
        use_redis(settings, server.url)
        from django_redis import get_redis_connection

        get_redis_connection("default").flushdb()
        yield "redis"
        get_redis_connection("default").flushdb()
    else:
        settings.REDIS_URL = ""
        yield "database"
