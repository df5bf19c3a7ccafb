from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LiveConfig(AppConfig):
    name = "live"
    verbose_name = _("Live blogs")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from newsroom.models import NewsIndexPage

        # A live blog lives among the news (lists, sections, feeds show it as a story);
        # newsroom does not know this app, so the page type is offered from here.
        if "live.LiveBlogPage" not in NewsIndexPage.subpage_types:
            NewsIndexPage.subpage_types = [*NewsIndexPage.subpage_types, "live.LiveBlogPage"]
