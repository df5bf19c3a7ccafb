from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """Reader privacy primitives shared by comments, readership and corrections."""

    name = "privacy"
    verbose_name = _("Reader privacy")
