"""Cross-site forgery protection that works from a page served out of a full-page cache.

Cached pages are the same for every reader, so they cannot carry Django's per-reader CSRF
token, and we set no cookie for readers. Instead:

- Browsers send an Origin header with every POST (forms and fetch alike); a forged form on
  another site carries that other site's origin. We accept a POST only when Origin, or
  failing that Referer, names the host the request came to, or when the browser itself
  says the request is same-origin (Sec-Fetch-Site). A request with none of these headers
  is refused: every browser we serve sends at least one on a POST.
- The JSON API also requires Content-Type application/json, which a cross-site page can
  only send after a CORS preflight that we never grant.

An attacker's own script can forge all of this, but it then posts as itself, from its own
address, and meets the rate limits like any other client: that is abuse, not forgery.
"""

from urllib.parse import urlsplit


def _host_of(url):
    try:
        return urlsplit(url).netloc.lower()
    except ValueError:
        return None


def is_same_origin(request):
    host = request.get_host().lower()
    origin = request.META.get("HTTP_ORIGIN")
    if origin and origin != "null":
        return _host_of(origin) == host
    referer = request.META.get("HTTP_REFERER")
    if referer:
        return _host_of(referer) == host
    return request.META.get("HTTP_SEC_FETCH_SITE") == "same-origin"


def is_json(request):
    return request.content_type == "application/json"
