"""Rate limits per hashed client, shared by every app server through the cache.

django-ratelimit does the counting in Django's cache (Redis in production); we only give
it our hashed client as the key, so no IP address ever reaches the cache.
"""

from django_ratelimit.core import get_usage, is_ratelimited

from .clients import client_hash


def too_many(request, scope, rate, increment=True):
    """True when this client has gone over `rate` (e.g. "5/m") for `scope`."""
    return is_ratelimited(
        request,
        group=f"samizdat:{scope}",
        key=lambda group, req: client_hash(req, scope),
        rate=rate,
        increment=increment,
    )


def seconds_to_wait(request, scope, rate):
    """Count this request; 0 while the client is within `rate`, else seconds until it may retry."""
    usage = get_usage(
        request,
        group=f"samizdat:{scope}",
        key=lambda group, req: client_hash(req, scope),
        rate=rate,
        increment=True,
    )
    if usage is None or not usage["should_limit"]:
        return 0
    return max(1, usage["time_left"])
