from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ShieldConfig(AppConfig):
    """Per-client limits and bounded concurrency for paths a cache cannot answer."""

    name = "shield"
    verbose_name = _("Flood protection")
