"""Tell a CDN or caching proxy in front which pages changed (Wagtail's frontend cache).

Our own page cache starts a new generation on any publish; a proxy in front cannot, so it
is sent a PURGE for every address that shows the change, under every host name copies are
kept for (the main domain and the mirrors: pagecache.kept_hosts). Copies with a query
string are never kept by a proxy without asking us first (pagecache.mark_cacheable), so the
bare path is all there is to purge. With no proxy configured (WAGTAILFRONTENDCACHE empty)
nothing is sent.

Purges leave the request: a publish or a comment only queues one task (samizdat.queue),
once its transaction commits, and `manage.py worker` sends the requests, each with a
timeout, retrying those that failed. While a purge of the same addresses waits in the
queue, not yet begun, no second one is queued: it would send the same requests, and a busy
discussion commits dozens of comments a second on one article. Which paths show a page is
the page's own business (`get_cached_paths`) and that of the apps that list it
(`add_paths`).
"""

import hashlib
from urllib.parse import urlsplit, urlunsplit

import requests
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django_tasks import task

from samizdat import caching, queue

# Functions an app registers: page -> root-relative paths that show it (lists, feeds...).
PATH_SOURCES = []


def add_paths(source):
    """Register `source(page)`, giving more paths to purge when the page changes."""
    if source not in PATH_SOURCES:
        PATH_SOURCES.append(source)
    return source


def page_paths(page):
    """Every root-relative path that shows this page: its own, then the apps' lists."""
    url = page.url
    paths = {url + path.lstrip("/") for path in page.get_cached_paths()} if url else set()
    for source in PATH_SOURCES:
        paths.update(source(page))
    return {path for path in paths if path}


def purge(paths):
    """Queue a PURGE of these paths under every host the site answers on, after commit."""
    if not settings.WAGTAILFRONTENDCACHE or not paths:
        return
    from samizdat import pagecache

    main = urlsplit(settings.CANONICAL_BASE_URL)
    hosts = pagecache.kept_hosts()
    urls = sorted(f"{main.scheme}://{host}{path}" for host in hosts for path in set(paths))
    transaction.on_commit(lambda: queue_purges(urls))


def queued_key(urls):
    digest = hashlib.blake2b("\n".join(urls).encode(), digest_size=16).hexdigest()
    return f"cdn:queued:{digest}"


def queue_purges(urls):
    """Queue the purge of these URLs, unless the same purge is queued and not yet begun.

    That one is sent after this change was committed, so it shows it. A cache that cannot
    be reached answers None, not False: the purge is then queued.
    """
    key = queued_key(urls)
    if cache.add(key, 1, caching.QUEUED_PURGES.seconds) is False:
        return
    try:
        send_purges.enqueue(urls)
    except Exception:
        cache.delete(key)  # nothing is queued: the next change must queue its purge
        raise


@task(backend=queue.BACKEND)
def send_purges(urls, attempt=0):
    """Send the purges (in the worker); queue again those the proxy did not take."""
    if not attempt:
        # From here on a change needs a purge of its own: this one may go out before it.
        cache.delete(queued_key(urls))
    from wagtail.contrib.frontend_cache.backends import HTTPBackend
    from wagtail.contrib.frontend_cache.utils import get_backends

    failed = set()
    for backend in get_backends().values():
        if isinstance(backend, HTTPBackend):
            failed.update(url for url in urls if not purged_over_http(backend, url))
        else:
            backend.purge_batch(urls)  # CDN APIs: Wagtail's backends report their errors
    if failed:
        queue.retry_later(send_purges, attempt, sorted(failed))
    return len(urls) - len(failed)


def purged_over_http(backend, url):
    """PURGE one URL at the proxy, naming the reader's host; False if it did not answer 2xx."""
    address = urlsplit(url)
    target = urlunsplit(
        [backend.cache_scheme, backend.cache_netloc, address.path, address.query, ""]
    )
    try:
        answer = requests.request(
            "PURGE",
            target,
            headers={"Host": address.netloc},
            timeout=settings.FRONTEND_CACHE_PURGE_TIMEOUT,
            allow_redirects=False,
        )
    except requests.RequestException:
        return False
    # 404: the proxy held no copy of that address, which is what a purge wants.
    return answer.ok or answer.status_code == 404
