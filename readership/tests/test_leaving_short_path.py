"""Leaving beacons answered by the short path refuse, limit and count as the whole stack does."""

import json
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.conf import settings as django_settings
from django.test import RequestFactory

from privacy import limits
from readership import api, engagement, reading
from readership.buffers import current_buffer
from readership.flush import flush
from readership.models import EngagementHour, PendingEngagement
from readership.shortpath import LeavingBeaconMiddleware
from samizdat import caching
from testing import ORIGIN, use_redis
from testing.factories import make_article
from testing.readership import READER_AGENT

pytestmark = pytest.mark.django_db
MORNING = datetime(2026, 6, 27, 9, 10, tzinfo=UTC)
LATER = MORNING + timedelta(days=1, hours=1)
SHORT_PATH = "readership.shortpath.LeavingBeaconMiddleware"
ROBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"


@pytest.fixture(autouse=True)
def _main_domain(settings):
    settings.CANONICAL_BASE_URL = "http://testserver"


def whole_stack(settings):
    """Without the short path: every beacon goes through the whole stack to the API."""
    settings.MIDDLEWARE = [name for name in django_settings.MIDDLEWARE if name != SHORT_PATH]


def post(client, body, content_type="text/plain;charset=UTF-8", **extra):
    extra.setdefault("HTTP_ORIGIN", ORIGIN)
    extra.setdefault("HTTP_USER_AGENT", READER_AGENT)
    extra.setdefault("REMOTE_ADDR", "203.0.113.7")
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post("/api/readership/leave", data=data, content_type=content_type, **extra)


def body(article, **fields):
    pk = getattr(article, "pk", article)
    token = engagement.beacon_token(pk)
    return {"article": pk, "token": token, "seconds": 42, "scroll": 75, "referrer": "", **fields}


# Each case: (request to send for an article, the status both paths must answer).
CASES = {
    "counted": (lambda client, a: post(client, body(a)), 202),
    "other site": (
        lambda client, a: post(client, body(a), HTTP_ORIGIN="https://evil.example"),
        403,
    ),
    "no origin": (lambda client, a: post(client, body(a), HTTP_ORIGIN=""), 403),
    "too big": (lambda client, a: post(client, body(a, referrer="x" * 600)), 413),
    "declared too big": (lambda client, a: post(client, body(a), CONTENT_LENGTH="9999"), 413),
    "json type": (lambda client, a: post(client, body(a), content_type="application/json"), 415),
    "not json": (lambda client, a: post(client, "not json"), 400),
    "wrong scroll": (lambda client, a: post(client, body(a, scroll=30)), 400),
    "NUL": (lambda client, a: post(client, json.dumps(body(a)).replace('""', '"\\u0000"')), 400),
    "bad token": (lambda client, a: post(client, body(a, token="0" * 16)), 202),
    "no token": (lambda client, a: post(client, body(a, token="")), 202),
    "robot": (lambda client, a: post(client, body(a), HTTP_USER_AGENT=ROBOT), 202),
    "no agent": (lambda client, a: post(client, body(a), HTTP_USER_AGENT=""), 202),
    "unknown article": (lambda client, a: post(client, body(987_654_321)), 404),
    "in Russian": (
        lambda client, a: post(client, "{", HTTP_ACCEPT_LANGUAGE="ru", HTTP_ORIGIN="null"),
        403,
    ),
}
COUNTED = {"counted"}


def leaves_buffered():
    buffer = current_buffer()
    return sum(
        row["leaves"]
        for hour in buffer.hours()
        for row in engagement.as_rows(buffer.engagement_counts(hour)).values()
    )


@pytest.mark.parametrize("case", CASES)
def test_the_short_path_answers_as_the_whole_stack(client, homes, buffer_kind, settings, case):
    send, status = CASES[case]
    article = make_article()
    short = send(client, article)
    assert short.status_code == status, short.content
    counted_short = leaves_buffered()
    whole_stack(settings)
    whole = send(client, article)
    assert (whole.status_code, whole.json()) == (short.status_code, short.json())
    assert whole["Content-Type"] == short["Content-Type"] == "application/json; charset=utf-8"
    expected = 1 if case in COUNTED else 0
    assert (counted_short, leaves_buffered()) == (expected, 2 * expected)


def test_the_short_path_answers_before_the_router(client, homes, monkeypatch):
    """What it answers never reaches ninja; other paths and methods go on down."""
    from ninja.operation import Operation

    article = make_article()

    def routed(*args, **kwargs):
        raise AssertionError("the beacon went through the router")

    monkeypatch.setattr(Operation, "run", routed)
    assert post(client, body(article)).status_code == 202
    below = LeavingBeaconMiddleware(lambda request: "below")
    assert below(RequestFactory().post("/api/readership/leave/")) == "below"
    assert below(RequestFactory().get("/api/readership/leave")) == "below"


def test_security_headers_stay_on_the_short_path(client, homes):
    answer = post(client, body(make_article()))
    assert answer["X-Content-Type-Options"] == "nosniff"
    assert "Content-Security-Policy" in answer
    assert "Permissions-Policy" in answer


def test_a_flood_from_one_client_changing_its_agent_is_limited(client, homes, buffer_kind):
    """60 a minute from one address, whatever user agent each beacon names."""
    article = make_article()
    with time_machine.travel(MORNING, tick=False):
        statuses = [
            post(client, body(article), HTTP_USER_AGENT=f"{READER_AGENT} #{number}").status_code
            for number in range(75)
        ]
        other = post(client, body(article), REMOTE_ADDR="198.51.100.4").status_code
        refused = post(client, body(article), REMOTE_ADDR="203.0.113.7")
    assert statuses == [202] * 60 + [429] * 15
    assert other == 202
    assert leaves_buffered() == 61
    assert refused.json()["code"] == "rate_limited"


