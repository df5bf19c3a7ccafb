"""Corrections in the pages (newsroom slots) and in the Wagtail admin."""

from django.template.loader import render_to_string
from django.urls import include, path, re_path, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.sidebar import LinkMenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from newsroom.models import ArticlePage
from newsroom.template_slots import kept_html
from samizdat import caching, prepared

from . import views
from .admin_views import CorrectionCreateView
from .models import Correction, TypoReport


def article_in(context):
    page = context.get("page")
    return page if isinstance(page, ArticlePage) else None


# Read at an article's first render after its parts left the cache: compiled once.
CORRECTIONS_OF = prepared.Prepared(lambda pk: Correction.objects.filter(article_id=pk), 0)


def public_notes(article):
    """The article's corrections, kept until the next foundation: saving or deleting a
    correction starts one (models.purge_article)."""
    if article.pk is None:  # the preview of an article not yet saved
        return []
    return caching.remember(
        caching.ARTICLE_PARTS,
        f"corrections:{article.pk}",
        lambda: CORRECTIONS_OF(article.pk),
    )


@hooks.register("newsroom_slot_article_end")
def corrections_and_hint(context):
    """Published corrections, then how to report a typo: under the article body."""
    article = article_in(context)
    if article is None:
        return ""
    return caching.remember(
        caching.ARTICLE_PARTS,
        f"corrections-html:{article.pk}:{translation.get_language()}",
        lambda: render_to_string(
            "corrections/article_end.html", {"corrections": public_notes(article)}
        ),
    )


@hooks.register("newsroom_slot_body_end")
def typo_dialog(context):
    """The report dialog and its script, on article pages only."""
    article = article_in(context)
    if article is None:
        return ""
    return kept_html(
        context,
        "typo-dialog",
        [article.pk],
        lambda: render_to_string("corrections/dialog.html", {"article": article}),
        layer=caching.ARTICLE_PARTS,
    )


class QueueMenuItem(MenuItem):
    """The queue in the admin menu, its label carrying the number of open reports."""

    def is_shown(self, request):
        return request.user.has_perm("corrections.view_typoreport")

    def render_component(self, request):
        # Menu items are built once per process; the count is read per request.
        count = TypoReport.objects.open().count()
        label = f"{self.label} ({count})" if count else str(self.label)
        return LinkMenuItem(self.name, label, self.url, icon_name=self.icon_name, attrs=self.attrs)


@hooks.register("register_admin_urls")
def queue_urls():
    urls = [
        path("", views.queue, name="queue"),
        re_path(r"^(?P<pk>\d+)/(?P<action>fixed|dismissed)/$", views.resolve, name="resolve"),
    ]
    return [path("typo-reports/", include((urls, "corrections"), namespace="corrections"))]


@hooks.register("register_admin_menu_item")
def queue_menu_item():
    # A short label: the sidebar cuts long ones, and the count must stay visible.
    return QueueMenuItem(
        _("Typos"),
        reverse("corrections:queue"),
        name="typo-reports",
        icon_name="warning",
        order=250,
    )


class CorrectionViewSet(ModelViewSet):
    model = Correction
    url_prefix = "corrections"
    add_view_class = CorrectionCreateView
    icon = "edit"
    menu_label = _("Corrections")
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["article", "kind", "published_at"]
    list_filter = ["kind"]
    search_fields = ["text", "article__title"]
    search_backend_name = None  # a plain database search; corrections are few
    panels = [
        FieldPanel("article"),
        FieldPanel("kind"),
        FieldPanel("published_at"),
        FieldPanel("text"),
    ]


@hooks.register("register_admin_viewset")
def correction_viewset():
    return CorrectionViewSet("corrections_admin")


@hooks.register("distribution_news_article")
def corrections_in_structured_data(article, data):
    """schema.org's `correction` on NewsArticle: each public note, with its date."""
    notes = public_notes(article)
    if notes:
        data["correction"] = [
            {
                "@type": "CorrectionComment",
                "text": note.text,
                "datePublished": note.published_at.isoformat(),
            }
            for note in notes
        ]
