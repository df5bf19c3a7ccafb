"""Live blogs in the pages (script, structured data) and in the admin (the entries screen)."""

from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from samizdat import converters  # noqa: F401 (registers <id:...>)

from . import admin_views, key_events, marks, state
from .models import LiveBlogPage
from .structured_data import live_blog_posting


@hooks.register("newsroom_slot_body_end")
def script(context):
    if not isinstance(context.get("page"), LiveBlogPage):
        return ""
    return render_to_string("live/script.html")


@hooks.register("newsroom_slot_headline_mark")
def live_mark(context):
    article = context.get("article")
    if article is None or not marks.is_open_live_blog(article.pk):
        return ""
    return format_html('<span class="live-mark">{}</span> ', gettext("LIVE"))


@hooks.register("distribution_news_article")
def structured_data(article, data):
    if isinstance(article, LiveBlogPage):
        live_blog_posting(article, data)


@hooks.register("channels_key_event")
def key_event(entry_id):
    return key_events.describe(entry_id)


@hooks.register("channels_key_events_of")
def key_events_of(page_id):
    """The key events readers can see in a live blog (posted once the blog is published)."""
    return key_events.visible_ids(page_id)


@hooks.register("distribution_head_version")
def entries_in_head(page):
    """A live blog's head (JSON-LD) lists its latest entries: kept only while they stay."""
    return state.version(page.pk) if isinstance(page, LiveBlogPage) else ""


@hooks.register("register_admin_urls")
def admin_urls():
    return [
        path("live/<id:page_id>/", admin_views.entries, name="live_entries"),
        path("live/<id:page_id>/<id:entry_id>/", admin_views.entries, name="live_entry"),
        path(
            "live/<id:page_id>/<id:entry_id>/delete/",
            admin_views.delete,
            name="live_entry_delete",
        ),
    ]


@hooks.register("register_page_header_buttons")
def header_button(page, user, view_name, next_url=None):
    if page.specific_class is LiveBlogPage:
        yield Button(
            _("Live updates"), reverse("live_entries", args=[page.pk]), icon_name="edit", priority=5
        )


@hooks.register("newsroom_photo_sizes")
def entry_photo():
    """live/entry.html's one size of an entry's photo: made when the photo is uploaded."""
    return ["width-800"]
