from wagtail import hooks
from wagtail.models import Page

from samizdat import caching

from .structured_data import head_tags


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
    return caching.remember(caching.SITE_LOOKUPS, key, lambda: head_tags(page))
