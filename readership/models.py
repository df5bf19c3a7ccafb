"""Readership's tables: final counts in time buckets, and the database buffer behind them.

Final counts (ReadingHour, ReadingDay, ArticleTotals) hold numbers only, never a reader.
The buffer tables (Pending*, ReaderMark, NowReading, LikeMark) are used when no Redis is
configured; the hashes in them live at most a day or two and mean nothing once the day's salt
is destroyed (privacy.clients).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReadingHour(models.Model):
    """Views and net likes of one article in one closed hour (UTC)."""

    article = models.ForeignKey(
        "newsroom.ArticlePage", on_delete=models.CASCADE, related_name="reading_hours"
    )
    hour = models.DateTimeField(db_index=True)
    views = models.PositiveIntegerField(default=0)
    # Net: a like taken back on a later hour than it was given makes an hour negative.
    likes = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "hour"], name="reading_hour_once")
        ]

    def __str__(self):
        return f"{self.article_id} @ {self.hour:%Y-%m-%d %H}:00"


class ReadingDay(models.Model):
    """One article's closed UTC day: hours rolled up, plus its distinct readers.

    A day is the lifetime of a reader's hash, so distinct readers per day are exact; hourly
    rows are deleted once older than the longest window, the days stay.
    """

    article = models.ForeignKey(
        "newsroom.ArticlePage", on_delete=models.CASCADE, related_name="reading_days"
    )
    day = models.DateField(db_index=True)
    views = models.PositiveIntegerField(default=0)
    readers = models.PositiveIntegerField(default=0)
    likes = models.IntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["article", "day"], name="reading_day_once")]

    def __str__(self):
        return f"{self.article_id} @ {self.day}"


class ArticleTotals(models.Model):
    """All-time views and likes of an article, kept so a like button needs one row."""

    article = models.OneToOneField(
        "newsroom.ArticlePage", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    views = models.PositiveIntegerField(_("views"), default=0)
    likes = models.IntegerField(_("likes"), default=0)

    def __str__(self):
        return f"{self.article_id}: {self.views} views, {self.likes} likes"


class PendingCount(models.Model):
    """Database buffer: views and net likes of an article in an hour not flushed yet."""

    article_id = models.BigIntegerField()
    hour = models.DateTimeField()
    views = models.PositiveIntegerField(default=0)
    likes = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article_id", "hour"], name="pending_count_once")
        ]

    def __str__(self):
        return f"pending {self.article_id} @ {self.hour:%Y-%m-%d %H}:00"


class ReaderMark(models.Model):
    """Database buffer: this hashed reader opened this article in this hour (kept ~25 h)."""

    article_id = models.BigIntegerField()
    hour = models.DateTimeField(db_index=True)
    reader = models.CharField(max_length=32)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["article_id", "hour", "reader"], name="reader_mark_once"
            )
        ]

    def __str__(self):
        return f"reader of {self.article_id} @ {self.hour:%Y-%m-%d %H}:00"


class NowReading(models.Model):
    """Database buffer: when a hashed reader last showed life on an article (kept 5 min)."""

    article_id = models.BigIntegerField()
    reader = models.CharField(max_length=32)
    seen_at = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article_id", "reader"], name="now_reading_once")
        ]

    def __str__(self):
        return f"reading {self.article_id}"


class LikeMark(models.Model):
    """Database buffer: a hashed reader's like state on an article today (dedup per day)."""

    article_id = models.BigIntegerField()
    day = models.DateField(db_index=True)
    reader = models.CharField(max_length=32)
    liked = models.BooleanField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article_id", "day", "reader"], name="like_mark_once")
        ]

    def __str__(self):
        return f"like of {self.article_id} on {self.day}"
