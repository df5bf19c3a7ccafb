"""Redis stops: pages keep serving and beacons are answered; counting pauses."""

import pytest

from newsroom.tests.factories import make_article

from .conftest import beacon, like, use_redis

pytestmark = pytest.mark.django_db


def test_readership_api_answers_while_redis_is_down(client, homes, settings, redis_to_stop):
    use_redis(settings, redis_to_stop.url)
    article = make_article()
    assert beacon(client, article).status_code == 202

    redis_to_stop.stop()

    assert beacon(client, article).status_code == 202
    assert beacon(client, article, kind="heartbeat").status_code == 202
    live = client.get(f"/api/readership/live?ids={article.pk}")
    assert live.status_code == 200
    assert live.json()["now_reading"] == []
    assert live.json()["likes"] == {str(article.pk): 0}
    refused = like(client, article)
    assert refused.status_code == 503
    assert refused.json()["code"] == "unavailable"


def test_pages_keep_serving_while_redis_is_down(client, homes, settings, redis_to_stop):
    """With the cache set to shrug off a lost Redis, as production should be."""
    use_redis(settings, redis_to_stop.url, IGNORE_EXCEPTIONS=True)
    article = make_article()
    assert beacon(client, article).status_code == 202

    redis_to_stop.stop()

    home = client.get("/be/")
    assert home.status_code == 200
    assert b"data-readership-board" in home.content
    page = client.get(article.url)
    assert page.status_code == 200
    assert b"data-readership-likes" in page.content
    # The cache now answers "nothing" and django-ratelimit fails closed: a JSON refusal.
    answer = beacon(client, article)
    assert answer.status_code in {202, 429}
    assert answer["Content-Type"] == "application/json; charset=utf-8"


def test_counting_resumes_when_redis_is_back(client, homes, settings, redis_to_stop):
    use_redis(settings, redis_to_stop.url)
    article = make_article()
    redis_to_stop.stop()
    assert beacon(client, article).status_code == 202
    redis_to_stop.start()
    assert beacon(client, article, ip="203.0.113.9").status_code == 202
    readers = client.get("/api/readership/live").json()["most_read"][0]["readers"]
    assert readers == 1  # the beacon sent while Redis was down is the bounded loss
