from wagtail import hooks
from wagtail.models import Page

from .structured_data import head_tags


@hooks.register("newsroom_slot_head")
def canonical_and_social_tags(context):
    page = context.get("page")
    if not isinstance(page, Page) or not page.live:
        return ""
    return head_tags(page)
