"""Fixtures for readership tests: articles, both buffers, beacons and likes."""

import json

import pytest

# The Redis server fixtures live in the root conftest.py; these names stay importable here.
from testing import RedisServer, restore_skeleton, use_redis  # noqa: F401

ORIGIN = "http://testserver"
READER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36"


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


def beacon(client, article, kind="view", ip="203.0.113.7", agent=READER_AGENT, **extra):
    extra.setdefault("HTTP_ORIGIN", ORIGIN)  # sent from our own page
    return client.post(
        "/api/readership/beacon",
        data=json.dumps({"article": getattr(article, "pk", article), "kind": kind}),
        content_type="text/plain;charset=UTF-8",
        REMOTE_ADDR=ip,
        HTTP_USER_AGENT=agent,
        **extra,
    )


def like(client, article, liked=True, ip="203.0.113.7", agent=READER_AGENT, **extra):
    extra.setdefault("HTTP_ORIGIN", ORIGIN)
    return client.post(
        "/api/readership/like",
        data=json.dumps({"article": getattr(article, "pk", article), "liked": liked}),
        content_type="text/plain;charset=UTF-8",
        REMOTE_ADDR=ip,
        HTTP_USER_AGENT=agent,
        **extra,
    )
