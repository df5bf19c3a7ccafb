"""The editors' analytics pages, fed by real beacons through the buffer and the flush."""

import csv
import io
import re
from datetime import UTC, datetime, timedelta
from html import unescape

import pytest
import time_machine
from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile

from analytics.realtime import take_sample
from readership.flush import flush
from testing.factories import make_article
from testing.readership import beacon, leave, view

pytestmark = pytest.mark.django_db
NOON = datetime(2026, 6, 27, 12, 0, tzinfo=UTC)
LATER = NOON + timedelta(days=1, hours=1)


@pytest.fixture(autouse=True)
def _main_domain(settings):
    settings.CANONICAL_BASE_URL = "http://testserver"


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pass")
    client.force_login(user)
    return client


def table_rows(html, name):
    """The rows of one table of a page, cell texts as shown."""
    section = html.split(f'id="table-{name}"')[1].split("</section>")[0]
    body = section.split("<tbody>")[1].split("</tbody>")[0]
    rows = []
    for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        rows.append([unescape(re.sub(r"<[^>]+>", "", cell)).strip() for cell in cells])
    return rows


def csv_rows(response):
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))[1:]


def read_article(client, article, readers, referrer, seconds, scroll, first_ip=0):
    for number in range(readers):
        ip = f"203.0.113.{first_ip + number}"
        view(client, article, referrer=referrer, ip=ip)
        leave(client, article, seconds=seconds, scroll=scroll, referrer=referrer, ip=ip)


def test_article_page_shows_exact_figures_and_its_csv_matches(client, editor, homes):
    article = make_article(title="Навіна з лічбамі", published_at=NOON - timedelta(minutes=30))
    with time_machine.travel(NOON, tick=False):
        read_article(client, article, 3, "https://t.me/channel/123?secret=1", 40, 100)
        read_article(client, article, 2, "www.google.com", 12, 25, first_ip=10)
    with time_machine.travel(NOON + timedelta(hours=2), tick=False):
        read_article(client, article, 1, "", 700, 50, first_ip=20)
        response = editor.get(f"/admin/analytics/article/{article.pk}/")
        html = response.content.decode()
        assert response.status_code == 200
        referrers = table_rows(html, "referrers")
        assert referrers == [
            ["t.me", "3", "50.0", "0:40"],
            ["google.com", "2", "33.3", "0:10"],
            ["Наўпрост, з закладак або невядома", "1", "16.7", "10:00"],
        ]
        assert table_rows(html, "scroll") == [
            ["25 %", "6", "100.0"],
            ["50 %", "4", "66.7"],
            ["75 %", "3", "50.0"],
            ["100 %", "3", "50.0"],
        ]
        hours = table_rows(html, "hours")
        assert [row[1] for row in hours[:3]] == ["0", "5", "0"]  # 11:00, 12:00, 13:00
        assert hours[3][1] == "1"  # 14:00, still in the buffer
        assert "<svg" in html and "secret" not in html
        for name in ("referrers", "scroll", "hours", "hosts", "engaged", "days"):
            exported = editor.get(f"/admin/analytics/article/{article.pk}/", {"csv": name})
            assert exported["Content-Type"].startswith("text/csv")
            assert csv_rows(exported) == table_rows(html, name)
    with time_machine.travel(LATER, tick=False):
        flush()
        after = editor.get(f"/admin/analytics/article/{article.pk}/").content.decode()
    assert table_rows(after, "referrers") == referrers
    assert table_rows(after, "hours")[3][1] == "1"


def test_period_compares_sections_languages_and_authors(client, editor, homes):
    be_article = make_article(title="Беларуская", language="be")
    en_article = make_article(title="English one", language="en")
    with time_machine.travel(NOON - timedelta(days=7), tick=False):
        read_article(client, be_article, 2, "t.me", 30, 50)
    with time_machine.travel(NOON, tick=False):
        read_article(client, be_article, 4, "t.me", 30, 50, first_ip=40)
        read_article(client, en_article, 1, "", 5, 0, first_ip=80)
    with time_machine.travel(LATER, tick=False):
        flush()
        response = editor.get(
            "/admin/analytics/period/",
            {"by": "language", "first": "2026-06-21", "last": "2026-06-27"},
        )
        html = response.content.decode()
        rows = table_rows(html, "groups")
        assert [row[:5] for row in rows] == [
            ["be", "1", "4", "2", "100.0"],
            ["en", "1", "1", "0", "–"],
        ]
        exported = editor.get(
            "/admin/analytics/period/",
            {"by": "language", "first": "2026-06-21", "last": "2026-06-27", "csv": "groups"},
        )
        assert [row[:5] for row in csv_rows(exported)] == [
            ["be", "1", "4", "2", "100.0"],
            ["en", "1", "1", "0", ""],
        ]
        assert table_rows(html, "referrers")[0][:3] == ["t.me", "4", "2"]
        for by in ("section", "author"):
            assert editor.get("/admin/analytics/period/", {"by": by}).status_code == 200


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (
            {"first": "2026-06-27", "last": "2026-06-01"},
            "Первый день не может быть позже последнего.",
        ),
        ({"first": "not a date"}, "Введите правильную дату."),
        ({"by": "reader"}, "Выберите корректный вариант."),
    ],
)
def test_bad_period_is_explained_in_the_editors_language(editor, homes, query, message):
    user = get_user_model().objects.get(username="editor")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "ru"
    profile.save()
    with time_machine.travel(NOON, tick=False):
        response = editor.get("/admin/analytics/period/", query)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_real_time_shows_readers_sparklines_and_rising(client, editor, homes, buffer_kind):
    steady, rising = make_article(title="Steady"), make_article(title="Rising fast")
    for minute in range(20):
        moment = NOON + timedelta(minutes=minute)
        with time_machine.travel(moment, tick=False):
            beacon(client, steady, kind="heartbeat", ip="203.0.113.1")
            if minute >= 15:
                for number in range(minute - 13):
                    beacon(client, rising, kind="heartbeat", ip=f"198.51.100.{number}")
            take_sample()
    with time_machine.travel(NOON + timedelta(minutes=19, seconds=30), tick=False):
        html = editor.get("/admin/analytics/").content.decode()
        exported = editor.get("/admin/analytics/", {"csv": "now"})
    assert table_rows(html, "now")[0][:3] == ["Rising fast", "be", "6"]
    assert table_rows(html, "rising")[0][0] == "Rising fast"
    assert "Steady" not in [row[0] for row in table_rows(html, "rising")]
    series = table_rows(html, "now")[0][3].split()
    assert len(series) == 30 and series[-5:] == ["2", "3", "4", "5", "6"]
    assert csv_rows(exported) == table_rows(html, "now")
    assert "<polyline" in html


def test_unknown_csv_table_is_a_404(editor, homes):
    assert editor.get("/admin/analytics/", {"csv": "readers"}).status_code == 404


def test_analytics_needs_an_editor(client, homes):
    assert client.get("/admin/analytics/").status_code == 302
