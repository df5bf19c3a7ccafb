"""A live blog's version: changed by every entry posted, edited or deleted.

Readers polling for updates are answered from what was rendered for (version, after), and
their ETag carries the version, so between two changes every poll is a cache hit or a 304.
A random number rather than a counter: a flushed cache can never bring back an old one.
"""

import secrets

from django.core.cache import cache

# Rendered answers of the updates endpoint outlive any poll interval many times over.
UPDATES_SECONDS = 600


def version_key(blog_pk):
    return f"live:version:{blog_pk}"


def version(blog_pk):
    key = version_key(blog_pk)
    value = cache.get(key)
    if value is None:
        cache.add(key, secrets.randbits(48), None)
        value = cache.get(key) or 0
    return value


def bump(blog_pk):
    cache.set(version_key(blog_pk), secrets.randbits(48), None)


def updates_key(blog_pk, current, after, fmt):
    return f"live:updates:{blog_pk}:{current}:{after}:{fmt}"


def count_render():
    """Origin renders of the updates endpoint (the bench reports them per entry)."""
    try:
        cache.incr("live:renders")
    except ValueError:
        cache.set("live:renders", 1, None)


CONTENT_TYPES = {"html": "text/html; charset=utf-8", "json": "application/json"}


def etag(blog_pk, current, after, fmt):
    return f'"live-{blog_pk}-{current}-{after}-{fmt}"'


def finish(response, tag):
    from django.utils.cache import patch_cache_control

    response["ETag"] = tag
    # Browsers and shared caches ask again every time; the answer is a 304 until it changes.
    patch_cache_control(response, public=True, no_cache=True)
    return response
