"""Deep pages of a list seek by their first article's key and show what OFFSET showed."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.db.backends.utils import CursorWrapper
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from newsroom import models
from newsroom.models import ArticlePage
from testing.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def seven_articles(homes, settings):
    settings.PAGE_CACHE_SECONDS = 0
    settings.NEWS_PAGE_SIZE = 2
    now = timezone.now()
    for number in range(7):
        article = make_article(title=f"Навіна {number}", section_slug="culture")
        # Two share a minute: the page's key must break the tie as the order does.
        when = now - timedelta(minutes=min(number, 5))
        ArticlePage.objects.filter(pk=article.pk).update(first_published_at=when, sort_date=when)


def pages_of(client, url, count=5):
    return [re.findall(r"Навіна (\d+)</a>", client.get(f"{url}?page={n}").content.decode())
            for n in range(1, count + 1)]  # fmt: skip


@pytest.mark.parametrize("url", ["/be/news/", "/be/culture/"])
def test_seeking_shows_the_same_pages_as_offset(client, seven_articles, monkeypatch, url):
    by_offset = pages_of(client, url)
    monkeypatch.setattr(models, "SEEK_FROM_PAGE", 2)
    by_seek = pages_of(client, url)
    assert by_seek == by_offset
    assert sum(by_offset[:4], []) == ["0", "1", "2", "3", "4", "6", "5"]
    assert by_offset[-1] == by_offset[-2]  # page 5 of 4 shows the last page, as before


def test_a_deep_page_reads_no_row_before_it(client, seven_articles, monkeypatch):
    monkeypatch.setattr(models, "SEEK_FROM_PAGE", 2)
    client.get("/be/news/?page=3")  # remembers the pages' first keys
    with CaptureQueriesContext(connection) as queries:
        client.get("/be/news/?page=3")
    listing = [q["sql"] for q in queries if "newsroom_articlepage" in q["sql"]]
    assert listing and all("OFFSET" not in sql for sql in listing), listing
    assert not any("COUNT(" in sql for sql in listing), listing


def test_bad_page_numbers_still_fall_back(client, seven_articles, monkeypatch):
    monkeypatch.setattr(models, "SEEK_FROM_PAGE", 2)
    first = client.get("/be/news/?page=1").content.decode()
    for bad in ["abc", "-1", "0", "1.5", "9" * 40]:
        response = client.get(f"/be/news/?page={bad}")
        assert response.status_code == 200
    assert re.findall(r"Навіна (\d+)</a>", client.get("/be/news/?page=abc").content.decode()) \
        == re.findall(r"Навіна (\d+)</a>", first)  # fmt: skip


def test_the_pages_first_keys_leave_the_database_alone(seven_articles, monkeypatch):
    """Only each page's first key is fetched, not every key of the list (memory per worker)."""
    fetched = []

    def fetchmany(self, size=1):
        rows = self.cursor.fetchmany(size)
        fetched.append(len(rows))
        return rows

    listed = ArticlePage.objects.published().newest_first()
    monkeypatch.setattr(CursorWrapper, "fetchmany", fetchmany, raising=False)
    anchors = models.RememberedCountPaginator(listed, 2, "test-list").page_anchors()
    monkeypatch.undo()
    assert anchors == list(listed.values_list("sort_date", "pk"))[::2]
    assert sum(fetched) == len(anchors) == 4
