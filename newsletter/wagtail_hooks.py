"""The subscribe form in the pages (newsroom slots) and the issues in the admin.

Editors compose, preview, test-send and send issues and see how many subscribe per
language; no screen shows or exports an address.
"""

from django.template.loader import render_to_string
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from newsroom.template_slots import kept_html

from . import admin_views
from .models import Issue


def subscribe_form(context):
    return kept_html(
        context, "newsletter-form", [], lambda: render_to_string("newsletter/form.html")
    )


for slot in ("home_aside", "article_end", "reach_end"):
    hooks.register(f"newsroom_slot_{slot}", subscribe_form)


class IssueViewSet(SnippetViewSet):
    model = Issue
    icon = "mail"
    menu_label = _("Newsletter issues")
    list_display = ["subject", "language", "kind", "state", "created_at"]
    list_filter = ["language", "kind", "state"]
    add_to_admin_menu = False


register_snippet(IssueViewSet)


@hooks.register("register_admin_urls")
def newsletter_urls():
    urls = [
        path("", admin_views.overview, name="overview"),
        path("<int:pk>/preview/<str:part>/", admin_views.preview, name="preview"),
        path("<int:pk>/test/", admin_views.test_send, name="test_send"),
        path("<int:pk>/send/", admin_views.send, name="send"),
        path("<int:pk>/most-read/", admin_views.most_read, name="most_read"),
    ]
    return [path("newsletter/", include((urls, "newsletter_admin"), namespace="newsletter_admin"))]


class NewsletterMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("newsletter.change_issue")


@hooks.register("register_admin_menu_item")
def newsletter_menu_item():
    return NewsletterMenuItem(
        _("Newsletter"), reverse("newsletter_admin:overview"), icon_name="mail", order=900
    )
