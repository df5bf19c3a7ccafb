from wagtail import hooks
from wagtail.models import Page

from samizdat import caching

from .feeds import RENDITION as FEED_PHOTO
from .structured_data import SOCIAL_IMAGE, head_tags


@hooks.register("newsroom_slot_head")
def canonical_and_social_tags(context):
    page = context.get("page")
    if not isinstance(page, Page) or not page.live:
        return ""
    if getattr(context.get("request"), "is_preview", False):
        return head_tags(page)
    # The same until the page is published again or corrected (which moves
    # last_published_at); a new cache generation drops it with everything else.
    updated = page.last_published_at.timestamp() if page.last_published_at else 0
    # What else the tags show may change between publications (a live blog's entries).
    versions = ":".join(str(part(page)) for part in hooks.get_hooks("distribution_head_version"))
    key = f"head-tags:{page.pk}:{page.live_revision_id}:{updated}:{versions}"
    # An article's tags change only with its own publication (its revision is in the key)
    # or a new foundation (a saved author or photo): they outlast other publications. A
    # live blog's follow its entries, whose changes do not all pass through the key.
    lasting = hasattr(page, "lede") and not versions.strip(":")
    layer = caching.ARTICLE_PARTS if lasting else caching.SITE_LOOKUPS
    return caching.remember(layer, key, lambda: head_tags(page))


@hooks.register("newsroom_lead_photo_sizes")
def social_and_feed_photo():
    """The lead photo as social networks and feed readers are given it."""
    return [SOCIAL_IMAGE, FEED_PHOTO]
