"""Several limits counted in one round trip count exactly as django-ratelimit counts them."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from privacy.limits import first_over, limit_counter, too_many
from testing import use_redis

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["local cache", "redis"])
def limits_cache(request, settings):
    """The cache the limits count in: Django's local memory one, then Redis."""
    if request.param == "redis":
        use_redis(settings, request.getfixturevalue("redis_server").url)
    cache.clear()
    yield request.param
    cache.clear()


def reader(address="203.0.113.9"):
    return RequestFactory().post("/", REMOTE_ADDR=address)


def test_counted_in_turn_and_one_by_one_the_same_sender_meets_one_limit(limits_cache):
    request = reader()
    assert [too_many(request, "tests:minute", "3/m") for _ in range(2)] == [False, False]
    limit = limit_counter(request, "tests:minute", "3/m")
    assert first_over([limit]) is None  # the third of three
    assert first_over([limit]) == 0  # the fourth is over
    assert too_many(request, "tests:minute", "3/m")
    # Another address has a count of its own.
    assert first_over([limit_counter(reader("198.51.100.3"), "tests:minute", "3/m")]) is None


def test_counting_stops_at_the_first_counter_over_its_allowance(limits_cache):
    counters = [("tests:first", 1, 60), ("tests:second", 5, 60)]
    assert first_over(counters) is None
    assert first_over(counters) == 0
    assert first_over(counters) == 0
    assert (cache.get("tests:first"), cache.get("tests:second")) == (3, 1)
    assert first_over([("tests:second", 2, 60)]) is None
    assert first_over([("tests:second", 2, 60)]) == 0


def test_a_lifetime_is_set_when_the_window_begins_and_kept(limits_cache):
    first_over([("tests:window", 10, 60)])
    first_over([("tests:window", 10, 3600)])
    if limits_cache == "redis":
        assert 0 < cache.ttl("tests:window") <= 60
    assert cache.get("tests:window") == 2


def test_in_redis_the_counters_take_one_round_trip(settings, redis_server):
    use_redis(settings, redis_server.url)
    from django_redis import get_redis_connection

    counters = [("tests:a", 5, 60), ("tests:b", 5, 60), ("tests:c", 5, 60)]
    first_over(counters)  # the first call may load the script into Redis
    redis = get_redis_connection("default")
    before = redis.info("commandstats")
    assert first_over(counters) is None
    after = redis.info("commandstats")
    calls = {
        name: stats["calls"] - before.get(name, {}).get("calls", 0)
        for name, stats in after.items()
        if name not in ("cmdstat_info",)
    }
    assert {name: count for name, count in calls.items() if count} == {
        "cmdstat_evalsha": 1,
        "cmdstat_incr": 3,
    }
