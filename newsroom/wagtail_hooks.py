"""The newsroom in the Wagtail admin: "New article" on the dashboard and in the menu."""

from django.contrib import messages
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


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def keep_lead_alt_with_the_photo(request, page):
    """Alt text typed in the article form is the photo's, in the article's language."""
    typed = getattr(page, "lead_alt_typed", None)
    if typed is None or page.lead_image is None:
        return
    language, text = typed
    field = f"alt_{language}"
    if getattr(page.lead_image, field) != text:
        setattr(page.lead_image, field, text)
        page.lead_image.save(update_fields=[field])


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_of_text_in_another_language(request, page):
    """A warning, not a refusal: a name or a quotation may rightly stay in its language."""
    from .language_check import warning_for
    from .models import ArticlePage

    article = page.specific
    if isinstance(article, ArticlePage):
        warning = warning_for(article)
        if warning:
            messages.warning(request, warning)
