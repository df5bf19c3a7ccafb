"""sitemap.xml with hreflang alternates, and the Google News sitemap.

Both name the main domain (canonical.py), whatever host served them.
"""

from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.utils import timezone
from wagtail.models import Page

from newsroom.models import ArticlePage

from .canonical import canonical_url

NEWS_WINDOW = timedelta(days=2)
NEWS_LIMIT = 1000


class PagesSitemap(Sitemap):
    """Every public page in every language; each lists its translations as alternates."""

    limit = 50_000

    def items(self):
        return list(
            Page.objects.live()
            .public()
            .filter(depth__gt=1)
            .select_related("locale")
            .order_by("path")
            .only("id", "url_path", "path", "depth", "locale", "translation_key",
                  "last_published_at", "latest_revision_created_at")
        )  # fmt: skip

    def get_urls(self, page=1, site=None, protocol=None):
        pages = self.paginator.page(page).object_list
        by_key = defaultdict(list)
        for item in pages:
            by_key[item.translation_key].append(item)
        urls = []
        for item in pages:
            location = canonical_url(item.url)
            alternates = [
                {"lang_code": other.locale.language_code, "location": canonical_url(other.url)}
                for other in by_key[item.translation_key]
            ]
            urls.append(
                {
                    "item": item,
                    "location": location,
                    "lastmod": item.last_published_at or item.latest_revision_created_at,
                    "alternates": alternates if len(alternates) > 1 else [],
                }
            )
        self.latest_lastmod = max((u["lastmod"] for u in urls if u["lastmod"]), default=None)
        return urls


def news_entries():
    """Articles of the last two days, newest first, at most 1,000 (Google News rules)."""
    since = timezone.now() - NEWS_WINDOW
    articles = (
        ArticlePage.objects.published()
        .newest_first()
        .filter(sort_date__gte=since)
        .select_related("locale")
        .defer_streamfields()[:NEWS_LIMIT]
    )
    return [
        {
            "location": canonical_url(article.url),
            "language": article.locale.language_code,
            "published": article.published_at,
            "title": article.title,
        }
        for article in articles
    ]


def publication_name():
    return settings.WAGTAIL_SITE_NAME
