"""Redis dies under readers: calls to it fail at once, and each process keeps serving the
pages it holds, for a bounded time, instead of rendering every request again."""

import re
import signal
import types
import urllib.error
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django_redis.client import DefaultClient
from redis import exceptions as redis_errors

from samizdat import caching, pagecache, rediscache
from samizdat.rediscache import Breaker, GuardedConnection
from testing import use_redis
from testing.factories import make_article

pytestmark = pytest.mark.django_db


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_after_a_failure_redis_is_tried_again_only_once_the_delay_has_passed():
    clock = Clock()
    breaker = Breaker(clock=clock, seconds=2)
    assert breaker.allows_attempt() and not breaker.is_open

    breaker.failed()
    assert breaker.is_open
    assert not breaker.allows_attempt()
    clock.now += 1.9
    assert not breaker.allows_attempt()
    clock.now += 0.2
    assert breaker.allows_attempt()  # one caller probes
    assert not breaker.allows_attempt()  # the others wait for its outcome
    breaker.answered()
    assert breaker.allows_attempt() and not breaker.is_open


@pytest.fixture
def attempts(monkeypatch):
    """Counts the sockets opened to Redis."""
    opened = []
    real = GuardedConnection._connect

    def counted(connection):
        opened.append(connection.port)
        return real(connection)

    monkeypatch.setattr(GuardedConnection, "_connect", counted)
    return opened


def test_a_dead_redis_costs_one_connection_attempt_not_one_per_call(
    settings, redis_to_stop, attempts
):
    use_redis(settings, redis_to_stop.url, IGNORE_EXCEPTIONS=True)
    cache.set("answer", 42)
    redis_to_stop.stop()
    attempts.clear()

    answers = [cache.get("answer") for _ in range(50)]

    assert answers == [None] * 50
    assert len(attempts) == 1
    assert rediscache.unreachable()


def test_calls_reach_redis_again_once_it_answers(settings, redis_to_stop):
    use_redis(settings, redis_to_stop.url, IGNORE_EXCEPTIONS=True)
    cache.set("answer", 42)
    redis_to_stop.process.send_signal(signal.SIGSTOP)  # stops answering, keeps its data
    try:
        assert cache.get("answer") is None  # after one socket timeout
        assert rediscache.unreachable()
    finally:
        redis_to_stop.process.send_signal(signal.SIGCONT)
    assert cache.get("answer") is None  # not tried again yet

    for breaker in rediscache._breakers.values():
        breaker.retry_at = 0.0  # the retry delay has passed

    assert cache.get("answer") == 42
    assert not rediscache.unreachable()


def own_redis(settings, server):
    use_redis(settings, server.url, IGNORE_EXCEPTIONS=True)
    from django_redis import get_redis_connection

    return get_redis_connection("default")


def test_a_command_on_the_threads_own_connection_reuses_it(settings, redis_to_stop, attempts):
    redis = own_redis(settings, redis_to_stop)
    attempts.clear()
    replies = [rediscache.command(redis, "INCR", "beacons") for _ in range(5)]
    assert replies == [1, 2, 3, 4, 5]
    assert len(attempts) == 1  # one socket, kept
    assert redis.get("beacons") == b"5"  # the client sees what the connection wrote


def test_a_command_after_redis_restarted_connects_again(settings, redis_to_stop):
    """As through redis-py's client: the socket the restart closed is made again."""
    redis = own_redis(settings, redis_to_stop)
    assert rediscache.command(redis, "SET", "beacons", 7) == b"OK"
    redis_to_stop.stop()
    redis_to_stop.start()
    assert rediscache.command(redis, "INCR", "beacons") == 1  # a new server, nothing kept
    assert redis.incr("beacons") == 2  # the client, likewise


def test_a_command_to_a_dead_redis_fails_fast_and_says_nothing_was_sent(
    settings, redis_to_stop, attempts
):
    redis = own_redis(settings, redis_to_stop)
    rediscache.command(redis, "PING")
    redis_to_stop.stop()
    with pytest.raises(redis_errors.ConnectionError):
        rediscache.command(redis, "INCR", "beacons")
    attempts.clear()
    with pytest.raises(rediscache.NotSent):
        rediscache.command(redis, "INCR", "beacons")
    assert attempts == []  # the breaker is open: no socket tried


def test_each_thread_and_each_server_has_its_own_connection(settings, redis_to_stop, redis_server):
    first = own_redis(settings, redis_to_stop)
    mine = rediscache.own_connection(first)
    assert rediscache.own_connection(first) is mine
    with ThreadPoolExecutor(1) as other_thread:
        assert other_thread.submit(rediscache.own_connection, first).result() is not mine
    second = own_redis(settings, redis_server)
    assert rediscache.own_connection(second).port == redis_server.port != mine.port


def test_the_generation_asks_nothing_of_a_redis_marked_unreachable(
    settings, redis_to_stop, monkeypatch
):
    """Every request needs the generation: three failing calls each cost as much as a hit."""
    use_redis(settings, redis_to_stop.url, IGNORE_EXCEPTIONS=True)
    known = caching.generation()
    redis_to_stop.stop()
    cache.get("anything")  # the first call finds Redis gone
    caching._seen["until"] = 0.0  # a second later
    asked = []
    monkeypatch.setattr(DefaultClient, "get", lambda *args, **kwargs: asked.append(args))

    assert [caching.generation() for _ in range(3)] == [known] * 3
    assert asked == []


@pytest.fixture
def clock(monkeypatch):
    """The page cache's and the generation's clock, moved by the test (the breaker keeps the
    real one)."""
    clock = Clock()
    moved = types.SimpleNamespace(monotonic=clock, sleep=None)
    monkeypatch.setattr(pagecache, "time", moved)
    monkeypatch.setattr(caching, "time", moved)
    return clock


