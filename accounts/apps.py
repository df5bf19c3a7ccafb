from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Editors' accounts: sign-in throttling, two-factor sign-in, session limits."""

    name = "accounts"
    verbose_name = _("Editors' accounts")

    def ready(self):
        from . import signals  # noqa: F401
