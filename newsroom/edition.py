"""What rarely changes about the editions, kept in the shared cache between publications.

Every reader page needs the site, the main pages of the three languages, the sections
for the navigation and where each URL leads; looking them up per request cost most of a
page's SQL queries. Values are stored under the page-cache generation
(samizdat.pagecache), which publishing, unpublishing, moving or deleting a page, and
editing a site, locale, author, photo or view restriction, moves on (newsroom.signals):
so nothing here outlives the change that made it wrong.
"""

import contextlib
import hashlib
import pickle
import threading

from django.core.cache import cache
from django.db.models import Q
from django.http.request import split_domain_port
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.models.sites import get_site_for_hostname

from samizdat import pagecache

# Long enough to be read thousands of times; a new generation makes it unreachable anyway.
REMEMBER_SECONDS = 3600
_NOTHING = ("nothing",)


def remember(key, build):
    """The value stored for this generation under key, built (and stored) when missing."""
    generation = pagecache.generation()
    full_key = f"edition:{generation}:{key}"
    value = _memo.get(generation, full_key)
    if value is not None:
        return None if value == _NOTHING else value
    try:
        value = cache.get(full_key)
    except pagecache.UNREACHABLE:
        return build()  # a lost Redis costs queries, not pages
    if value is None:
        value = build()
        with contextlib.suppress(*pagecache.UNREACHABLE):
            cache.set(full_key, _NOTHING if value is None else value, REMEMBER_SECONDS)
    _memo.put(generation, full_key, _NOTHING if value is None else value)
    return None if value == _NOTHING else value


class GenerationMemo:
    """This process's copy of what it read from the shared cache in the current generation.

    A hot article's render read some fifteen values from Redis, a round trip each. Values
    under a generation never change (a change starts a new generation), so a process may
    keep them: until the generation moves on, then they are dropped all at once. Each
    reader gets its own copy (renders attach things to the pages they are given); text,
    which nobody can change, is shared. Bounded in bytes, so a worker stays small.
    """

    def __init__(self, limit_bytes):
        self.limit_bytes = limit_bytes
        self._generation, self._values, self._size = None, {}, 0
        self._lock = threading.Lock()

    def get(self, generation, key):
        if generation != self._generation:
            return None
        stored = self._values.get(key)
        if stored is None or isinstance(stored, str):
            return stored
        return pickle.loads(stored)  # noqa: S301 (our own pickles of our own values)

    def put(self, generation, key, value):
        stored = value if isinstance(value, str) else pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        with self._lock:
            if generation != self._generation or self._size + len(stored) > self.limit_bytes:
                self._generation, self._values, self._size = generation, {}, 0
            if len(stored) <= self.limit_bytes:
                self._values[key] = stored
                self._size += len(stored)


# A few hundred articles' pages and fragments: what a breaking story's readers hit.
_memo = GenerationMemo(limit_bytes=8 * 1024 * 1024)


def site_for(request):
    """Wagtail's site for the request's host, without a query per request."""
    if not hasattr(request, "_wagtail_site"):
        # The same lookup as Site.find_for_request (raw host, port), remembered per host.
        hostname, port = split_domain_port(request._get_raw_host())[0], request.get_port()
        digest = hashlib.blake2b(f"{hostname}:{port}".encode(), digest_size=12).hexdigest()
        request._wagtail_site = remember(f"site:{digest}", lambda: _site_or_none(hostname, port))
    return request._wagtail_site


def _site_or_none(hostname, port):
    try:
        return get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return None


def restricted_paths():
    """Tree paths of the pages that carry a view restriction (private sections)."""
    return remember(
        "restricted",
        lambda: sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True))),
    )


def private_q():
    """Wagtail's private_q() from the remembered restrictions: the same filter, no query."""
    query = Q()
    for path in restricted_paths():
        query |= Q(path__startswith=path)
    return query


def url_of_path(request, path):
    """The URL of the page at a tree path (e.g. an article's parent), as get_url gives it."""
    site = site_for(request)
    return remember(
        f"url:{site.pk if site else 0}:{path}",
        lambda: Page.objects.get(path=path).get_url(request),
    )


def store(key, value):
    """Keep a value for this generation (see remember)."""
    generation = pagecache.generation()
    with contextlib.suppress(*pagecache.UNREACHABLE):
        cache.set(f"edition:{generation}:{key}", value, REMEMBER_SECONDS)
    _memo.put(generation, f"edition:{generation}:{key}", value)


def recall(key):
    generation = pagecache.generation()
    full_key = f"edition:{generation}:{key}"
    value = _memo.get(generation, full_key)
    if value is not None:
        return value
    try:
        value = cache.get(full_key)
    except pagecache.UNREACHABLE:
        return None
    if value is not None:
        _memo.put(generation, full_key, value)
    return value
