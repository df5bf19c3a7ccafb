"""Analytics' own table: how many readers each article had, minute by minute, for 35 minutes.

Readership's Now reading holds only the present moment; the worker copies its counts here
once a minute so the real-time board can draw the last half hour. Numbers only.
"""

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
