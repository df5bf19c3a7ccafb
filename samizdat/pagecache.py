"""Full-page cache for anonymous readers (DESIGN.md, request path).

Every anonymous reader gets the same HTML for a URL, so a rendered page is stored once in
the shared cache (Redis in production) and served to everyone until it changes. The
middleware sits near the top of the stack, so a hit skips sessions, auth, locale and
Wagtail's routing altogether.

Freshness: a key carries a generation number; publishing, unpublishing, moving or deleting
any page starts a new generation (every page may list the changed one). A new or moderated
comment purges only its article: lists show comment counts that the live-numbers endpoint
refreshes, and their entries live PAGE_CACHE_SECONDS at most (a minute by default).
"""

import hashlib
import secrets
import time

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_cache_control
from django.utils.http import http_date, quote_etag
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import RedisError

GENERATION_KEY = "pagecache:generation"
HOSTS_KEY = "pagecache:hosts"
MAX_HOSTS = 50
CACHED_TYPES = ("text/html", "application/rss+xml", "application/atom+xml", "application/xml")
SKIPPED_PREFIXES = ("/admin/", "/api/", "/documents/", "/static/", "/media/", "/comments/")
ALLOWED_QUERY = {"page", "q", "images"}
STORED_HEADERS = ("Content-Type", "Content-Language", "Vary", "Link", "Onion-Location")


# Each process reads the shared generation at most once a second rather than per request:
# a purge made by another process is seen within that second.
GENERATION_SECONDS = 1.0
_seen = {"value": None, "until": 0.0}
# What a Redis cache raises when it is down and not told to ignore it.
UNREACHABLE = (RedisError, ConnectionInterrupted)


def generation():
    now = time.monotonic()
    if _seen["value"] is not None and now < _seen["until"]:
        return _seen["value"]
    try:
        value = cache.get(GENERATION_KEY)
        if value is None:
            cache.add(GENERATION_KEY, fresh_generation(), None)
            value = cache.get(GENERATION_KEY) or 1
    except UNREACHABLE:
        # Nothing stored can be read either; the number only has to be a number.
        return _seen["value"] or 1
    _remember_generation(value)
    return value


def fresh_generation():
    # A lost counter (cache flushed or evicted) restarts at a random number, not at 1, so
    # entries stored under the old numbers can never be taken for new ones.
    return secrets.randbits(48)


def _remember_generation(value):
    _seen.update(value=value, until=time.monotonic() + GENERATION_SECONDS)


def forget_generation():
    """Drop this process's copy of the generation: the next lookup reads the shared one.

    For when the shared cache was emptied (tests do it between cases); otherwise a process
    would go on using the old number for up to a second and then switch mid-way.
    """
    _seen.update(value=None, until=0.0)


def purge_everything():
    """Start a new generation: every stored page is ignored from now on."""
    try:
        value = cache.incr(GENERATION_KEY)
    except ValueError:
        value = fresh_generation()
        cache.set(GENERATION_KEY, value, None)
    _remember_generation(value)


def purge_path(path):
    """Drop the stored copies of one page under every host name it was served on."""
    keys = [key_for(host, path, "") for host in known_hosts()]
    # The spare copy goes too: a comment hidden by a moderator must not come back in it.
    cache.delete_many(keys + [spare_key(key) for key in keys])
    from samizdat import cdn

    cdn.purge([path])


def known_hosts():
    return cache.get(HOSTS_KEY) or set()


def remember_host(host):
    hosts = known_hosts()
    if host not in hosts and len(hosts) < MAX_HOSTS:
        cache.set(HOSTS_KEY, hosts | {host}, None)


def key_for(host, path, query):
    # The host is part of the key: feeds carry absolute links to the host they were read on
    # (mirrors), and nothing served to one mirror may send readers to another.
    digest = hashlib.blake2b(f"{host}{path}?{query}".encode(), digest_size=16).hexdigest()
    return f"pagecache:{generation()}:{digest}"


def spare_key(key):
    """Where a page's spare copy lives: served only when the page cannot be rendered."""
    return f"{key}:spare"


