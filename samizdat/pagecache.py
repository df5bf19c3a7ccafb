"""Full-page cache for anonymous readers (DESIGN.md, request path).

Every anonymous reader gets the same HTML for a URL, so a rendered page is stored once in
the shared cache (Redis in production) and served to everyone until it changes. The
middleware sits near the top of the stack, so a hit skips sessions, auth, locale and
Wagtail's routing altogether.

Freshness: a key carries a generation number; publishing, unpublishing, moving or deleting
any page starts a new generation (every page may list the changed one). A new or moderated
comment purges only its article: lists show comment counts that the live-numbers endpoint
refreshes, and their entries live PAGE_CACHE_SECONDS at most (50 seconds by default).
"""

import hashlib
import secrets
import threading
import time
from collections import namedtuple
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.cache import patch_cache_control
from django.utils.http import http_date, quote_etag

from samizdat import caching, rediscache
from samizdat.connections import release_connections
from samizdat.wsgipaths import wsgi_path

GENERATION_KEY = "pagecache:generation"
CACHED_TYPES = ("text/html", "application/rss+xml", "application/atom+xml", "application/xml")
SKIPPED_PREFIXES = ("/admin/", "/api/", "/documents/", "/static/", "/media/", "/comments/")
# The parameters reader pages read (list pages, search and live cursors, the live updates'
# format, the lite edition's images, sitemap parts). Any other is dropped before the lookup
# and before the renderer:
# `?utm_source=<random>` is the same page, not a way round the cache.
ALLOWED_QUERY = {"page", "q", "images", "p", "before", "after", "format"}
# Headers a hit works out per request rather than taking from the stored page.
NOT_STORED = {
    "content-length", "etag", "last-modified", "cache-control", "x-page-cache", "set-cookie",
    "onion-location", "date", "age",
}  # fmt: skip
# A miss renders once: the other readers of that page wait for it this long at most, in
# steps of RENDER_POLL_SECONDS; a renderer that died frees the page when its lock expires
# (caching.RENDER_LOCKS).
RENDER_WAIT_SECONDS = 2.0
RENDER_POLL_SECONDS = 0.01
# Stored in a page's place when its last render could not be kept (a 404, an error): the
# next readers render it themselves at once instead of queueing behind one another.
NOT_CACHEABLE = "not-cacheable"
# A purge leaves a mark under the page's path for longer than any render takes
# (caching.PURGE_MARKS): a render that began before the purge sees the mark changed and
# keeps nothing (render).
# Left out of a 304: it has no body.
BODY_HEADERS = {"Content-Type", "Content-Language"}


# Each process keeps the pages it served in the last second (caching.LOCAL_PAGES), so a
# story read thousands of times a second costs one shared-cache read per second per process,
# not one per reader. A purge made in this process drops its copies at once; one made in
# another process is seen within the second, as a new generation is. A few pages are
# enough: the ones being read.
# While Redis is unreachable (samizdat.rediscache) each process serves the copies it holds
# for a while after it got them (caching.OUTAGE_COPIES), and keeps the pages it renders
# meanwhile: reading stays almost as fast as with Redis. A purge made in another process
# cannot reach this one then, so a page a moderator changed (a hidden comment) is served
# that much longer by the other processes; the one that purged drops it at once.
_local_pages = {}  # key -> (page, fresh until, got at)


def stored_page(key):
    """The stored page (or NOT_CACHEABLE) under key: this process's copy, or the shared one."""
    now = time.monotonic()
    local = _local_pages.get(key)
    if local is not None:
        page, fresh_until, got_at = local
        if now < fresh_until or (
            now < got_at + caching.OUTAGE_COPIES.seconds and rediscache.unreachable()
        ):
            return page
    stored = cache.get(key)
    if stored is not None and stored != NOT_CACHEABLE:
        keep_local_page(key, stored, now)
    return stored


def keep_local_page(key, stored, now=None):
    now = time.monotonic() if now is None else now
    if key not in _local_pages and len(_local_pages) >= caching.LOCAL_PAGES.limit:
        del _local_pages[next(iter(_local_pages))]  # the copy got longest ago
    _local_pages.pop(key, None)  # kept in the order the copies were got
    _local_pages[key] = (stored, now + caching.LOCAL_PAGES.seconds, now)


