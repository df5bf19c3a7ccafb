"""sitemap.xml with hreflang alternates, and the Google News sitemap.

Both name the main domain (canonical.py), whatever host served them.
"""

from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.utils import timezone
from wagtail.models import Page

from newsroom.models import ArticleByline, ArticlePage, Author, own_url

from .canonical import canonical_url

NEWS_WINDOW = timedelta(days=2)
NEWS_LIMIT = 1000


def public_pages():
    """Every public page below the root, with just what a sitemap entry needs."""
    return (
        Page.objects.live()
        .public()
        .filter(depth__gt=1)
        .select_related("locale")
        .only("id", "url_path", "path", "depth", "locale", "translation_key", "slug",
              "content_type", "last_published_at", "latest_revision_created_at")
    )  # fmt: skip


def translations_of(pages):
    """The public pages (in every part) sharing a translation key with one of `pages`."""
    keys = {page.translation_key for page in pages}
    by_key = defaultdict(list)
    for other in public_pages().filter(translation_key__in=keys).order_by("path"):
        by_key[other.translation_key].append(other)
    return by_key


class PagesSitemap(Sitemap):
    """Every public page in every language; each lists its translations as alternates.

    A hundred thousand articles make many parts; a part loads only its own pages and their
    translations, so a crawler reading the sitemap costs a worker a few megabytes, not the
    whole archive held in memory at once.
    """

    # The protocol allows 50,000 URLs a part; at 1,000 a part renders in a few megabytes.
    limit = 1_000

    def items(self):
        # A queryset, not a list: the paginator counts in SQL and slices with LIMIT.
        return public_pages().order_by("path")

    def get_urls(self, page=1, site=None, protocol=None):
        pages = list(self.paginator.page(page).object_list)
        by_key = translations_of(pages)
        urls = []
        for item in pages:
            alternates = [
                {
                    "lang_code": other.locale.language_code,
                    "location": canonical_url(own_url(other, other.url)),
                }
                for other in by_key[item.translation_key]
            ]
            urls.append(
                {
                    "item": item,
                    "location": canonical_url(own_url(item, item.url)),
                    "lastmod": item.last_published_at or item.latest_revision_created_at,
                    "alternates": alternates if len(alternates) > 1 else [],
                }
            )
        self.latest_lastmod = max((u["lastmod"] for u in urls if u["lastmod"]), default=None)
        return urls


def author_paths():
    """/<lang>/authors/<slug>/ of everyone bylined on a live article of that language."""
    bylined = (
        ArticleByline.objects.filter(page__live=True)
        .values_list("page__locale__language_code", "page__locale_id", "author__translation_key")
        .distinct()
    )
    wanted = {(language, locale_id, key) for language, locale_id, key in bylined}
    slugs = {
        (author.translation_key, author.locale_id): author.slug
        for author in Author.objects.filter(translation_key__in={key for *_, key in wanted})
        .exclude(slug="")
        .only("translation_key", "locale_id", "slug")
    }
    any_slug = {key: slug for (key, _locale), slug in slugs.items()}
    paths = set()
    for language, locale_id, key in wanted:
        slug = slugs.get((key, locale_id)) or any_slug.get(key)
        if slug:
            paths.add(f"/{language}/authors/{slug}/")
    return sorted(paths)


class AuthorsSitemap(Sitemap):
    """Author pages: one per author and language they have articles in.

    Listed in the first part only; later parts of a long sitemap (?p=N) are pages alone.
    """

    limit = 50_000

    def items(self):
        return author_paths()

    def location(self, item):
        return item

    def get_urls(self, page=1, site=None, protocol=None):
        if int(page) != 1:
            return []
        return [{"item": path, "location": canonical_url(path)} for path in self.items()]


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
