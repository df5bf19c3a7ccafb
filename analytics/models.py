"""Analytics' own table: how many readers each article had, minute by minute, for 35 minutes.

Readership's Now reading holds only the present moment; the worker copies its counts here
once a minute so the real-time board can draw the last half hour. Numbers only.
"""

from django.conf import settings
from django.db import models


class NowSample(models.Model):
    """Readers of one article in the five minutes before `minute` (kept SAMPLE_MINUTES)."""

    minute = models.DateTimeField(db_index=True)
    article_id = models.BigIntegerField()
    readers = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["minute", "article_id"], name="now_sample_once")
        ]

    def __str__(self):
        return f"{self.readers} reading {self.article_id} at {self.minute:%H:%M}"


class WeeklySummary(models.Model):
    """The weekly summary sent to one editor: a row per (week, editor) so a restarted worker
    sends each week once. "sending" is committed before the message goes to the relay and
    "sent" after, as the newsletter does; a row left "sending" is sent again under the same
    Message-ID, which mail clients show once."""

    class State(models.TextChoices):
        SENDING = "sending"
        SENT = "sent"

    week = models.DateField(help_text="The Monday the week began (UTC).")
    editor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    state = models.CharField(max_length=8, choices=State.choices, default=State.SENDING)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["week", "editor"], name="weekly_summary_once")
        ]

    def __str__(self):
        return f"week of {self.week} to {self.editor_id}: {self.state}"
