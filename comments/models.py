"""Comments readers post under any name, and what moderators and readers do with them."""

from django.conf import settings
from django.db import connection, models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from newsroom.models import ArticlePage


class Status(models.TextChoices):
    PUBLISHED = "published", _("Published")
    PENDING = "pending", _("Pending review")
    REJECTED = "rejected", _("Rejected")
    HIDDEN = "hidden", _("Hidden")
    SPAM = "spam", _("Spam")


class Reason(models.TextChoices):
    """Why the pipeline held or rejected a comment: a fixed list, recorded with it."""

    HONEYPOT = "honeypot", _("Filled the hidden field")
    BANNED_CLIENT = "banned_client", _("Client banned by a moderator")
    BANNED_WORD = "banned_word", _("Contains a banned word")
    SUSPECT_WORD = "suspect_word", _("Contains a suspect word")
    PREMODERATION = "premoderation", _("Pre-moderation is on")
    REPORTED = "reported", _("Reported by readers")


class CommentQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def newest_first(self):
        return self.order_by("-created_at", "-pk")


class Comment(models.Model):
    article = models.ForeignKey(
        ArticlePage, on_delete=models.CASCADE, related_name="comments", verbose_name=_("article")
    )
    author_name = models.CharField(_("name"), max_length=80)
    text = models.TextField(_("text"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    reason = models.CharField(_("reason"), max_length=16, choices=Reason.choices, blank=True)
    # The daily-salted hash of the sender (privacy.clients): enough for rate limits and
    # duplicate checks today, meaningless once the day's salt is destroyed.
    client = models.CharField(max_length=32, db_index=True, editable=False)
    # The text's fingerprint (comments.likeness): repeats with cosmetic changes coincide.
    fingerprint = models.CharField(max_length=32, blank=True, editable=False)
    language = models.CharField(max_length=8, editable=False)
    report_count = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(_("posted at"), default=timezone.now, db_index=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [
            models.Index(fields=["article", "status", "-created_at"]),
            # The admin menu counts what waits for a moderator on every admin page: without
            # it each count reads every comment (100 ms each on a million).
            models.Index(fields=["status", "reason"], name="comment_waiting"),
            # Every post asks whether the article got the same text lately
            # (comments.pipeline.duplicate): by the fingerprint, a few rows whatever the
            # discussion, instead of every comment of the last minutes.
            models.Index(fields=["article", "fingerprint", "created_at"], name="comment_repeats"),
            # Analytics counts a day's published comments by article when it shows today:
            # read from this index alone, tens of thousands take milliseconds.
            models.Index(
                fields=["created_at", "article"],
                condition=models.Q(status=Status.PUBLISHED),
                name="comment_published_at",
            ),
        ]
        permissions = [("moderate_comment", _("Can moderate comments"))]

    def __str__(self):
        return f"{self.author_name}: {self.text[:40]}"


def refresh_comment_count(article_id):
    """Set the article's count from the rows; used after moderation changes a status."""
    count = Comment.objects.published().filter(article_id=article_id).count()
    ArticlePage.objects.filter(pk=article_id).update(comment_count=count)
    return count


def add_to_comment_count(article_id, delta):
    """Atomic increment in SQL, so concurrent posts never lose a count; the new count.

    Every published post runs it. Where the database returns what it updated (PostgreSQL,
    SQLite 3.35 and later) it is one statement written here: the ORM's UPDATE and a read
    of the count took 1.1 ms of CPU to build, the statement 0.16 ms to send.
    """
    if not connection.features.can_return_columns_from_insert:
        articles = ArticlePage.objects.filter(pk=article_id)
        articles.update(comment_count=F("comment_count") + delta)
        return articles.values_list("comment_count", flat=True).first()
    with connection.cursor() as cursor:
        cursor.execute(counting_statement(), [delta, article_id])
        row = cursor.fetchone()
    return row[0] if row else None


def counting_statement():
    meta, quote = ArticlePage._meta, connection.ops.quote_name
    table, count = quote(meta.db_table), quote(meta.get_field("comment_count").column)
    return (
        f"UPDATE {table} SET {count} = {count} + %s"  # noqa: S608 (our names; values are parameters)
        f" WHERE {quote(meta.pk.column)} = %s RETURNING {count}"
    )


class ReportReason(models.TextChoices):
    SPAM = "spam", _("Spam")
    ABUSE = "abuse", _("Abuse")
    PERSONAL_DATA = "personal_data", _("Personal data")
    OTHER = "other", _("Other")


class CommentReport(models.Model):
    """A reader's report on a comment; one per hashed network (privacy.clients) and comment."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reports")
    reason = models.CharField(_("reason"), max_length=16, choices=ReportReason.choices)
    client = models.CharField(max_length=32, editable=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["comment", "client"], name="one_report_per_client")
        ]

    def __str__(self):
        return f"{self.get_reason_display()} on {self.comment_id}"


class Action(models.TextChoices):
    APPROVE = "approve", _("Approved")
    HIDE = "hide", _("Hidden")
    SPAM = "spam", _("Marked as spam")
    BAN = "ban", _("Banned the sender")
    AUTO_HIDE = "auto_hide", _("Hidden after reader reports")


class ModerationAction(models.Model):
    """Who did what to which comment, and when: the desk's audit trail."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="actions")
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    action = models.CharField(max_length=16, choices=Action.choices)
    note = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_action_display()} on {self.comment_id}"


class DiscussionSwitch(models.Model):
    """Editors' switches for one article or a whole section: close or pre-moderate."""

    page = models.OneToOneField(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="discussion_switch",
        verbose_name=_("article or section"),
    )
    comments_closed = models.BooleanField(_("comments closed"), default=False)
    premoderated = models.BooleanField(_("pre-moderation"), default=False)

    panels = [FieldPanel("page"), FieldPanel("comments_closed"), FieldPanel("premoderated")]

    class Meta:
        verbose_name = _("discussion switch")
        verbose_name_plural = _("discussion switches")

    def __str__(self):
        return str(self.page)


@register_setting(icon="comment")
class CommentPolicy(BaseGenericSetting):
    """Limits and word lists of the anti-abuse pipeline, editable by editors."""

    premoderate_all = models.BooleanField(_("pre-moderate every comment"), default=False)
    close_after_days = models.PositiveIntegerField(
        _("close comments after (days)"), default=30, help_text=_("0 keeps them open.")
    )
    min_seconds_to_submit = models.PositiveIntegerField(
        _("minimum seconds between opening the form and sending"), default=3
    )
    per_minute = models.PositiveIntegerField(_("comments per minute per client"), default=3)
    per_hour = models.PositiveIntegerField(_("comments per hour per client"), default=20)
    max_links = models.PositiveIntegerField(_("links allowed in a comment"), default=2)
    duplicate_minutes = models.PositiveIntegerField(
        _("minutes within which a repeated comment is refused"), default=60
    )
    reports_to_hide = models.PositiveIntegerField(
        _("reader reports that hide a comment until review"), default=3
    )
    shown_on_article = models.PositiveIntegerField(
        _("newest comments shown under an article"), default=10
    )
    banned_words = models.TextField(
        _("banned words"),
        blank=True,
        help_text=_("One word or phrase per line, in any language. Such comments are rejected."),
    )
    suspect_words = models.TextField(
        _("suspect words"),
        blank=True,
        help_text=_("One per line, in any language. Such comments wait for review."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("premoderate_all"),
                FieldPanel("close_after_days"),
                FieldPanel("shown_on_article"),
                FieldPanel("reports_to_hide"),
            ],
            heading=_("Discussion"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("min_seconds_to_submit"),
                FieldPanel("per_minute"),
                FieldPanel("per_hour"),
                FieldPanel("max_links"),
                FieldPanel("duplicate_minutes"),
            ],
            heading=_("Limits"),
        ),
        MultiFieldPanel(
            [FieldPanel("banned_words"), FieldPanel("suspect_words")], heading=_("Word lists")
        ),
    ]

    class Meta:
        verbose_name = _("comment policy")

    def word_list(self, field):
        return [
            line.strip().casefold() for line in getattr(self, field).splitlines() if line.strip()
        ]
