"""The newsroom in the Wagtail admin: "New article" on the dashboard and in the menu."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import desk


class NewArticleMenuItem(MenuItem):
    def is_shown(self, request):
        return desk.user_can_add_articles(request.user)


@hooks.register("register_admin_urls")
def desk_urls():
    return [path("new-article/", desk.new_article, name="newsroom_new_article")]


@hooks.register("register_admin_menu_item")
def new_article_menu_item():
    return NewArticleMenuItem(
        _("New article"), reverse("newsroom_new_article"), icon_name="plus", order=50
    )


@hooks.register("construct_homepage_panels")
def new_article_panel(request, panels):
    if desk.user_can_add_articles(request.user):
        panels.insert(0, desk.NewArticlePanel())
