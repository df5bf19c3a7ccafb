"""Redis stops: pages keep serving, and a beacon or like is accepted only when it counts."""

import signal
from datetime import timedelta

import pytest
from django.db.models import Sum

from readership import clock, numbers, reading
from readership.flush import flush
from readership.models import ArticleTotals, PendingCount, ReadingHour
from samizdat import rediscache
from testing import use_redis
from testing.factories import make_article
from testing.readership import beacon, like

pytestmark = pytest.mark.django_db


def test_readership_api_answers_while_redis_is_down(client, homes, settings, redis_to_stop):
    use_redis(settings, redis_to_stop.url)
    article = make_article()
    assert beacon(client, article).status_code == 202

    redis_to_stop.stop()

    # Nothing is accepted that cannot be counted.
    assert beacon(client, article).status_code == 503
    assert beacon(client, article, kind="heartbeat").json()["code"] == "unavailable"
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


def test_the_board_waits_for_no_other_process_while_redis_is_down(
    homes, settings, redis_to_stop, monkeypatch
):
    use_redis(settings, redis_to_stop.url, IGNORE_EXCEPTIONS=True)
    redis_to_stop.stop()
    slept = []
    monkeypatch.setattr(numbers.time, "sleep", slept.append)
    for _ in range(3):  # the first calls fail and open the breaker; later ones skip Redis
        assert numbers.board("be") == {"now_reading": [], "most_read": [], "most_liked": []}
    assert slept == []


def test_counting_resumes_when_redis_is_back(client, homes, settings, redis_to_stop):
    use_redis(settings, redis_to_stop.url)
    article = make_article()
    redis_to_stop.stop()
    assert beacon(client, article).status_code == 503  # refused, not silently dropped
    redis_to_stop.start()
    assert beacon(client, article, ip="203.0.113.9").status_code == 202
    readers = client.get("/api/readership/live").json()["most_read"][0]["readers"]
    assert readers == 1


def test_beacons_and_likes_redis_cannot_take_count_once_it_is_back(homes, settings, redis_to_stop):
    """Accepted means counted: what Redis could not take goes to the database, and the
    flush adds it to what Redis kept (paused here, so it keeps its data, as with AOF)."""
    use_redis(settings, redis_to_stop.url, IGNORE_EXCEPTIONS=True)  # as production sets it
    article = make_article()
    reading.record(reader_request("203.0.113.1"), article.pk, "view")  # into Redis

    redis_to_stop.process.send_signal(signal.SIGSTOP)
    try:
        # Sent, then no answer: Redis will carry it out when it resumes, so not again here,
        # and the reader is not told it was accepted.
        assert reading.record(reader_request("203.0.113.2"), article.pk, "view") is False
        # Not sent at all (the breaker is open): into the database.
        assert reading.record(reader_request("203.0.113.3"), article.pk, "view") is True
        assert reading.like(reader_request("203.0.113.2"), article.pk, True) == 1
    finally:
        redis_to_stop.process.send_signal(signal.SIGCONT)
    rediscache.forget_failures()  # the retry delay has passed
    reading.record(reader_request("203.0.113.4"), article.pk, "view")  # into Redis again

    later = clock.now() + timedelta(hours=2)
    assert flush(moment=later) >= 2
    assert flush(moment=later) == 0  # nothing is added twice

    totals = ArticleTotals.objects.get(article=article)
    assert (totals.views, totals.likes) == (4, 1)  # .1 .2 .4 in Redis, .3 and the like here
    hours = ReadingHour.objects.filter(article=article).aggregate(Sum("views"), Sum("likes"))
    assert (hours["views__sum"], hours["likes__sum"]) == (4, 1)
    assert not PendingCount.objects.exists()


def reader_request(ip):
    from django.test import RequestFactory

    return RequestFactory().post("/api/readership/beacon", REMOTE_ADDR=ip)


def test_the_deployment_check_asks_for_a_redis_that_keeps_counts(settings, redis_to_stop):
    from django_redis import get_redis_connection

    from readership.checks import redis_keeps_counts

    use_redis(settings, redis_to_stop.url)
    assert [warning.id for warning in redis_keeps_counts()] == ["readership.W001"]

    redis = get_redis_connection("default")
    redis.config_set("appendonly", "yes")
    try:
        assert redis_keeps_counts() == []
    finally:
        redis.config_set("appendonly", "no")  # so the server stops at once
