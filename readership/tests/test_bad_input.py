"""Beacons and likes that must be refused or ignored, leaving every count as it was."""

import json
from datetime import UTC, datetime

import pytest
import time_machine

from newsroom.models import ArticlePage
from readership import numbers
from readership.buffers import current_buffer
from testing import ORIGIN
from testing.factories import make_article
from testing.readership import READER_AGENT, beacon, like

pytestmark = pytest.mark.django_db
NOON = datetime(2026, 6, 27, 12, 0, tzinfo=UTC)


def post(client, path, body, **extra):
    return client.post(
        f"/api/readership/{path}",
        data=body,
        content_type="text/plain",
        REMOTE_ADDR="203.0.113.7",
        HTTP_USER_AGENT=READER_AGENT,
        **{"HTTP_ORIGIN": ORIGIN, **extra},
    )


def nothing_counted():
    board = numbers._board("be")
    return board == {"now_reading": [], "most_read": [], "most_liked": []}


@pytest.mark.parametrize(
    "body",
    [
        "",
        "not json",
        "[]",
        "null",
        '{"article": "12", "kind": "view"}',
        '{"article": -3, "kind": "view"}',
        '{"article": true, "kind": "view"}',
        '{"article": 1.5, "kind": "view"}',
        '{"kind": "view"}',
        '{"article": 1, "kind": "<script>alert(1)</script>"}',
        b"\xff\xfe\x00",
    ],
)
def test_malformed_beacons_are_refused(client, homes, body, buffer_kind):
    make_article()
    response = post(client, "beacon", body)
    assert response.status_code == 400
    assert response.json()["code"] == "malformed"
    assert nothing_counted()


def test_huge_beacon_is_refused(client, homes, buffer_kind):
    article = make_article()
    body = json.dumps({"article": article.pk, "kind": "view", "padding": "x" * 5000})
    response = post(client, "beacon", body)
    assert response.status_code == 413
    assert response.json()["code"] == "too_large"
    assert nothing_counted()


def test_beacon_for_an_unknown_page_is_refused(client, homes, buffer_kind):
    response = beacon(client, 987654)
    assert response.status_code == 404
    assert response.json()["code"] == "unknown_article"
    assert nothing_counted()


def test_beacon_for_an_unpublished_article_is_refused(client, homes, buffer_kind):
    draft = make_article(publish=False)
    assert beacon(client, draft).json()["code"] == "unknown_article"
    assert like(client, draft).json()["code"] == "unknown_article"
    assert nothing_counted()


def test_beacon_for_a_page_that_is_not_an_article_is_refused(client, homes, buffer_kind):
    assert beacon(client, homes["be"]).status_code == 404
    assert nothing_counted()


def test_errors_speak_the_readers_language(client, homes):
    response = post(client, "beacon", "nonsense", HTTP_ACCEPT_LANGUAGE="ru")
    assert response.json() == {"error": "Не удалось прочитать запрос.", "code": "malformed"}
    response = post(client, "beacon", "nonsense", HTTP_ACCEPT_LANGUAGE="be")
    assert response.json() == {"error": "Не ўдалося прачытаць запыт.", "code": "malformed"}


def test_a_flood_from_one_client_is_rate_limited_and_counts_once(client, homes, buffer_kind):
    article = make_article()
    with time_machine.travel(NOON, tick=False):
        statuses = [beacon(client, article).status_code for _ in range(70)]
        assert statuses.count(202) == 60
        assert set(statuses[60:]) == {429}
        assert beacon(client, article).json()["code"] == "rate_limited"
        # Another reader is not held back by the flood.
        assert beacon(client, article, ip="203.0.113.8").status_code == 202
        assert numbers._board("be")["most_read"][0]["readers"] == 2


def test_a_flood_of_likes_is_rate_limited(client, homes, buffer_kind):
    article = make_article()
    with time_machine.travel(NOON, tick=False):
        statuses = [like(client, article).status_code for _ in range(25)]
    assert statuses.count(200) == 20
    assert statuses[-1] == 429
    assert numbers.like_counts([article.pk]) == {article.pk: 1}


def test_like_must_say_true_or_false(client, homes):
    article = make_article()
    response = post(client, "like", json.dumps({"article": article.pk, "liked": "yes"}))
    assert response.status_code == 400
    assert numbers.like_counts([article.pk]) == {article.pk: 0}


@pytest.mark.parametrize("query", ["lang=xx", "ids=1,two", "lang=<b>"])
def test_live_numbers_refuse_bad_queries(client, homes, query):
    response = client.get(f"/api/readership/live?{query}")
    assert response.status_code == 400
    assert response.json()["code"] in {"malformed", "unknown_language"}


@pytest.mark.parametrize("origin", ["https://evil.example", "null", ""])
def test_another_site_cannot_make_its_visitors_unlike_or_like(client, homes, buffer_kind, origin):
    # text/plain needs no preflight: without the Origin check any page could post here.
    article = make_article()
    assert like(client, article).status_code == 200
    pending = current_buffer().pending_counts()
    for liked in (False, True):
        response = like(client, article, liked=liked, HTTP_ORIGIN=origin)
        assert response.status_code == 403
        assert response.json()["code"] == "origin"
        assert beacon(client, article, HTTP_ORIGIN=origin).status_code == 403
    assert numbers.like_counts([article.pk]) == {article.pk: 1}
    assert current_buffer().pending_counts() == pending


def test_beacons_stop_counting_an_unpublished_article_within_the_bound(
    client, homes, buffer_kind, django_capture_on_commit_callbacks
):
    """Whether an article is published is remembered for caching.PUBLISHED_ARTICLES, and
    by each process for caching.LOCAL_PUBLISHED on top."""
    from datetime import timedelta

    from django.core.cache import cache

    from samizdat import caching

    article = make_article()
    with time_machine.travel(NOON, tick=False):
        assert beacon(client, article).status_code == 202
        with django_capture_on_commit_callbacks(execute=True):
            ArticlePage.objects.get(pk=article.pk).unpublish()
        assert beacon(client, article).status_code == 202  # remembered as published
    bound = caching.PUBLISHED_ARTICLES.seconds
    if hasattr(cache, "ttl"):  # Redis expires keys on its own clock, not the travelled one
        assert 0 < cache.ttl(f"readership:published:{article.pk}") <= bound
        return
    bound += caching.LOCAL_PUBLISHED.seconds
    with time_machine.travel(NOON + timedelta(seconds=bound + 1), tick=False):
        answer = beacon(client, article)
        assert answer.status_code == 404, answer.content
