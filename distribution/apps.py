from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DistributionConfig(AppConfig):
    """How the newsroom is found: feeds, sitemaps, robots.txt, structured data, social cards."""

    name = "distribution"
    verbose_name = _("Distribution")
