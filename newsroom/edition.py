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
    full_key = f"edition:{pagecache.generation()}:{key}"
    try:
        value = cache.get(full_key)
    except pagecache.UNREACHABLE:
        return build()  # a lost Redis costs queries, not pages
    if value is None:
        value = build()
        with contextlib.suppress(*pagecache.UNREACHABLE):
            cache.set(full_key, _NOTHING if value is None else value, REMEMBER_SECONDS)
    return None if value == _NOTHING else value


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
    with contextlib.suppress(*pagecache.UNREACHABLE):
        cache.set(f"edition:{pagecache.generation()}:{key}", value, REMEMBER_SECONDS)


def recall(key):
    try:
        return cache.get(f"edition:{pagecache.generation()}:{key}")
    except pagecache.UNREACHABLE:
        return None
