"""Analytics in the admin (menu, pages, a button on each article) and the public footer link."""

from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from newsroom.models import ArticlePage
from newsroom.template_slots import kept_html
from samizdat import converters  # noqa: F401 (registers <id:...>)

from . import views


@hooks.register("register_admin_urls")
def admin_urls():
    return [
        path("analytics/", views.realtime_view, name="analytics_realtime"),
        path("analytics/period/", views.period_view, name="analytics_period"),
        path("analytics/weekly/", views.weekly_view, name="analytics_weekly"),
        path("analytics/article/<id:page_id>/", views.article_view, name="analytics_article"),
    ]


@hooks.register("register_admin_menu_item")
def menu_item():
    return MenuItem(_("Analytics"), reverse("analytics_realtime"), icon_name="view", order=260)


def _button(page, priority):
    return Button(
        _("Analytics"),
        reverse("analytics_article", args=[page.pk]),
        icon_name="view",
        priority=priority,
    )


@hooks.register("register_page_header_buttons")
def header_button(page, user, view_name, next_url=None):
    if page.specific_class is ArticlePage and page.live:
        yield _button(page, priority=67)


@hooks.register("register_page_listing_more_buttons")
def listing_button(page, user, next_url=None):
    if page.specific_class is ArticlePage and page.live:
        yield _button(page, priority=56)


@hooks.register("newsroom_slot_footer")
def what_we_count_link(context):
    return kept_html(
        context, "what-we-count-link", [], lambda: render_to_string("analytics/footer_link.html")
    )
