"""Comments in the reader's pages and the moderation desk in the admin."""

import functools

from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import LinkMenuItemComponent, MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from newsroom.models import ArticlePage
from samizdat import caching, prepared

from . import admin_urls, discussion, pipeline
from .models import Comment, DiscussionSwitch, Status


@hooks.register("newsroom_slot_article_end")
def comments_under_article(context):
    article = context.get("page")
    # An article not yet saved (its first preview) has no discussion to show.
    if not isinstance(article, ArticlePage) or article.pk is None:
        return ""
    # Editors' settings, kept until the next publication or until they change (apps.py).
    policy = pipeline.current_policy()
    # Saving a switch starts a new foundation (apps.py); the section is in the key, since
    # the article's own publication may move it.
    article._discussion_switches = caching.remember(
        caching.ARTICLE_PARTS,
        f"discussion-switches:{article.pk}:{article.section_id}",
        lambda: pipeline.discussion_switches(article),
    )
    shown = policy.shown_on_article
    return discussion.block(
        article,
        lambda: newest_comments(shown)(article.pk),
        closed=pipeline.discussion_closed(article, policy),
        shown=shown,
    )


@functools.lru_cache(maxsize=8)
def newest_comments(shown):
    """The newest published comments of an article, `shown` of them: compiled once per
    number (samizdat.prepared), as every render whose discussion block is not kept reads
    them."""
    if shown <= 0:
        return lambda pk: []
    return prepared.Prepared(
        lambda pk: Comment.objects.published().filter(article_id=pk).newest_first()[:shown], 0
    )


@hooks.register("newsroom_slot_body_end")
def comments_script(context):
    if not isinstance(context.get("page"), ArticlePage):
        return ""
    return format_html('<script type="module" src="{}"></script>', static("frontend/comments.js"))


class ModerationMenuItem(MenuItem):
    """The desk's menu entry, with the number of comments waiting as a badge."""

    def is_shown(self, request):
        return request.user.has_perm("comments.moderate_comment")

    def render_component(self, request):
        waiting = waiting_count()
        label = f"{_('Comments')} ({waiting})" if waiting else _("Comments")
        return LinkMenuItemComponent(
            self.name, label, self.url, icon_name=self.icon_name, attrs=self.attrs
        )


def waiting_count():
    return Comment.objects.filter(status=Status.PENDING).count() + (
        Comment.objects.filter(status=Status.HIDDEN, reason="reported").count()
    )


@hooks.register("register_admin_urls")
def moderation_urls():
    return [path("comments/", include(admin_urls, namespace="comments_admin"))]


@hooks.register("register_admin_menu_item")
def moderation_menu_item():
    return ModerationMenuItem(
        _("Comments"), reverse("comments_admin:queue"), icon_name="comment", order=250
    )


class DiscussionSwitchViewSet(SnippetViewSet):
    model = DiscussionSwitch
    icon = "lock"
    menu_label = _("Discussion switches")
    list_display = ["page", "comments_closed", "premoderated"]


register_snippet(DiscussionSwitchViewSet)
