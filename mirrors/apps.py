from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MirrorsConfig(AppConfig):
    """Mirror domains, CDN host names and the onion address readers reach us through."""

    name = "mirrors"
    verbose_name = _("Mirrors")

    def ready(self):
        from samizdat.pagecache import add_host_header

        from .middleware import onion_location_header

        # Cached pages are answered before any middleware runs, so the core asks us.
        add_host_header(onion_location_header)