def test_a_flood_of_made_up_ids_is_limited_before_the_articles_are_looked_up(
    client, homes, buffer_kind, django_assert_max_num_queries
):
    article = make_article()
    for number in range(60):
        assert post(client, body(article.pk + 1000 + number)).status_code == 404
    with django_assert_max_num_queries(0):
        assert post(client, body(article.pk + 5000)).status_code == 429


def test_both_paths_count_one_sender_against_one_limit(client, homes, settings, redis_server):
    use_redis(settings, redis_server.url)
    article = make_article()
    with time_machine.travel(MORNING, tick=False):
        for _ in range(30):
            assert post(client, body(article)).status_code == 202
        whole_stack(settings)
        for _ in range(30):
            assert post(client, body(article)).status_code == 202
        assert post(client, body(article)).status_code == 429
        request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.7")
        assert limits.too_many(request, "readership-leave", api.LEAVE_RATE, increment=False)


def test_the_counter_is_the_one_django_ratelimit_keeps(settings, redis_server):
    from django.core.cache import cache
    from django_ratelimit import ALL, core

    use_redis(settings, redis_server.url)
    request = RequestFactory().post("/", REMOTE_ADDR="2001:db8:5:6::1")
    key, allowed, lifetime = limits.counter(request, "readership-leave", "60/m")
    value = limits.address_hash(request, "readership-leave")
    window = core._get_window(value, 60)
    expected = core._make_cache_key("samizdat:readership-leave", window, "60/m", value, ALL)
    assert (key, allowed, lifetime) == (cache.make_key(expected), 60, 65)
    settings.RATELIMIT_ENABLE = False
    assert limits.counter(request, "readership-leave", "60/m") is None


def test_an_unpublished_article_stops_counting_within_both_bounds(
    client, homes, buffer_kind, django_capture_on_commit_callbacks
):
    from newsroom.models import ArticlePage

    article = make_article()
    with time_machine.travel(MORNING, tick=False):
        assert post(client, body(article)).status_code == 202
        with django_capture_on_commit_callbacks(execute=True):
            ArticlePage.objects.get(pk=article.pk).unpublish()
    bound = caching.PUBLISHED_ARTICLES.seconds + caching.LOCAL_PUBLISHED.seconds
    from django.core.cache import cache

    if hasattr(cache, "ttl"):  # Redis expires keys on its own clock, not the travelled one
        cache.delete(f"readership:published:{article.pk}")
    with time_machine.travel(MORNING + timedelta(seconds=bound + 1), tick=False):
        assert post(client, body(article), REMOTE_ADDR="198.51.100.9").status_code == 404


def test_made_up_ids_keep_the_local_copy_bounded():
    for article in range(caching.LOCAL_PUBLISHED.limit * 2 + 3):
        reading.remember_published(article, False)
    assert len(reading._published) <= caching.LOCAL_PUBLISHED.limit
    reading.forget_published()
    assert reading.known_published(1) is None


def test_leaves_counted_while_redis_is_down_go_to_the_database(
    client, homes, settings, redis_to_stop
):
    """Accepted means counted, on the short path too: the one round trip that could not
    be made falls back to the steps one by one, and the database buffer takes the leave."""
    use_redis(settings, redis_to_stop.url, IGNORE_EXCEPTIONS=True)
    article = make_article()
    assert post(client, body(article)).status_code == 202
    redis_to_stop.stop()
    assert post(client, body(article), REMOTE_ADDR="198.51.100.5").status_code == 202
    assert PendingEngagement.objects.filter(article_id=article.pk).exists()


def test_counters_of_an_earlier_buffer_still_flush(homes, buffer_kind):
    """Beacons buffered before a deploy counted each figure apart; they flush the same."""
    article = make_article()
    earlier = {
        (article.pk, "main", "t.me", "leaves"): 2,
        (article.pk, "main", "t.me", "seconds"): 50,
        (article.pk, "main", "t.me", "step:25"): 2,
        (article.pk, "main", "t.me", "scroll:25"): 2,
        (article.pk, "main", "t.me", "scroll:50"): 1,
    }
    with time_machine.travel(MORNING, tick=False):
        current_buffer().record_engagements([(MORNING, earlier)])
        current_buffer().record_engagements(
            [(MORNING, engagement.leave_counts(article.pk, "main", "t.me", 27, 50))]
        )
    with time_machine.travel(LATER, tick=False):
        flush()
    row = EngagementHour.objects.get(article=article)
    assert (row.leaves, row.engaged_seconds, row.engaged) == (3, 75, {"25": 3})
    assert (row.scroll_25, row.scroll_50, row.scroll_75) == (3, 2, 0)


def test_many_leaves_at_once_add_up_as_one_by_one(homes, buffer_kind):
    article = make_article()
    beacons = [
        (
            MORNING + timedelta(minutes=n),
            engagement.leave_counts(article.pk, "main", "", n * 13, n % 5 * 25),
        )
        for n in range(200)
    ]
    with time_machine.travel(MORNING, tick=False):
        current_buffer().record_engagements(beacons)
        for moment, counts in beacons:
            current_buffer().record_engagement(moment, counts)
    with time_machine.travel(LATER, tick=False):
        flush()
    rows = {row.hour: row for row in EngagementHour.objects.filter(article=article)}
    assert sum(row.leaves for row in rows.values()) == 400
    expected = 2 * sum(engagement.engaged_step(n * 13) for n in range(200))
    assert sum(row.engaged_seconds for row in rows.values()) == expected
