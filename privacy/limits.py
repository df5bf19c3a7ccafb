"""Rate limits per hashed address, shared by every app server through the cache.

django-ratelimit does the counting in Django's cache (Redis in production); we only give
it our hashed address as the key, so no IP address ever reaches the cache. The key leaves
the user agent out: a limit must not give way to a changed header (privacy.clients).
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django_ratelimit import core as ratelimit
from django_ratelimit.core import get_usage, is_ratelimited

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
    key = "rl:" + hashlib.sha256(parts.encode()).hexdigest()
    return cache.make_key(key), limit, period + ratelimit.EXPIRATION_FUDGE