def cacheable_request(request):
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path.startswith(SKIPPED_PREFIXES) or "/comments/" in request.path:
        return False
    # A signed-in editor sees previews and the user bar: never share their pages.
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
        return False
    return set(request.GET) <= ALLOWED_QUERY


def normalized_query(request):
    return "&".join(f"{k}={request.GET[k]}" for k in sorted(request.GET))


def cacheable_response(response):
    return (
        response.status_code == 200
        and not response.cookies
        and not response.streaming
        and response.get("Content-Type", "").startswith(CACHED_TYPES)
        and "no-store" not in response.get("Cache-Control", "")
        and "private" not in response.get("Cache-Control", "")
    )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_SECONDS or not cacheable_request(request):
            return self.get_response(request)
        host = request.get_host()
        key = key_for(host, request.path, normalized_query(request))
        stored = cache.get(key)
        if stored is not None:
            return self.from_store(request, stored)
        request.page_cache_key = key
        response = self.get_response(request)
        if cacheable_response(response):
            remember_host(host)
            stored = self.to_store(response)
            cache.set(key, stored, settings.PAGE_CACHE_SECONDS)
            # A spare copy outlives the fresh one for the time a CDN may serve a stale page:
            # if the database fails, readers get this rather than an error (spare_response).
            spare_seconds = settings.PAGE_CACHE_SECONDS + settings.PAGE_CACHE_STALE_SECONDS
            cache.set(spare_key(key), stored, spare_seconds)
            self.mark_cacheable(response)
        return response

    @staticmethod
    def to_store(response):
        body = response.content
        etag = quote_etag(hashlib.blake2b(body, digest_size=12).hexdigest())
        headers = {name: response[name] for name in STORED_HEADERS if response.has_header(name)}
        response["ETag"] = etag
        return {"body": body, "headers": headers, "etag": etag, "at": http_date()}

    @staticmethod
    def mark_cacheable(response):
        # Shared caches (CDN, nginx) may keep the page; browsers revalidate every time (a
        # cheap 304), so a reader coming back after commenting sees the new comment.
        patch_cache_control(
            response,
            public=True,
            max_age=0,
            s_maxage=settings.PAGE_CACHE_SECONDS,
            stale_while_revalidate=settings.PAGE_CACHE_STALE_SECONDS,
        )

    @classmethod
    def from_store(cls, request, stored):
        from django.http import HttpResponse, HttpResponseNotModified

        if stored["etag"] in request.META.get("HTTP_IF_NONE_MATCH", ""):
            response = HttpResponseNotModified()
        else:
            response = HttpResponse(b"" if request.method == "HEAD" else stored["body"])
            for name, value in stored["headers"].items():
                response[name] = value
        response["ETag"] = stored["etag"]
        response["Last-Modified"] = stored["at"]
        response["X-Page-Cache"] = "hit"
        response["Cache-Control"] = cls.hit_cache_control()
        return response

    _hit_cache_control = (None, "")

    @classmethod
    def hit_cache_control(cls):
        """What mark_cacheable writes on a fresh response, worked out once per setting."""
        seconds = (settings.PAGE_CACHE_SECONDS, settings.PAGE_CACHE_STALE_SECONDS)
        if cls._hit_cache_control[0] != seconds:
            from django.http import HttpResponse

            sample = HttpResponse()
            cls.mark_cacheable(sample)
            cls._hit_cache_control = (seconds, sample["Cache-Control"])
        return cls._hit_cache_control[1]


def spare_response(request):
    """The page's spare copy when it was stored in this generation, else None.

    Only for a request the page cache looked up and missed (it set page_cache_key). The
    copy is marked no-store: no browser, CDN or page cache (cacheable_response) keeps it.
    """
    key = getattr(request, "page_cache_key", None)
    stored = cache.get(spare_key(key)) if key else None
    if stored is None:
        return None
    response = PageCacheMiddleware.from_store(request, stored)
    response["Cache-Control"] = "no-store"
    response["X-Page-Cache"] = "spare"
    return response
