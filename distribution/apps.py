from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DistributionConfig(AppConfig):
    """How the newsroom is found: feeds, sitemaps, robots.txt, structured data, social cards."""

    name = "distribution"
    verbose_name = _("Distribution")

    def ready(self):
        from samizdat import cdn

        cdn.add_paths(feeds_showing)


def feeds_showing(page):
    """The feeds and sitemaps a page appears in (samizdat.cdn.add_paths)."""
    language = page.locale.language_code
    paths = {f"/{language}/feed/", f"/{language}/feed/atom/", "/sitemap.xml", "/news-sitemap.xml"}
    section = getattr(page, "section", None)
    if section is not None and section.url:
        paths.update({f"{section.url}feed/", f"{section.url}feed/atom/"})
    return paths
