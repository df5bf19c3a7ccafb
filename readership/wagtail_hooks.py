"""Readership in the pages (slots) and in the admin (Today panel, per-article figures)."""

from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from newsroom.models import ArticlePage
from newsroom.template_slots import kept_html
from samizdat import (
    caching,
    converters,  # noqa: F401 (registers <id:...>)
)

from . import admin_views, engagement, numbers

# Places in the kept like box for what changes between publications.
LIKES = "\x00likes\x00"
TOKEN = "\x00beacon-token\x00"  # noqa: S105 (a place to fill, not a secret)


def _board(context):
    language = translation.get_language()
    request = context.get("request")
    return numbers.board_html(
        language,
        lambda board: render_to_string(
            "readership/board.html", {"board": board, "language": language}
        ),
        # An article page read the kept board with its like count (like_button).
        cached=getattr(request, "readership_board", None),
    )


@hooks.register("newsroom_slot_home_aside")
def home_board(context):
    return _board(context)


@hooks.register("newsroom_slot_article_aside")
def article_board(context):
    return _board(context)


@hooks.register("newsroom_slot_article_end")
def like_button(context):
    page = context.get("page")
    if not isinstance(page, ArticlePage):
        return ""
    # The box is kept with the fragments; the count and the day's token are put in.
    box = kept_html(
        context,
        "like-box",
        [page.pk],
        lambda: render_to_string(
            "readership/like.html", {"article": page, "likes": LIKES, "token": TOKEN}
        ),
        layer=caching.ARTICLE_PARTS,
    )
    likes, board = numbers.like_count_and_board(page.pk, translation.get_language())
    request = context.get("request")
    if request is not None:
        request.readership_board = board  # the article's board, rendered below the box
    return mark_safe(  # noqa: S308 (our template's HTML; a number and a hex token put in)
        box.replace(LIKES, str(int(likes))).replace(TOKEN, engagement.beacon_token(page.pk))
    )


@hooks.register("newsroom_slot_body_end")
def script(context):
    return render_to_string("readership/script.html")


@hooks.register("newsletter_top_stories")
def top_stories(language, count):
    """The digest's "day's top stories": Most read, for newsletter.digest."""
    return [article.pk for article in numbers.most_read(language, count)]


@hooks.register("construct_homepage_panels")
def today_panel(request, panels):
    panels.append(admin_views.TodayPanel())


@hooks.register("register_admin_urls")
def admin_urls():
    return [
        path(
            "readership/article/<id:page_id>/",
            admin_views.article_figures,
            name="readership_article",
        )
    ]


def _figures_button(page, priority):
    return Button(
        _("Readership"),
        reverse("readership_article", args=[page.pk]),
        icon_name="view",
        priority=priority,
    )


@hooks.register("register_page_header_buttons")
def header_button(page, user, view_name, next_url=None):
    if page.specific_class is ArticlePage and page.live:
        yield _figures_button(page, priority=66)


@hooks.register("register_page_listing_more_buttons")
def listing_button(page, user, next_url=None):
    if page.specific_class is ArticlePage and page.live:
        yield _figures_button(page, priority=55)
