"""A live blog's version: changed by every entry posted, edited, published or deleted.

The latest entries are rendered once per version and kept (live.views.recent_entries);
every poll between two changes, whatever its cursor, is answered from them or from the
page cache. A random number rather than a counter: a flushed cache can never bring back
an old one.
"""

import secrets

from django.core.cache import cache

from samizdat import caching


def version_key(blog_pk):
    return f"live:version:{blog_pk}"


def version(blog_pk):
    key = version_key(blog_pk)
    value = cache.get(key)
    if value is None:
        cache.add(key, secrets.randbits(48), caching.LIVE_VERSIONS.seconds)
        value = cache.get(key) or 0
    return value


def bump(blog_pk):
    cache.set(version_key(blog_pk), secrets.randbits(48), caching.LIVE_VERSIONS.seconds)


def recent_key(blog_pk, current, day):
    # The day too: an entry's time shows its date once it is no longer today's. "changes":
    # the stored form holds the latest changes as well; one stored by a release before
    # them (a list of entries) is never read as this one.
    return f"live:recent:changes:{blog_pk}:{current}:{day.isoformat()}"


RENDERS_KEY = "live:renders"


def count_render():
    """Renders of a blog's latest entries (the bench reports them per entry)."""
    try:
        cache.incr(RENDERS_KEY)
    except ValueError:
        cache.set(RENDERS_KEY, 1, None)


def renders():
    return cache.get(RENDERS_KEY) or 0
