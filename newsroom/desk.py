"""The editors' desk in the admin: a new article in one click, in the editor's edition."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from wagtail.admin.ui.components import Component
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import NewsIndexPage


def news_index_for(language):
    """All news of the edition in this language, else of the newsroom's own language."""
    for code in (language, settings.LANGUAGE_CODE):
        found = NewsIndexPage.objects.filter(locale__language_code=code).order_by("path").first()
        if found is not None:
            return found
    return None


def new_article_url(news_index):
    return reverse("wagtailadmin_pages:add", args=["newsroom", "articlepage", news_index.pk])


def new_article(request):
    """The article form under All news of the edition in the editor's admin language.

    The admin runs in the language the editor chose in their account, which is the edition
    they write for; Belarusian when there is no such edition.
    """
    news_index = news_index_for(translation.get_language())
    if news_index is None:
        raise PermissionDenied
    if not news_index.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    return redirect(new_article_url(news_index))


def user_can_add_articles(user):
    """Whether the user may add pages somewhere (Editors and Translators; not Moderators)."""
    return PagePermissionPolicy().user_has_any_permission(user, ["add"])


class NewArticlePanel(Component):
    """First on the dashboard: the button an editor presses most."""

    name = "new_article"
    template_name = "newsroom/admin/new_article_panel.html"
    order = 10

    def get_context_data(self, parent_context):
        return {"url": reverse("newsroom_new_article")}
