"""Typo reports from readers and the corrections editors publish under articles."""

from functools import partial

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from newsroom.models import ArticlePage
from samizdat import caching, pagecache

# Limits a report must keep (the issue; the reader's dialog enforces them too).
FRAGMENT_MAX = 300
CONTEXT_MAX = 150
REMARK_MAX = 1000


class TypoReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=TypoReport.Status.OPEN)

    def newest_first(self):
        return self.order_by("-last_reported_at", "-pk")


class TypoReport(models.Model):
    """A fragment of an article a reader marked as wrong; identical reports share one row."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        FIXED = "fixed", _("Fixed")
        DISMISSED = "dismissed", _("Dismissed")

    page = models.ForeignKey(
        ArticlePage,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="typo_reports",
    )
    language = models.CharField(_("language"), max_length=8)
    fragment = models.CharField(_("fragment"), max_length=FRAGMENT_MAX)
    context_before = models.CharField(_("text before"), max_length=CONTEXT_MAX, blank=True)
    context_after = models.CharField(_("text after"), max_length=CONTEXT_MAX, blank=True)
    remark = models.TextField(_("remark"), max_length=REMARK_MAX, blank=True)
    # What makes two reports identical (fragment, context, remark), so they can be merged.
    digest = models.CharField(max_length=64, editable=False)
    count = models.PositiveIntegerField(_("times reported"), default=1)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.OPEN
    )
    created_at = models.DateTimeField(_("first reported"), default=timezone.now)
    last_reported_at = models.DateTimeField(_("last reported"), default=timezone.now)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = TypoReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("typo report")
        verbose_name_plural = _("typo reports")
        ordering = ["-last_reported_at", "-pk"]
        indexes = [models.Index(fields=["status", "-last_reported_at"])]
        constraints = [
            # At most one open row per identical report: concurrent duplicates then merge
            # instead of piling up, whichever process wins the insert.
            models.UniqueConstraint(
                fields=["page", "digest"],
                condition=Q(status="open"),
                name="one_open_typo_report_per_digest",
            )
        ]

    def __str__(self):
        return self.fragment


class Correction(models.Model):
    """A public note at the end of an article saying what was corrected or clarified."""

    class Kind(models.TextChoices):
        CORRECTION = "correction", _("Correction")
        CLARIFICATION = "clarification", _("Clarification")

    article = models.ForeignKey(
        ArticlePage,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="corrections",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.CORRECTION)
    published_at = models.DateTimeField(_("date"), default=timezone.now)
    text = models.TextField(
        _("text"),
        max_length=1000,
        help_text=_("What was wrong and what is right now. Plain text, in the article's language."),
    )

    class Meta:
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        ordering = ["published_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.article.title}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.mark_article_updated()
        purge_article_now_and_on_commit(self.article_id)

    def delete(self, *args, **kwargs):
        article_id = self.article_id
        deleted = super().delete(*args, **kwargs)
        purge_article_now_and_on_commit(article_id)
        return deleted

    def mark_article_updated(self):
        """Show readers the article as updated at the correction's date.

        ArticlePage.updated_at comes from last_published_at. A queryset update moves it
        without publishing a new revision (which would need the editor's draft) and without
        going backwards when a correction is dated before the last edit.
        """
        ArticlePage.objects.filter(
            Q(last_published_at__lt=self.published_at) | Q(last_published_at__isnull=True),
            pk=self.article_id,
        ).update(last_published_at=self.published_at)


def purge_article_now_and_on_commit(article_id):
    """Now, so this process's next render shows the change; after the commit, so that
    nothing rendered in between from the old rows is kept under the new generation."""
    caching.purge_everything()
    transaction.on_commit(partial(purge_article, article_id))


def purge_article(article_id):
    """Readers must see a new or changed correction: drop the article's cached page, and
    start a new generation, since article renders keep the corrections they show until the
    next one (corrections.wagtail_hooks). Corrections are rare; the lists refill quickly."""
    article = ArticlePage.objects.filter(pk=article_id).first()
    if article is not None:
        pagecache.purge_path(article.url)
    caching.purge_everything()
