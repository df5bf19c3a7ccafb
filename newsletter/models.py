"""Subscribers (sealed), the issues editors compose, and one delivery row per recipient."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from . import sealing


class SubscriberQuerySet(models.QuerySet):
    def find(self, address, language):
        return self.filter(lookup=sealing.lookup(address, language)).first()


class Subscriber(models.Model):
    """A confirmed subscription. No address in clear, no IP, no time finer than a day."""

    language = models.CharField(max_length=8, choices=settings.LANGUAGES)
    sealed_address = models.TextField()
    lookup = models.CharField(max_length=64, unique=True)
    subscribed_on = models.DateField(auto_now_add=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscriber")

    def __str__(self):
        return f"{self.language} #{self.pk}"  # editors see counts, never addresses

    @property
    def address(self):
        return sealing.unseal(self.sealed_address)


class Kind(models.TextChoices):
    DIGEST = "digest", _("Daily digest")
    ALERT = "alert", _("Breaking news alert")


class State(models.TextChoices):
    DRAFT = "draft", _("Draft")
    QUEUED = "queued", _("Queued for sending")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")


class Issue(ClusterableModel):
    """One digest or alert in one language, composed from articles."""

    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.DIGEST)
    subject = models.CharField(_("subject"), max_length=200)
    intro = models.TextField(_("introduction"), blank=True, max_length=2000)
    state = models.CharField(max_length=8, choices=State.choices, default=State.DRAFT)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    panels = [
        FieldPanel("language"),
        FieldPanel("kind"),
        FieldPanel("subject"),
        FieldPanel("intro"),
        InlinePanel("articles", label=_("Article"), heading=_("Articles, in order")),
    ]

    class Meta:
        verbose_name = _("newsletter issue")
        ordering = ["-created_at"]

    def __str__(self):
        return self.subject

    def ordered_articles(self):
        return [row.article for row in self.articles.select_related("article").all()]


class IssueArticle(Orderable):
    issue = ParentalKey(Issue, on_delete=models.CASCADE, related_name="articles")
    article = models.ForeignKey("newsroom.ArticlePage", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("article")]


class DeliveryState(models.TextChoices):
    QUEUED = "queued"
    SENDING = "sending"  # handed to the relay; a crash here means "send again"
    SENT = "sent"
    FAILED = "failed"


class Delivery(models.Model):
    """Where one issue stands for one subscriber: the worker's resumable to-do list."""

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="+")
    state = models.CharField(
        max_length=8, choices=DeliveryState.choices, default=DeliveryState.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_try_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["issue", "subscriber"], name="one_delivery_each")
        ]
        indexes = [models.Index(fields=["state", "id"])]

    def __str__(self):
        return f"{self.issue_id}/{self.subscriber_id}: {self.state}"
