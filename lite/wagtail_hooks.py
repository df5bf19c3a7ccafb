"""Full articles point to their lite version (newsroom slots, so newsroom need not know us)."""

from django.template.loader import render_to_string
from wagtail import hooks

from newsroom.models import ArticlePage

from .links import lite_article_url


def lite_url_for(context):
    page = context.get("page")
    if not isinstance(page, ArticlePage) or not page.live:
        return None
    return lite_article_url(page.language_code, page.slug)


@hooks.register("newsroom_slot_head")
def alternate_link(context):
    url = lite_url_for(context)
    return render_to_string("lite/slot_head.html", {"url": url}) if url else ""


@hooks.register("newsroom_slot_article_end")
def lite_link(context):
    url = lite_url_for(context)
    return render_to_string("lite/slot_article_end.html", {"url": url}) if url else ""