@caching.on_forget
def forget_local_pages(keys=None):
    if keys is None:
        _local_pages.clear()
        _local_versions.clear()
    for key in keys or ():
        _local_pages.pop(key, None)


def purge_path(path, keep_stale=False):
    """Drop every stored copy of one page: each host, scheme and query (?page=2, ?images=1).

    A path has a version of its own in every key; a purge gives it a new one, so no copy
    needs to be found. keep_stale: a new comment only adds to the page, so readers may get
    the copy without it for the moment one of them takes to render the new one
    (stale_or_wait). A hidden comment must not come back in any copy, so by default the
    spare copies get a new version too.
    """
    kinds = ("page",) if keep_stale else ("page", "spare")
    digest = path_digest(path)
    # Before the copies go: a render that read the old rows and stores after this line
    # finds the mark changed (render); one that stored before it is under the old version.
    cache.set(purge_mark_key(path), secrets.randbits(48), caching.PURGE_MARKS.seconds)
    cache.set_many(
        {version_key(digest, kind): caching.fresh_generation() for kind in kinds},
        caching.PATH_VERSIONS.seconds,
    )
    _local_versions.pop(path, None)
    caching.purge_missed_redis()
    from samizdat import cdn

    cdn.purge([path])


# A path's versions are kept by each process for a second, as its pages are
# (caching.LOCAL_PATH_VERSIONS): a purge made in this process is seen at once, one made in
# another within the second.
_local_versions = {}


def path_digest(path):
    return hashlib.blake2b(path.encode(), digest_size=16).hexdigest()


def version_key(digest, kind):
    return f"pagecache:path:{digest}:{kind}"


def path_versions(path):
    """(page version, spare version) of a path: 0 until it is purged."""
    now = time.monotonic()
    local = _local_versions.get(path)
    # While Redis is unreachable, the versions this process knows keep its copies of
    # pages in reach (caching.OUTAGE_COPIES); a purge made then drops them all
    # (caching.purge_missed_redis).
    if local is not None and (now < local[1] or rediscache.unreachable()):
        return local[0]
    if rediscache.unreachable():
        return (0, 0)  # as generation(): ask nothing of a Redis marked unreachable
    digest = path_digest(path)
    try:
        found = cache.get_many([version_key(digest, "page"), version_key(digest, "spare")])
    except caching.UNREACHABLE:
        return (0, 0)  # nothing stored can be read either
    if rediscache.unreachable():
        return (0, 0)
    versions = (
        found.get(version_key(digest, "page"), 0),
        found.get(version_key(digest, "spare"), 0),
    )
    if len(_local_versions) >= caching.LOCAL_PATH_VERSIONS.limit:
        _local_versions.clear()
    _local_versions[path] = (versions, now + caching.LOCAL_PATH_VERSIONS.seconds)
    return versions


Keys = namedtuple("Keys", "page spare")


def keys_for(host, path, query, scheme="http"):
    """Where a page and its spare copy live, for this generation and the path's versions."""
    # The host is part of the key: feeds carry absolute links to the host they were read on
    # (mirrors), and nothing served to one mirror may send readers to another. So is the
    # scheme: the stored headers include HSTS only for pages read over HTTPS.
    text = f"{scheme}://{host}{path}?{query}"
    page_version, spare_version = path_versions(path)
    prefix = f"pagecache:{caching.generation()}"
    return Keys(
        page=f"{prefix}:{digest_of(text, page_version)}",
        spare=f"{prefix}:{digest_of(text, spare_version)}:spare",
    )


def purge_mark_key(path):
    """Where purge_path leaves its mark for a path, whatever the host, query or generation."""
    return f"pagecache:purged:{path_digest(path)}"


def digest_of(text, version):
    return hashlib.blake2b(f"{version}|{text}".encode(), digest_size=16).hexdigest()


def kept_hosts():
    """The host names copies are kept for: the main domain's, the environment's, the admin's.

    Any other name Django lets through (a name under a wildcard, a made-up port) is served
    but never stored, so junk Host headers cannot fill the cache or crowd out the mirrors.
    """
    main = urlsplit(settings.CANONICAL_BASE_URL)
    names = {name for name in settings.ALLOWED_HOSTS if not name.startswith((".", "*"))}
    return {main.netloc, *names}


