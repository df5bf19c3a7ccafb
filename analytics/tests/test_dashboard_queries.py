"""The dashboard asks the database the same number of queries however many articles, sections
and authors were read: what grows is the rows a query returns, never the queries."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext

from readership.models import EngagementDay, EngagementHour, ReadingDay, RolledDay
from testing.factories import make_article, make_author

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 7, 8, 12, 0, tzinfo=UTC)
SECTIONS = ["politics", "society", "culture"]
PAGES = [
    "/admin/analytics/",
    "/admin/analytics/period/",
    "/admin/analytics/period/?by=author",
    "/admin/analytics/period/?by=language&first=2026-06-01",
    "/admin/analytics/weekly/",
]


@pytest.fixture(autouse=True)
def _main_domain(settings):
    settings.CANONICAL_BASE_URL = "http://testserver"


def read_articles(count, start):
    """`count` articles in sections and bylines of their own, read on days and in hours."""
    for number in range(start, start + count):
        author = make_author(name=f"Аўтар {number}")
        article = make_article(
            title=f"Навіна {number}",
            language=["be", "ru", "en"][number % 3],
            section_slug=SECTIONS[number % 3],
            authors=[author],
            published_at=NOW - timedelta(days=9),
        )
        for back in range(1, 9):
            EngagementDay.objects.create(
                article=article,
                day=(NOW - timedelta(days=back)).date(),
                host="main",
                referrer=f"site{number}.example",
                views=10 + number,
                leaves=5,
                engaged={"30": 5},
            )
            ReadingDay.objects.create(
                article=article, day=(NOW - timedelta(days=back)).date(), views=10, likes=1
            )
            RolledDay.objects.get_or_create(day=(NOW - timedelta(days=back)).date())
        EngagementHour.objects.create(
            article=article, hour=NOW - timedelta(hours=2), host="onion", referrer="t.me", views=3
        )
    return article


def queries(client, path):
    reset_queries()  # a request empties the log when it starts: count from an empty one
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(captured)


def test_the_dashboard_asks_as_many_queries_for_twenty_articles_as_for_two(client, homes):
    editor = get_user_model().objects.create_superuser("ed", "ed@example.org", "pass")
    client.force_login(editor)
    with time_machine.travel(NOW, tick=False):
        last = read_articles(2, 0)
        article_page = f"/admin/analytics/article/{last.pk}/"
        for path in [*PAGES, article_page]:
            queries(client, path)  # the first request fills what every later one reuses
        few = {path: queries(client, path) for path in [*PAGES, article_page]}
        read_articles(18, 2)
        many = {path: queries(client, path) for path in [*PAGES, article_page]}
    assert many == few
    assert all(0 < count < 40 for count in few.values()), few
