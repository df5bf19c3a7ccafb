from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MirrorsConfig(AppConfig):
    """Mirror domains, CDN host names and the onion address readers reach us through."""

    name = "mirrors"
    verbose_name = _("Mirrors")