def kept_host(host, server_port):
    """Whether copies are kept for this Host: a kept name, bare or on the port we serve on."""
    hosts = kept_hosts()
    if host in hosts:
        return True
    name, _, port = host.rpartition(":")
    return bool(name) and port == server_port and name in hosts


def render_lock_key(key):
    return f"{key}:rendering"


def cacheable_request(request):
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path.startswith(SKIPPED_PREFIXES) or "/comments/" in request.path:
        return False
    # A signed-in editor sees previews and the user bar: never share their pages. A
    # session cookie alone proves nothing (anyone can send one): the editor's mark must.
    return not signed_in_editor(request)


# Set beside an editor's session (accounts.middleware.EditorMarkMiddleware) and checked
# here without the database: a made-up session or CSRF cookie still gets the cached page.
EDITOR_COOKIE = "editor"
EDITOR_SALT = "samizdat.pagecache.editor"


def editor_mark(user):
    return signing.dumps(user.pk, salt=EDITOR_SALT, compress=False)


def signed_in_editor(request):
    mark = request.COOKIES.get(EDITOR_COOKIE)
    if not mark or settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    try:
        signing.loads(mark, salt=EDITOR_SALT, max_age=settings.SESSION_COOKIE_AGE)
    except signing.BadSignature:
        return False
    return True


# Query strings seen and what they normalise to: live blog polls ask the same few
# (?after=N) thousands of times a second, and parsing each costs more than the hit itself.
# Short ones only, a bounded number, per process (caching.QUERY_STRINGS).
_normalized = {}
NORMALIZED_LENGTH = 200


def normalized_query(request):
    """The parameters pages read, sorted and escaped: one query string per page."""
    raw = request.META.get("QUERY_STRING", "")
    if not raw:
        return ""
    found = _normalized.get(raw)
    if found is None:
        found = urlencode(
            sorted((key, request.GET[key]) for key in request.GET if key in ALLOWED_QUERY)
        )
        if len(raw) <= NORMALIZED_LENGTH:
            if len(_normalized) >= caching.QUERY_STRINGS.limit:
                _normalized.clear()
            _normalized[raw] = found
    return found


def drop_unknown_query(request):
    """Give the renderer only the query the page was looked up by."""
    from django.http import QueryDict

    query = normalized_query(request)
    if query != request.META.get("QUERY_STRING", ""):
        request.META["QUERY_STRING"] = query
        request.GET = QueryDict(query)
    # Worked out once a request: polled pages (?after=) are all queries.
    request.page_cache_query = query


def request_keys(request):
    """The keys of a cacheable request, None for a host no copy is kept for.

    Raises DisallowedHost for a host we do not serve.
    """
    host = request.get_host()
    if not kept_host(host, request.META.get("SERVER_PORT")):
        return None
    query = getattr(request, "page_cache_query", None)
    if query is None:
        query = normalized_query(request)
    return keys_for(host, request.path, query, request.scheme)


def cacheable_response(response):
    return (
        response.status_code == 200
        and not response.cookies
        and not response.streaming
        and (
            response.get("Content-Type", "").startswith(CACHED_TYPES)
            # A view may say its other type is a page too (a live blog's JSON updates).
            or getattr(response, "cache_as_page", False)
        )
        and "no-store" not in response.get("Cache-Control", "")
        and "private" not in response.get("Cache-Control", "")
    )


def to_store(response):
    """What is kept of a rendered page: its bytes and every header but per-request ones.

    The page cache is the outermost middleware, so these are the headers every layer below
    added (security policy, language, Vary): a hit answers with them and runs none of it.
    """
    body = response.content
    headers = [(name, value) for name, value in response.items() if name.lower() not in NOT_STORED]
    etag = quote_etag(hashlib.blake2b(body, digest_size=12).hexdigest())
    return {"body": body, "headers": headers, "etag": etag, "at": http_date()}


def hit(request, stored, fresh=True):
    """Status, headers and body of a stored page for this request (304 when it is unchanged)."""
    unchanged = not_modified(request, stored)
    headers = [
        *(header for header in stored["headers"] if not (unchanged and header[0] in BODY_HEADERS)),
        ("ETag", stored["etag"]),
        ("Last-Modified", stored["at"]),
        ("X-Page-Cache", "hit" if fresh else "stale"),
        ("Cache-Control", hit_cache_control(with_query(request)) if fresh else "no-cache"),
    ]
    if not unchanged:
        headers.append(("Content-Length", str(len(stored["body"]))))
    if any(
        name == "Content-Type" and value.startswith("text/html")
        for name, value in stored["headers"]
    ):
        headers.extend(host_headers(request))
    body = b"" if unchanged or request.method == "HEAD" else stored["body"]
    return (304 if unchanged else 200), headers, body


