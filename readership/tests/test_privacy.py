"""What beacons leave behind: no raw IP anywhere, no cookie, no database write with Redis."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from privacy.clients import client_hash, destroy_old_salts
from readership.buffers import current_buffer
from readership.flush import flush
from testing import use_redis
from testing.factories import make_article
from testing.readership import beacon, like

pytestmark = pytest.mark.django_db
NOON = datetime(2026, 6, 27, 12, 0, tzinfo=UTC)
ADDRESS = "198.51.100.213"


def database_dump():
    """Every row of every table, as text (models of another database vendor have none)."""
    rows = []
    for model in apps.get_models():
        if not model._meta.can_migrate(connection):
            continue
        rows.extend(repr(row) for row in model.objects.values_list())
    return "\n".join(rows)


def redis_dump(redis):
    parts = []
    for key in redis.keys("*"):
        kind = redis.type(key)
        parts.append(repr(key))
        if kind == b"hash":
            parts.append(repr(redis.hgetall(key)))
        elif kind == b"set":
            parts.append(repr(redis.smembers(key)))
        elif kind == b"zset":
            parts.append(repr(redis.zrange(key, 0, -1)))
        elif kind == b"string":
            parts.append(repr(redis.get(key)))
    return "\n".join(parts)


def test_no_raw_ip_is_stored_after_beacons_and_likes(client, homes, buffer_kind):
    article = make_article()
    with time_machine.travel(NOON, tick=False):
        response = beacon(client, article, ip=ADDRESS)
        beacon(client, article, kind="heartbeat", ip=ADDRESS)
        like(client, article, ip=ADDRESS)
    with time_machine.travel(NOON + timedelta(days=1), tick=False):
        beacon(client, article, ip=ADDRESS)
        flush()
    assert not response.cookies
    dump = database_dump()
    assert str(article.pk) in dump  # the dump does hold readership's rows
    assert ADDRESS not in dump
    assert ADDRESS.replace(".", "") not in dump
    if buffer_kind == "redis":
        redis_text = redis_dump(current_buffer().redis)
        assert "samizdat:readership:" in redis_text
        assert ADDRESS not in redis_text


def test_redis_buffer_writes_nothing_to_the_database_on_the_beacon_path(
    client, homes, settings, redis_server
):
    use_redis(settings, redis_server.url)
    current_buffer().redis.flushdb()
    article = make_article()
    beacon(client, article)  # first beacon of the day makes the salt and caches the article
    with CaptureQueriesContext(connection) as queries:
        for number in range(10):
            assert beacon(client, article, ip=f"203.0.113.{number}").status_code == 202
            beacon(client, article, kind="heartbeat", ip=f"203.0.113.{number}")
            like(client, article, ip=f"203.0.113.{number}")
    writes = [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []
    current_buffer().redis.flushdb()


def test_buffered_hashes_cannot_be_recomputed_once_the_salt_is_gone(rf, homes, buffer_kind):
    """A reader's hash is only recomputable while the day's salt exists (48 hours)."""
    request = rf.get("/", REMOTE_ADDR=ADDRESS, HTTP_USER_AGENT="Mozilla/5.0")
    with time_machine.travel(NOON, tick=False):
        first = client_hash(request, "readership")
    with time_machine.travel(NOON + timedelta(hours=73), tick=False):
        destroy_old_salts()
    with time_machine.travel(NOON, tick=False):
        assert client_hash(request, "readership") != first
