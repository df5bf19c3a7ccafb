"""Analytics counting: engaged time, scroll depth, referrer domains and hosts, exactly."""

import json
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from readership.buffers import current_buffer
from readership.engagement import beacon_token, referrer_domain, serving_host
from readership.flush import flush
from readership.models import EngagementDay, EngagementHour, PendingEngagement
from testing import ORIGIN
from testing.factories import make_article
from testing.readership import READER_AGENT, beacon, leave, view

from .test_privacy import database_dump, redis_dump

pytestmark = pytest.mark.django_db
MORNING = datetime(2026, 6, 27, 9, 10, tzinfo=UTC)
LATER = MORNING + timedelta(days=1, hours=1)
SECRET = "s3cr3t-reader-token-91f2"


@pytest.fixture(autouse=True)
def _main_domain(settings):
    """The test client's host is the main domain here, as the site's own name is live."""
    settings.CANONICAL_BASE_URL = "http://testserver"


def test_a_flood_is_counted_exactly_within_the_limits(client, homes, buffer_kind):
    """20 addresses send 65 leaving beacons each: 60 count, 5 are refused, robots and
    senders without the token count nothing; the flush writes exactly what counted."""
    article = make_article()
    with time_machine.travel(MORNING, tick=False):
        statuses = []
        for number in range(20):
            ip = f"198.51.100.{number}"
            for beat in range(65):
                response = leave(client, article, seconds=beat * 11, scroll=(beat % 5) * 25, ip=ip)
                statuses.append(response.status_code)
        for _ in range(5):
            robot = "Mozilla/5.0 (compatible; Googlebot/2.1)"
            assert leave(client, article, ip="192.0.2.9", HTTP_USER_AGENT=robot).status_code == 202
            assert leave(client, article, ip="192.0.2.10", token="0" * 16).status_code == 202
            assert leave(client, article, ip="192.0.2.11", token="short").status_code == 202
    assert statuses.count(202) == 20 * 60 and statuses.count(429) == 20 * 5
    counted = [beat for _ in range(20) for beat in range(60)]
    expected_seconds = sum(min(beat * 11, 600) // 5 * 5 for beat in counted)
    with time_machine.travel(LATER, tick=False):
        flush()
    row = EngagementHour.objects.get(article=article)
    assert (row.leaves, row.views, row.engaged_seconds) == (1200, 0, expected_seconds)
    assert sum(row.engaged.values()) == 1200
    assert row.engaged["600"] == 20 * sum(1 for beat in range(60) if beat * 11 >= 600) > 0
    assert row.scroll_25 == 20 * sum(1 for beat in range(60) if beat % 5 >= 1)
    assert row.scroll_100 == 20 * sum(1 for beat in range(60) if beat % 5 == 4)
    assert (row.host, row.referrer) == ("main", "")
    day = EngagementDay.objects.get(article=article)
    assert (day.leaves, day.engaged_seconds, day.engaged) == (1200, expected_seconds, row.engaged)
    assert not PendingEngagement.objects.exists()


def test_a_flush_run_twice_counts_once_and_the_day_sums_its_hours(client, homes, buffer_kind):
    article = make_article()
    with time_machine.travel(MORNING, tick=False):
        for number in range(6):
            view(client, article, referrer="t.me", ip=f"203.0.113.{number}")
    with time_machine.travel(MORNING + timedelta(hours=2), tick=False):
        for number in range(4):
            view(client, article, referrer="www.google.com", ip=f"203.0.113.{number}")
            leave(client, article, seconds=12, scroll=100, referrer="www.google.com")
    with time_machine.travel(LATER, tick=False):
        flush()
        flush()
    hours = {
        (row.hour.hour, row.referrer): (row.views, row.leaves)
        for row in EngagementHour.objects.all()
    }
    assert hours == {(9, "t.me"): (6, 0), (11, "google.com"): (4, 4)}
    days = {row.referrer: (row.views, row.engaged) for row in EngagementDay.objects.all()}
    assert days == {"t.me": (6, {}), "google.com": (4, {"10": 4})}


def test_a_referrer_keeps_only_its_domain(client, homes, buffer_kind):
    article = make_article()
    leaked = f"https://mail.example.co.uk/inbox/42?token={SECRET}&user=reader#{SECRET}"
    with time_machine.travel(MORNING, tick=False):
        assert view(client, article, referrer=leaked).status_code == 202
        assert leave(client, article, referrer=leaked).status_code == 202
        stored_in_buffer = redis_dump(current_buffer().redis) if buffer_kind == "redis" else ""
        stored_in_buffer += database_dump()
    assert "example.co.uk" in stored_in_buffer
    assert SECRET not in stored_in_buffer and "inbox" not in stored_in_buffer
    with time_machine.travel(LATER, tick=False):
        flush()
    row = EngagementHour.objects.get(article=article)
    assert (row.referrer, row.views, row.leaves) == ("example.co.uk", 1, 1)
    dump = database_dump()
    assert SECRET not in dump and "inbox" not in dump and "user=reader" not in dump


@pytest.mark.parametrize(
    ("sent", "stored"),
    [
        ("https://www.google.com/search?q=protest+minsk", "google.com"),
        ("news.google.com", "google.com"),
        ("l.facebook.com", "facebook.com"),
        ("t.me", "t.me"),
        ("android-app://org.telegram.messenger/", "app:org.telegram.messenger"),
        ("https://reader-blog.example.com.ua/post", "example.com.ua"),
        ("http://10.0.0.5:8080/intranet", "ip"),
        ("https://[2001:db8::1]/", "ip"),
        ("http://testserver/be/news/", "own"),
        (f"http://{'a' * 56}.onion/ru/", "own"),
        ("", ""),
        ("not a domain", ""),
        ("javascript:alert(1)", ""),
        ("https://пример.бел/путь", "xn--e1afmkfd.xn--90ais"),
    ],
)
def test_referrer_reduction(sent, stored):
    request = RequestFactory().post("/api/readership/leave")
    assert referrer_domain(sent, request) == stored


def test_the_serving_host_is_named_by_the_page(settings):
    settings.ALLOWED_HOSTS = ["testserver", "mirror.example.net", ".pattern.example"]
    factory = RequestFactory()
    onion = f"http://{'b' * 56}.onion"
    cases = {
        "http://mirror.example.net": "mirror.example.net",
        onion: "onion",
        "https://any.pattern.example": "main",
        "http://testserver": "main",
        "http://www.testserver": "main",
    }
    for origin, host in cases.items():
        assert serving_host(factory.post("/", HTTP_ORIGIN=origin)) == host
    lite = factory.post("/", HTTP_ORIGIN=ORIGIN, HTTP_REFERER=f"{ORIGIN}/be/lite/slug/")
    assert serving_host(lite) == "lite"


def test_views_count_per_host_and_token(client, homes, buffer_kind, settings):
    settings.ALLOWED_HOSTS = ["testserver", "mirror.example.net", f"{'c' * 56}.onion"]
    article = make_article()
    with time_machine.travel(MORNING, tick=False):
        view(client, article, origin="http://mirror.example.net")
        view(client, article, origin=f"http://{'c' * 56}.onion")
        view(client, article)
        # Without the page's token the view still counts for Most read, not for analytics.
        assert view(client, article, token="").status_code == 202
        stale = beacon_token(article.pk, MORNING.date() - timedelta(days=3))
        assert view(client, article, token=stale).status_code == 202
        yesterday = beacon_token(article.pk, MORNING.date() - timedelta(days=1))
        view(client, article, token=yesterday)
    with time_machine.travel(LATER, tick=False):
        flush()
    hosts = dict(EngagementHour.objects.values_list("host", "views"))
    assert hosts == {"mirror.example.net": 1, "onion": 1, "main": 2}


def test_no_cookie_address_or_agent_is_kept(client, homes, buffer_kind):
    article = make_article()
    address, agent = "198.51.100.213", "Mozilla/5.0 (X11) Firefox/140.0 UniqueAgent/77"
    with time_machine.travel(MORNING, tick=False):
        response = leave(client, article, ip=address, HTTP_USER_AGENT=agent, referrer="t.me")
        viewed = beacon(client, article, ip=address, agent=agent)
        redis_text = redis_dump(current_buffer().redis) if buffer_kind == "redis" else ""
    with time_machine.travel(LATER, tick=False):
        flush()
    assert response.status_code == 202 and not response.cookies and not viewed.cookies
    assert "Set-Cookie" not in response.headers
    dump = database_dump() + redis_text
    assert EngagementHour.objects.filter(referrer="t.me").exists()
    for secret in (address, address.replace(".", ""), "UniqueAgent", "Firefox/140"):
        assert secret not in dump


def test_bad_leaving_beacons_are_refused_in_the_readers_language(client, homes):
    article = make_article()
    for body in (
        {"article": article.pk, "token": "x", "seconds": -5, "scroll": 50},
        {"article": article.pk, "token": "x", "seconds": 5, "scroll": 33},
        {"article": article.pk, "seconds": 5, "scroll": 50},
        {"article": article.pk, "token": "x", "seconds": "5", "scroll": 50},
    ):
        response = client.post(
            "/api/readership/leave",
            data=json.dumps(body),
            content_type="text/plain",
            HTTP_ORIGIN=ORIGIN,
            HTTP_ACCEPT_LANGUAGE="ru",
            HTTP_USER_AGENT=READER_AGENT,
        )
        assert response.status_code == 400
        assert response.json()["code"] == "malformed"
        assert response.json()["error"] == "Не удалось прочитать запрос."
    assert not PendingEngagement.objects.exists()


def test_the_article_page_carries_its_token_and_renders_without_analytics_queries(
    client, homes, settings
):
    settings.PAGE_CACHE_SECONDS = 0
    article = make_article()
    with CaptureQueriesContext(connection) as queries:
        html = client.get(article.url).content.decode()
    assert f'data-beacon-token="{beacon_token(article.pk)}"' in html
    assert not [q for q in queries.captured_queries if "engagement" in q["sql"].lower()]


def test_hours_are_kept_thirty_days_and_days_for_good(client, homes, buffer_kind):
    article = make_article()
    with time_machine.travel(MORNING, tick=False):
        view(client, article, referrer="t.me")
    with time_machine.travel(LATER, tick=False):
        flush()
    assert EngagementHour.objects.count() == 1
    with time_machine.travel(MORNING + timedelta(days=29, hours=23), tick=False):
        flush()
    assert EngagementHour.objects.count() == 1
    with time_machine.travel(MORNING + timedelta(days=30, hours=1), tick=False):
        flush()
    assert not EngagementHour.objects.exists()
    assert EngagementDay.objects.get(article=article).views == 1
    with time_machine.travel(MORNING + timedelta(days=400), tick=False):
        flush()
    assert EngagementDay.objects.get(article=article).views == 1


def test_a_kept_token_follows_the_day_and_the_secret_key(settings):
    from readership import engagement

    today = MORNING.date()
    token = beacon_token(41, today)
    assert beacon_token(41, today) == token
    assert beacon_token(41, today + timedelta(days=1)) != token
    assert beacon_token(42, today) != token
    settings.SECRET_KEY = "another-secret-key-" + "x" * 40
    assert beacon_token(41, today) != token  # a rotated key takes effect at once
    assert engagement._token.cache_info().maxsize == engagement.caching.BEACON_TOKENS.limit


def test_only_bare_host_names_are_kept_and_within_the_bound():
    from readership import engagement

    request = RequestFactory().post("/", HTTP_HOST="testserver")
    engagement._reduced_host.cache_clear()
    secret_url = f"https://mail.example.com/inbox?token={SECRET}"
    assert referrer_domain(secret_url, request) == "example.com"
    assert referrer_domain("news.google.com", request) == "google.com"
    assert referrer_domain("NEWS.google.com", request) == "google.com"
    assert referrer_domain("testserver", request) == "own"
    # Two host names kept; the whole URL, reduced each time, is not (it would be a third).
    assert engagement._reduced_host.cache_info().currsize == 2
    for number in range(engagement.caching.REFERRER_HOSTS.limit + 50):
        referrer_domain(f"site{number}.example.org", request)
    assert engagement._reduced_host.cache_info().currsize == engagement.caching.REFERRER_HOSTS.limit
