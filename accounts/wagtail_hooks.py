"""The two-factor screen in the admin, reached from the account page."""

from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from . import admin_urls


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [path("two-factor/", include(admin_urls, namespace="accounts_admin"))]


@hooks.register("register_account_menu_item")
def two_factor_menu_item(request):
    return {
        "url": reverse("accounts_admin:two_factor"),
        "label": _("Two-factor sign-in"),
        "help_text": _("Ask for a code from an authenticator app at every sign-in."),
    }
