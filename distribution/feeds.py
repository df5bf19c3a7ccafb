"""RSS 2.0 and Atom feeds of the latest articles, per language and per section.

Feed readers fetch a feed away from our pages and cannot resolve root-relative links, so
everything in a feed is absolute, on the host the feed was read on (a mirror's feed keeps
its readers on the mirror; see mirrors/).
"""

import re
from datetime import UTC, datetime

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import strip_tags
from wagtail.models import Locale

from newsroom.images import prefetch_renditions
from newsroom.models import ArticlePage, SectionPage, attach_byline_authors
from samizdat import caching

FEED_SIZE = 50
KEPT_HEADERS = ("Content-Type", "Last-Modified")
RENDITION = "width-1200|format-jpeg"
# Our own rendered HTML: attributes are double-quoted, root-relative URLs start with one "/".
ROOT_RELATIVE = re.compile(r'(\s(?:href|src|poster)=")(/(?!/)[^"]*")')
SRCSET = re.compile(r'(\s(?:srcset|imagesrcset)=")([^"]*)(")')


def absolute_links(html, origin):
    """Root-relative href, src and srcset URLs of `html` made absolute on `origin`."""
    html = ROOT_RELATIVE.sub(lambda match: match[1] + origin + match[2], html)

    def candidates(match):
        parts = [part.strip() for part in match[2].split(",")]
        parts = [origin + part if part.startswith("/") and not part.startswith("//") else part
                 for part in parts]  # fmt: skip
        return match[1] + ", ".join(parts) + match[3]

    return SRCSET.sub(candidates, html)


# An empty feed (an edition with nothing published yet) would be stamped with the moment it
# was built, so two builds of the same feed would differ: a fixed date keeps it the same
# (static copies compare their files byte for byte).
EMPTY_FEED_DATE = datetime(2000, 1, 1, tzinfo=UTC)


class SteadyWhenEmpty:
    def latest_post_date(self):
        if not self.items:
            return EMPTY_FEED_DATE
        return super().latest_post_date()


class MediaRssFeed(SteadyWhenEmpty, Rss201rev2Feed):
    """RSS with the full text (content:encoded) and the lead photo with its credit."""

    def rss_attributes(self):
        attrs = super().rss_attributes()
        attrs["xmlns:content"] = "http://purl.org/rss/1.0/modules/content/"
        attrs["xmlns:media"] = "http://search.yahoo.com/mrss/"
        return attrs

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("content:encoded", item["content_html"])
        if item.get("photo_url"):
            handler.startElement(
                "media:content", {"url": item["photo_url"], "medium": "image", "type": "image/jpeg"}
            )
            if item.get("photo_credit"):
                handler.addQuickElement("media:credit", item["photo_credit"])
            if item.get("photo_caption"):
                handler.addQuickElement("media:description", item["photo_caption"])
            handler.endElement("media:content")


class AtomWithContent(SteadyWhenEmpty, Atom1Feed):
    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("content", item["content_html"], {"type": "html"})


class LatestArticlesFeed(Feed):
    feed_type = MediaRssFeed

    def __call__(self, request, *args, **kwargs):
        """The whole feed, kept for the cache generation.

        A feed shows only what publishing, unpublishing, editing a photo or an author, or
        saving a correction changes, and each of those starts a new generation
        (samizdat.caching); comment counts are not in it. Kept per host, as its links are
        absolute on the host it was read on.
        """
        key = (
            f"feed:{type(self).__name__}:{request.scheme}:{request.get_host()}:"
            f"{translation.get_language()}:{kwargs.get('section', '')}"
        )
        kept = caching.recall(caching.FEEDS, key)
        if kept is not None:
            body, headers = kept
            return HttpResponse(body, headers=headers)
        response = super().__call__(request, *args, **kwargs)
        if response.status_code == 200:
            headers = {name: response[name] for name in KEPT_HEADERS if name in response}
            caching.store(caching.FEEDS, key, (response.content, headers))
        return response

    def get_object(self, request, section=None):
        language = translation.get_language()
        self.request = request
        locale = Locale.objects.filter(language_code=language).first()
        if locale is None:
            raise Http404
        if section is None:
            return {"locale": locale, "section": None}
        page = SectionPage.objects.live().filter(locale=locale, slug=section).first()
        if page is None:
            raise Http404
        return {"locale": locale, "section": page}

    def title(self, obj):
        from django.conf import settings

        name = settings.WAGTAIL_SITE_NAME
        return f"{name}: {obj['section'].title}" if obj["section"] else name

    def link(self, obj):
        return obj["section"].url if obj["section"] else f"/{obj['locale'].language_code}/"

    def description(self, obj):
        return self.title(obj)

    def items(self, obj):
        articles = ArticlePage.objects.published().filter(locale=obj["locale"])
        if obj["section"]:
            articles = articles.filter(section=obj["section"])
        items = list(articles.newest_first().select_related("lead_image", "locale")[:FEED_SIZE])
        attach_byline_authors(items)
        prefetch_renditions([item.lead_image for item in items], specs=[RENDITION])
        return items

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lede

    def item_link(self, item):
        return item.url

    def item_guid(self, item):
        # Stable across edits, slug changes and moves: the page's own identity.
        return f"urn:samizdat:article:{item.translation_key}:{item.locale_id}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.published_at

    def item_author_name(self, item):
        return ", ".join(author.name for author in item.byline_authors) or None

    def item_extra_kwargs(self, item):
        extra = {"content_html": self.full_text(item)}
        if item.lead_image:
            extra["photo_url"] = self.request.build_absolute_uri(self.photo_path(item.lead_image))
            extra["photo_credit"] = item.credit
            extra["photo_caption"] = item.caption
        return extra

    def full_text(self, item):
        lede = "".join(f"<p>{strip_tags(part)}</p>" for part in item.lede.split("\n\n") if part)
        origin = self.request.build_absolute_uri("/").rstrip("/")
        return absolute_links(lede + self.body_html(item), origin)

    @staticmethod
    def photo_path(image):
        """The photo's feed size, remembered until the next publication or photo edit:
        Wagtail stores each rendition it hands out in the cache again, fifty a feed."""
        return caching.remember(
            caching.FEEDS, f"feed-photo:{image.pk}", lambda: image.get_rendition(RENDITION).url
        )

    @staticmethod
    def body_html(item):
        """The body as HTML, rendered once per publication: rendering the bodies was half of
        a feed's CPU, and every host, language and section feed repeats them. Root-relative,
        so one copy serves every host."""
        key = f"feed-body:{item.pk}:{item.live_revision_id}:{translation.get_language()}"
        return caching.remember(caching.FEEDS, key, lambda: str(item.body))


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = AtomWithContent

    def subtitle(self, obj):
        return self.description(obj)