# Headers that depend on the host a page is read on, not on the page (the mirrors app adds
# Onion-Location): a stored copy serves every host, so a hit works them out again.
HOST_HEADERS = []


def add_host_header(header_for):
    """Register `header_for(request) -> (name, value) or None`, applied to every HTML hit."""
    if header_for not in HOST_HEADERS:
        HOST_HEADERS.append(header_for)
    return header_for


def host_headers(request):
    return [header for header_for in HOST_HEADERS if (header := header_for(request))]


def not_modified(request, stored):
    return stored["etag"] in request.META.get("HTTP_IF_NONE_MATCH", "")


_hit_cache_control = {"for": None, "value": {}}


def hit_cache_control(query=False):
    """What mark_cacheable writes on a fresh response, worked out once per setting."""
    seconds = (caching.PROXY_COPIES.seconds, caching.STALE_PROXY_COPIES.seconds)
    if _hit_cache_control["for"] != seconds:
        from django.http import HttpResponse

        values = {}
        for kind in (False, True):
            sample = HttpResponse()
            mark_cacheable(sample, query=kind)
            values[kind] = sample["Cache-Control"]
        _hit_cache_control.update({"for": seconds, "value": values})
    return _hit_cache_control["value"][query]


def with_query(request):
    return bool(request.META.get("QUERY_STRING"))


def mark_cacheable(response, query=False):
    # Shared caches (CDN, nginx) may keep the page; browsers revalidate every time (a
    # cheap 304), so a reader coming back after commenting sees the new comment. A copy
    # with a query (?page=2, ?images=1) is revalidated by the proxy too: its purges name
    # paths only (samizdat.cdn), and our own copy answers the revalidation.
    if query:
        patch_cache_control(response, public=True, max_age=caching.BROWSERS.seconds, s_maxage=0)
        return
    patch_cache_control(
        response,
        public=True,
        max_age=caching.BROWSERS.seconds,
        s_maxage=caching.PROXY_COPIES.seconds,
        stale_while_revalidate=caching.STALE_PROXY_COPIES.seconds,
    )


def stored_response(request, stored, fresh=True):
    from django.http import HttpResponse

    status, headers, body = hit(request, stored, fresh)
    response = HttpResponse(body, status=status)
    del response["Content-Type"]
    for name, value in headers:
        response[name] = value
    return response


# Pages being rendered by a thread of this process while Redis is unreachable.
_rendering = {}
_rendering_lock = threading.Lock()