@pytest.fixture
def article(homes):
    return make_article(title="Пасля падзення Redis")


def comment_count(response, article):
    """The comment count the page shows (outside the fragments kept per publication)."""
    html = response.content.decode()
    found = re.search(rf'data-comment-count="{article.pk}"[^>]*>.*?</span>(\d+)</span>', html)
    return int(found.group(1))


def read(url):
    response = Client().get(url)
    assert response.status_code == 200
    return response


def test_cached_pages_are_served_from_this_process_while_redis_is_down(
    settings, redis_to_stop, clock, article, django_assert_num_queries
):
    use_redis(settings, redis_to_stop.url, IGNORE_EXCEPTIONS=True)
    read(article.url)
    assert read(article.url)["X-Page-Cache"] == "hit"

    redis_to_stop.stop()
    cache.get("anything")  # the first call finds Redis gone
    clock.now += caching.OUTAGE_COPIES.seconds - 1  # long after this process's copy went stale

    for _ in range(3):
        with django_assert_num_queries(0):
            assert read(article.url)["X-Page-Cache"] == "hit"
    assert rediscache.unreachable()


def test_a_page_is_served_from_the_outage_copy_at_most_the_outage_bound(
    settings, redis_to_stop, clock, article
):
    use_redis(settings, redis_to_stop.url, IGNORE_EXCEPTIONS=True)
    redis_to_stop.stop()
    first = read(article.url)  # rendered: Redis is unreachable
    assert "X-Page-Cache" not in first
    assert read(article.url)["X-Page-Cache"] == "hit"  # this process's copy
    # Changed where this process cannot hear of it (a moderator on another app server
    # hid a comment), with no purge.
    type(article).objects.filter(pk=article.pk).update(comment_count=7)

    clock.now += caching.OUTAGE_COPIES.seconds - 0.5
    assert comment_count(read(article.url), article) == 0
    clock.now += 1
    assert comment_count(read(article.url), article) == 7


def test_one_thread_renders_a_page_while_redis_is_down_and_the_others_take_its_copy(
    settings, redis_to_stop, article
):
    use_redis(settings, redis_to_stop.url, IGNORE_EXCEPTIONS=True)
    redis_to_stop.stop()
    cache.get("anything")  # trips the breaker
    keys = pagecache.keys_for("testserver", article.url, "")
    rendered = []

    def render(request):
        rendered.append(request.path)
        return HttpResponse("<p>Адна старонка</p>", content_type="text/html; charset=utf-8")

    middleware = pagecache.PageCacheMiddleware(render)
    request = RequestFactory().get(article.url)
    first = middleware.render_once_here(request, keys)
    # Another thread finds a render under way: it waits for that one and takes its copy.
    pagecache._rendering[keys.page] = types.SimpleNamespace(wait=lambda seconds: True)
    try:
        second = middleware.render_once_here(RequestFactory().get(article.url), keys)
    finally:
        del pagecache._rendering[keys.page]

    assert rendered == [article.url]
    assert second.content == first.content


def test_a_purge_during_the_outage_is_made_when_redis_answers_again(
    settings, redis_to_stop, article
):
    """Redis paused, not emptied: it comes back with the copies the purge meant to drop."""
    use_redis(settings, redis_to_stop.url, IGNORE_EXCEPTIONS=True)
    read(article.url)
    assert read(article.url)["X-Page-Cache"] == "hit"
    before = caching.generation()

    redis_to_stop.process.send_signal(signal.SIGSTOP)
    try:
        pagecache.forget_local_pages()  # a second later
        type(article).objects.filter(pk=article.pk).update(comment_count=3)
        pagecache.purge_path(article.url)  # times out: Redis does not answer
        assert rediscache.unreachable()
        assert comment_count(read(article.url), article) == 3
    finally:
        redis_to_stop.process.send_signal(signal.SIGCONT)
    rediscache.forget_failures()  # the retry delay has passed
    caching._seen["until"] = 0.0  # and this process's generation is a second old

    assert caching.generation() == before + 1
    page = read(article.url)
    assert "X-Page-Cache" not in page  # the copy Redis kept from before is not served
    assert comment_count(page, article) == 3


def reader_status(url):
    """(status, X-Page-Cache) of one GET."""
    try:
        with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 (loopback)
            response.read()
            return response.status, response.headers.get("X-Page-Cache")
    except urllib.error.HTTPError as error:
        return error.code, None


@pytest.mark.django_db(transaction=True)
def test_real_workers_answer_readers_from_their_copies_while_redis_is_killed(
    site_skeleton, redis_to_stop, tmp_path
):
    from django.db import connection

    from testing.appserver import AppServer, database_url

    if connection.vendor != "postgresql":
        pytest.skip("the app server runs the production settings (PostgreSQL)")
    article = make_article(title="Чытаюць, пакуль Redis ляжыць")
    environment = {"DATABASE_URL": database_url(connection.settings_dict)}
    server = AppServer(tmp_path, {**environment, "REDIS_URL": redis_to_stop.url})
    server.start()
    try:
        url = server.base + article.url
        for _ in range(10):
            reader_status(url)  # both workers hold the page
        redis_to_stop.process.send_signal(signal.SIGKILL)
        redis_to_stop.process.wait()
        with ThreadPoolExecutor(16) as readers:
            answers = Counter(readers.map(reader_status, [url] * 300))
    finally:
        server.stop()

    assert sum(n for (status, _), n in answers.items() if status == 200) == 300, answers
    # A worker renders the page again at most once per OUTAGE_SECONDS (and once at first,
    # per thread that met Redis's death): every other reader got its copy.
    assert answers[(200, "hit")] >= 270, answers
