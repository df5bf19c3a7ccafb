"""A refused request is held for SHIELD_REFUSAL_DELAY before its answer; others are not."""

import pytest
import time_machine

from shield import refusals
from shield.concurrency import slot
from testing.factories import make_article

pytestmark = pytest.mark.django_db
# Per-minute limits count in windows of the wall clock: the clock stands still where a test
# counts requests, so no window can end between them.
NOON = "2026-06-27 12:00 +03:00"


@pytest.fixture
def holds(monkeypatch):
    """Every hold the shield asks for, in seconds, instead of really sleeping."""
    asked = []
    monkeypatch.setattr(refusals.time, "sleep", asked.append)
    return asked


def test_search_refused_for_a_busy_site_is_held(client, homes, settings, holds):
    settings.SHIELD_REFUSAL_DELAY = 0.75
    settings.SEARCH_CONCURRENCY = 1
    with slot("search", 1):  # another app server's search holds the only slot
        response = client.get("/en/search/", {"q": "held"})
    assert response.status_code == 503
    assert holds == [0.75]


@time_machine.travel(NOON, tick=False)
def test_search_refused_for_asking_too_often_is_held(client, homes, settings, holds):
    settings.SHIELD_REFUSAL_DELAY = 1.0
    settings.SEARCH_RATE = "2/m"
    statuses = [client.get("/en/search/", {"q": f"word{n}"}).status_code for n in range(3)]
    assert statuses == [200, 200, 429]
    assert holds == [1.0]


def test_answers_that_are_not_refusals_are_not_held(client, homes, settings, holds):
    settings.SHIELD_REFUSAL_DELAY = 1.0
    article = make_article(title="Held nowhere", language="en")
    assert client.get(article.url).status_code == 200
    assert client.get("/en/search/", {"q": "held"}).status_code == 200
    assert holds == []


@time_machine.travel(NOON, tick=False)
def test_no_hold_by_default(client, homes, settings, holds):
    settings.SEARCH_RATE = "1/m"
    client.get("/en/search/", {"q": "one"})
    assert client.get("/en/search/", {"q": "two"}).status_code == 429
    assert holds == []
