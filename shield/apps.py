from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ShieldConfig(AppConfig):
    """Per-client limits and bounded concurrency for paths a cache cannot answer."""

    name = "shield"
    verbose_name = _("Flood protection")

    def ready(self):
        from samizdat import pagecache

        from .renders import render_guard

        pagecache.add_render_guard(render_guard)
