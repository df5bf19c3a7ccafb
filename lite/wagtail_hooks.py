"""Full articles point to their lite version (newsroom slots, so newsroom need not know us)."""

from django.template.loader import render_to_string
from wagtail import hooks

from newsroom.models import ArticlePage
from newsroom.template_slots import kept_html
from samizdat import caching

from .links import lite_article_url


def lite_url_for(context):
    page = context.get("page")
    if not isinstance(page, ArticlePage) or not page.live:
        return None
    return lite_article_url(page.language_code, page.slug)


def kept_link(context, template_name):
    """The link to the article's lite version: its URL changes only with a publication."""
    page = context.get("page")
    return kept_html(
        context,
        template_name,
        [getattr(page, "pk", None), getattr(page, "slug", None)],
        lambda: (
            render_to_string(template_name, {"url": url}) if (url := lite_url_for(context)) else ""
        ),
        # The slug is in the key; an unpublished article is a new foundation.
        layer=caching.ARTICLE_PARTS,
    )


@hooks.register("newsroom_slot_head")
def alternate_link(context):
    return kept_link(context, "lite/slot_head.html")


@hooks.register("newsroom_slot_article_end")
def lite_link(context):
    return kept_link(context, "lite/slot_article_end.html")


# lite/photo.html's one size, for the lead photo and the body's (when a reader asks for
# photos at all).
LITE_PHOTO = "max-320x240"


@hooks.register("newsroom_lead_photo_sizes")
@hooks.register("newsroom_body_photo_sizes")
def lite_photo():
    return [LITE_PHOTO]
