"""The live numbers endpoint the pages refresh from."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsroom.models import ArticlePage
from testing.factories import make_article
from testing.readership import beacon, like

pytestmark = pytest.mark.django_db
NOON = datetime(2026, 6, 27, 12, 0, tzinfo=UTC)


def test_live_numbers_list_articles_with_headline_comments_and_likes(client, homes, buffer_kind):
    article = make_article(title="Жывая навіна")
    ArticlePage.objects.filter(pk=article.pk).update(comment_count=11)
    with time_machine.travel(NOON, tick=False):
        beacon(client, article)
        like(client, article)
        response = client.get(f"/api/readership/live?lang=be&ids={article.pk}")
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=0, s-maxage=5"
    numbers = response.json()
    expected = {
        "id": article.pk,
        "title": "Жывая навіна",
        "url": article.url,
        "comments": 11,
    }
    assert numbers["now_reading"] == [{**expected, "readers": 1, "likes": None}]
    assert numbers["most_read"] == [{**expected, "readers": 1, "likes": None}]
    assert numbers["most_liked"] == [{**expected, "readers": None, "likes": 1}]
    assert numbers["likes"] == {str(article.pk): 1}
    assert numbers["comments"] == {str(article.pk): 11}


def test_live_numbers_are_cached_a_few_seconds(client, homes):
    article = make_article()
    with time_machine.travel(NOON, tick=False):
        client.get(f"/api/readership/live?ids={article.pk}")
        with CaptureQueriesContext(connection) as queries:
            client.get(f"/api/readership/live?ids={article.pk}")
    # Only the comment counts of the listed articles are read again.
    assert len(queries.captured_queries) == 1


def test_a_like_shows_at_once_despite_the_cache(client, homes):
    article = make_article()
    with time_machine.travel(NOON, tick=False):
        client.get(f"/api/readership/live?ids={article.pk}")
        like(client, article)
        assert client.get(f"/api/readership/live?ids={article.pk}").json()["likes"] == {
            str(article.pk): 1
        }


def test_the_api_is_described_in_the_openapi_document(client):
    paths = client.get("/api/schema/").json()["paths"]
    assert {"/api/readership/beacon", "/api/readership/like", "/api/readership/live"} <= set(paths)
