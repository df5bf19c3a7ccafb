"""Tell a CDN or caching proxy in front which pages changed (Wagtail's frontend cache).

Our own page cache starts a new generation on any publish; a proxy in front cannot, so it
is sent a PURGE for every address that shows the change, under every host name readers
used (mirrors). With no proxy configured (WAGTAILFRONTENDCACHE empty) nothing is sent.
"""

from urllib.parse import urlsplit

from django.conf import settings


def purge(paths):
    """PURGE these root-relative paths under every host the site has been read on."""
    if not settings.WAGTAILFRONTENDCACHE or not paths:
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    from samizdat import pagecache

    main = urlsplit(settings.CANONICAL_BASE_URL)
    hosts = pagecache.known_hosts() | {main.netloc}
    purge_urls_from_cache(
        sorted(f"{main.scheme}://{host}{path}" for host in hosts for path in set(paths))
    )


def page_paths(page):
    """Where a published, withdrawn or moved page shows: itself, its lists, feeds, sitemaps."""
    language = page.locale.language_code
    paths = {
        page.url,
        f"/{language}/",
        f"/{language}/news/",
        f"/{language}/feed/",
        f"/{language}/feed/atom/",
        f"/{language}/lite/",
        f"/{language}/lite/{page.slug}/",
        "/sitemap.xml",
        "/news-sitemap.xml",
    }
    # An article's people have pages listing it (newsroom's author pages).
    author_urls = getattr(page, "author_urls", None)
    if author_urls is not None:
        paths |= set(author_urls())
    section = getattr(page, "section", None)
    if section is not None and section.url:
        paths |= {section.url, f"{section.url}feed/", f"{section.url}feed/atom/"}
    return {path for path in paths if path}
