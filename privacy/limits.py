"""Rate limits per hashed address, shared by every app server through the cache.

django-ratelimit does the counting in Django's cache (Redis in production); we only give
it our hashed address as the key, so no IP address ever reaches the cache. The key leaves
the user agent out: a limit must not give way to a changed header (privacy.clients).
"""

import hashlib

from django.conf import settings
from django.core.cache import cache, caches
from django_ratelimit import core as ratelimit
from django_ratelimit.core import get_usage, is_ratelimited
from django_redis import get_redis_connection
from django_redis.cache import RedisCache
from redis.exceptions import RedisError

from .clients import address_hash


def too_many(request, scope, rate, increment=True):
    """True when this address has gone over `rate` (e.g. "5/m") for `scope`."""
    return is_ratelimited(
        request,
        group=f"samizdat:{scope}",
        key=lambda group, req: address_hash(req, scope),
        rate=rate,
        increment=increment,
    )


def seconds_to_wait(request, scope, rate):
    """Count this request; 0 while the address is within `rate`, else seconds until it may retry."""
    usage = get_usage(
        request,
        group=f"samizdat:{scope}",
        key=lambda group, req: address_hash(req, scope),
        rate=rate,
        increment=True,
    )
    if usage is None or not usage["should_limit"]:
        return 0
    return max(1, usage["time_left"])


def counter(request, scope, rate):
    """The cache key too_many counts this address under now, its limit and its lifetime.

    For a caller that counts in its own Redis script (readership's leaving beacons): the
    same key django-ratelimit builds, in Django's cache, so both count one sender together.
    None when limits are off.
    """
    found = limit_counter(request, scope, rate)
    if found is None:
        return None
    key, limit, lifetime = found
    return cache.make_key(key), limit, lifetime


def limit_counter(request, scope, rate):
    """counter()'s key as Django's cache takes it (before its prefix), for first_over."""
    if not getattr(settings, "RATELIMIT_ENABLE", True):
        return None
    value = address_hash(request, scope)
    limit, period = ratelimit._split_rate(rate)
    window = ratelimit._get_window(value, period)
    # django-ratelimit's own key (core._make_cache_key, with its default prefix and hash,
    # which we keep), without its two look-ups of settings we do not set: together they
    # cost a beacon more than the hash. A test holds the two keys equal
    # (readership/tests/test_leaving_short_path.py).
    parts = f"samizdat:{scope}{limit}/{period}s{value}{window}"
    return (
        "rl:" + hashlib.sha256(parts.encode()).hexdigest(),
        limit,
        period + ratelimit.EXPIRATION_FUDGE,
    )


# Counters counted in turn in one round trip, each as django-ratelimit counts (one more per
# request; the lifetime set when the window's first request makes the key), stopping at the
# first one over its allowance. KEYS: the counters; ARGV: allowance and lifetime of each.
# The 1-based position of the counter that went over, or 0.
COUNT_IN_TURN = """
for i, key in ipairs(KEYS) do
    local used = redis.call('INCR', key)
    if used == 1 then redis.call('EXPIRE', key, ARGV[2 * i]) end
    if used > tonumber(ARGV[2 * i - 1]) then return i end
end
return 0
"""


def first_over(counters):
    """Count each (cache key, allowance, lifetime in seconds) in turn: limit_counter's, or
    another key of Django's cache counted the same way. The index of the first that went
    over its allowance (those after it are not counted), or None when all are within.

    One round trip to Redis where the cache is Redis, else the cache's add and incr as
    django-ratelimit makes them. A cache that cannot be reached lets the request through,
    as django-ratelimit's limits do with the cache set to ignore its errors.
    """
    if not counters:
        return None
    if isinstance(caches["default"], RedisCache):
        return _first_over_in_redis(counters)
    for index, (key, allowed, lifetime) in enumerate(counters):
        if _count(key, lifetime) > allowed:
            return index
    return None


def _first_over_in_redis(counters):
    keys = [cache.make_key(key) for key, _, _ in counters]
    args = [value for _, allowed, lifetime in counters for value in (allowed, lifetime)]
    try:
        redis = get_redis_connection("default")
        over = redis.register_script(COUNT_IN_TURN)(keys=keys, args=args)
    except RedisError:
        return None
    return int(over) - 1 if over else None


def _count(key, lifetime):
    """django-ratelimit's count: 1 for the window's first request, else one more."""
    if cache.add(key, 1, lifetime):
        return 1
    try:
        return cache.incr(key) or 0
    except ValueError:  # the key expired between the two calls: a new window begins
        return 1 if cache.add(key, 1, lifetime) else 0
