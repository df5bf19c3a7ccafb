"""schema.org LiveBlogPosting: its latest entries while open, its end time once closed."""

from django.conf import settings
from django.utils.html import strip_tags

# A search engine reads the latest entries; the page shows the rest.
UPDATES_IN_DATA = 20


def canonical(path):
    # The main domain, as the rest of the page's structured data names it.
    return settings.CANONICAL_BASE_URL.rstrip("/") + path


def live_blog_posting(blog, data):
    """Turn the article data that distribution built for the page into a LiveBlogPosting."""
    from .reading import visible_entries

    data["@type"] = "LiveBlogPosting"
    data["mainEntityOfPage"] = {"@type": "WebPage", "@id": canonical(blog.live_path)}
    if blog.published_at:
        data["coverageStartTime"] = blog.published_at.isoformat()
    if not blog.is_open:
        data["coverageEndTime"] = blog.coverage_end.isoformat()
    entries = visible_entries(blog).newest_first()[:UPDATES_IN_DATA]
    data["liveBlogUpdate"] = [
        {
            "@type": "BlogPosting",
            "headline": entry.headline or strip_tags(entry.text)[:110],
            "articleBody": strip_tags(entry.text),
            "datePublished": entry.publish_at.isoformat(),
            "url": canonical(f"{blog.live_path}#{entry.anchor}"),
        }
        for entry in entries
    ]
