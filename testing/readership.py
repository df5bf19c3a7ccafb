"""Beacons and likes as a reader's page sends them, for every app's tests."""

import json

import pytest

from readership.engagement import beacon_token
from testing import ORIGIN, use_redis

READER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36"


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


def counted_readers(readers, buffer_kind):
    """What Most read may show for this many distinct readers.

    The database counts them exactly. Redis counts them with HyperLogLogs, which lose a
    reader whenever two of them fall in one of the 16,384 registers: for 20 readers about
    once in 80 runs, and the readers' hashes change with each day's salt. Tests that read the
    same people on several articles lose them together, so the order stays.
    """
    if buffer_kind == "redis":
        return pytest.approx(readers, rel=0.15)
    return readers


def leave(client, article, seconds=30, scroll=50, referrer="", ip="203.0.113.7", **extra):
    extra.setdefault("HTTP_ORIGIN", ORIGIN)
    extra.setdefault("HTTP_USER_AGENT", READER_AGENT)
    token = extra.pop("token", None) or beacon_token(article.pk)
    body = {"article": article.pk, "token": token, "seconds": seconds, "scroll": scroll}
    body["referrer"] = referrer
    return client.post(
        "/api/readership/leave",
        data=json.dumps(body),
        content_type="text/plain;charset=UTF-8",
        REMOTE_ADDR=ip,
        **extra,
    )


def view(client, article, referrer="", ip="203.0.113.7", token=None, **extra):
    return client.post(
        "/api/readership/beacon",
        data=json.dumps(
            {
                "article": article.pk,
                "kind": "view",
                "token": token if token is not None else beacon_token(article.pk),
                "referrer": referrer,
            }
        ),
        content_type="text/plain;charset=UTF-8",
        REMOTE_ADDR=ip,
        HTTP_USER_AGENT=READER_AGENT,
        HTTP_ORIGIN=extra.pop("origin", ORIGIN),
        **extra,
    )


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
