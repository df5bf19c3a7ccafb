"""Wagtail's lookups that every reader page makes, remembered between publications.

The site for a host, the pages under a view restriction and the URL of a page by its tree
path: looking them up per request cost most of a page's SQL queries. They are kept for the
cache generation (samizdat.caching.SITE_LOOKUPS), which publishing, unpublishing, moving or
deleting a page, and editing a site, locale, author, photo or view restriction, moves on
(newsroom.signals): so nothing here outlives the change that made it wrong.
"""

import hashlib

from django.db.models import Q
from django.http.request import split_domain_port
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.models.sites import get_site_for_hostname

from samizdat import caching


def site_for(request):
    """Wagtail's site for the request's host, without a query per request."""
    if not hasattr(request, "_wagtail_site"):
        # The same lookup as Site.find_for_request (raw host, port), remembered per host.
        hostname, port = split_domain_port(request._get_raw_host())[0], request.get_port()
        digest = hashlib.blake2b(f"{hostname}:{port}".encode(), digest_size=12).hexdigest()
        request._wagtail_site = caching.remember(
            caching.SITE_LOOKUPS, f"site:{digest}", lambda: _site_or_none(hostname, port)
        )
    return request._wagtail_site


def _site_or_none(hostname, port):
    try:
        return get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return None


def restricted_paths():
    """Tree paths of the pages that carry a view restriction (private sections)."""
    return caching.remember(
        caching.SITE_LOOKUPS,
        "restricted",
        lambda: sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True))),
    )


def is_restricted(path):
    """Whether the page at this tree path is under a view restriction (Wagtail's public()
    leaves it out), judged by the remembered restrictions: no query."""
    return any(path.startswith(restricted) for restricted in restricted_paths())


def private_q():
    """Wagtail's private_q() from the remembered restrictions: the same filter, no query."""
    query = Q()
    for path in restricted_paths():
        query |= Q(path__startswith=path)
    return query


def url_of_path(request, path):
    """The URL of the page at a tree path (e.g. an article's parent), as get_url gives it."""
    site = site_for(request)
    return caching.remember(
        caching.SITE_LOOKUPS,
        f"url:{site.pk if site else 0}:{path}",
        lambda: Page.objects.get(path=path).get_url(request),
    )