class PageCacheMiddleware:
    """The outermost middleware: a hit is answered before anything else runs.

    A miss renders once however many readers ask at the same moment (stale_or_wait): a
    breaking story purged by each new comment must not be rendered by every reader at once.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_SECONDS or not cacheable_request(request):
            return self.get_response(request)
        if not caching.keeping():  # the site's own copy renders (caching.not_kept)
            return self.get_response(request)
        drop_unknown_query(request)
        keys = request_keys(request)
        if keys is None:
            return self.render(request, None)
        request.page_cache_keys = keys
        stored = stored_page(keys.page)
        if stored == NOT_CACHEABLE:
            return self.render(request, keys)
        if stored is not None:
            return stored_response(request, stored)
        return self.stale_or_wait(request, keys)

    def stale_or_wait(self, request, keys):
        """One reader renders the page; the others get its last copy or wait for the new one."""
        waited_until = time.monotonic() + RENDER_WAIT_SECONDS
        while True:
            locked = cache.add(render_lock_key(keys.page), 1, caching.RENDER_LOCKS.seconds)
            if locked is None:
                # The cache is unreachable: nobody elsewhere can render for us.
                return self.render_once_here(request, keys)
            if locked:
                try:
                    return self.render(request, keys)
                finally:
                    cache.delete(render_lock_key(keys.page))
            spare = cache.get(keys.spare)
            if spare is not None:
                return stored_response(request, spare, fresh=False)
            if time.monotonic() > waited_until:
                return self.render(request, keys)
            time.sleep(RENDER_POLL_SECONDS)
            stored = cache.get(keys.page)
            if stored == NOT_CACHEABLE:
                return self.render(request, keys)
            if stored is not None:
                return stored_response(request, stored)

    def render_once_here(self, request, keys):
        """Redis is unreachable: one thread of this process renders, the others take its copy."""
        with _rendering_lock:
            rendering = _rendering.get(keys.page)
            if rendering is None:
                _rendering[keys.page] = threading.Event()
        if rendering is not None:
            rendering.wait(RENDER_WAIT_SECONDS)
            local = _local_pages.get(keys.page)
            if local is not None:
                return stored_response(request, local[0])
            return self.render(request, keys)
        try:
            return self.render(request, keys)
        finally:
            with _rendering_lock:
                _rendering.pop(keys.page).set()

    def render(self, request, keys):
        """Render a miss (keys None: a host no copy is kept for), unless a guard refuses it."""
        for guard in RENDER_GUARDS:
            refusal = guard(request)
            if refusal is not None:
                return refusal
        if keys is None:
            return self.get_response(request)
        mark = cache.get(purge_mark_key(request.path))
        response = self.get_response(request)
        if cache.get(purge_mark_key(request.path)) != mark:
            # Purged while it rendered: it may show what the purge took away (a hidden
            # comment). The reader who asked before the purge gets it; nobody else does.
            return response
        if cacheable_response(response):
            stored = to_store(response)
            cache.set(keys.page, stored, caching.PAGES.seconds)
            # A spare copy outlives the fresh one for the time a CDN may serve a stale page:
            # if the database fails, readers get this rather than an error (spare_response).
            cache.set(keys.spare, stored, caching.SPARE_COPIES.seconds)
            if rediscache.unreachable():
                keep_local_page(keys.page, stored)  # the only copy other readers can get now
            response["ETag"] = stored["etag"]
            mark_cacheable(response, query=with_query(request))
        else:
            cache.set(keys.page, NOT_CACHEABLE, caching.NOT_CACHEABLE_MARKS.seconds)
        return response


# What may refuse a render before it starts: `guard(request) -> response or None`. The
# shield app adds the limit of renders per client, so a flood of misses gets its 429.
RENDER_GUARDS = []


def add_render_guard(guard):
    if guard not in RENDER_GUARDS:
        RENDER_GUARDS.append(guard)
    return guard


def spare_response(request):
    """The page's spare copy when it was stored in this generation, else None.

    Only for a request the page cache looked up and missed (it set page_cache_keys). The
    copy is marked no-store: no browser, CDN or page cache (cacheable_response) keeps it.
    """
    keys = getattr(request, "page_cache_keys", None)
    stored = cache.get(keys.spare) if keys else None
    if stored is None:
        return None
    response = stored_response(request, stored)
    response["Cache-Control"] = "no-store"
    response["X-Page-Cache"] = "spare"
    return response


class HitsFirst:
    """WSGI wrapper answering page-cache hits before Django builds its request and response.

    The same lookup as PageCacheMiddleware, without the handler, its signals and the
    middleware calls: a hit then costs a cache read and a list of headers. Anything but a
    hit (a miss, an editor, a POST) goes on to Django, where the middleware does the rest.
    """

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        # First, for the lookup and for Django alike (wsgipaths).
        environ["PATH_INFO"] = wsgi_path(environ)
        found = self.lookup(environ)
        if found is None:
            return self.application(environ, start_response)
        # The lookup may have read the configured host names from the database: a hit
        # holds no connection once answered (samizdat.connections).
        release_connections()
        status, headers, body = hit(*found)
        start_response(STATUS_LINES[status], headers)
        return [body]

    @staticmethod
    def lookup(environ):
        """(request, stored page) for a hit, else None."""
        if environ.get("REQUEST_METHOD") not in ("GET", "HEAD") or not settings.PAGE_CACHE_SECONDS:
            return None
        from django.core.exceptions import DisallowedHost
        from django.core.handlers.wsgi import WSGIRequest

        request = WSGIRequest(environ)
        if not cacheable_request(request):
            return None
        try:
            keys = request_keys(request)
        except DisallowedHost:
            return None  # Django answers it with a 400
        stored = stored_page(keys.page) if keys else None
        if stored is None or stored == NOT_CACHEABLE:
            return None
        return request, stored


STATUS_LINES = {200: "200 OK", 304: "304 Not Modified"}
