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


class Figures(models.Model):
    """Analytics numbers: views, leaving beacons, engaged time and scroll depth.

    `engaged` is the distribution of engaged time in steps of ENGAGED_STEP seconds
    ({"<step>": views}); `scroll_*` count the views whose reader reached that depth.
    """

    views = models.PositiveIntegerField(default=0)
    leaves = models.PositiveIntegerField(default=0)
    engaged_seconds = models.PositiveBigIntegerField(default=0)
    engaged = models.JSONField(default=dict)
    scroll_25 = models.PositiveIntegerField(default=0)
    scroll_50 = models.PositiveIntegerField(default=0)
    scroll_75 = models.PositiveIntegerField(default=0)
    scroll_100 = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True


class EngagementFigures(Figures):
    """What analytics counts of one article's views, per host and referrer domain, as numbers.

    No reader is in it, hashed or not: a row is the sum of the beacons of everyone who came
    from one referrer domain through one host.
    """

    host = models.CharField(max_length=255)
    referrer = models.CharField(max_length=255, blank=True)

    class Meta:
        abstract = True


class EngagementHour(EngagementFigures):
    """One article's closed hour (UTC) through one host from one referrer domain (30 days)."""

    article = models.ForeignKey(
        "newsroom.ArticlePage", on_delete=models.CASCADE, related_name="engagement_hours"
    )
    hour = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["article", "hour", "host", "referrer"], name="engagement_hour_once"
            )
        ]

    def __str__(self):
        return f"{self.article_id} @ {self.hour:%Y-%m-%d %H}:00 via {self.host}"


class EngagementDay(EngagementFigures):
    """One article's closed UTC day through one host from one referrer domain (kept forever)."""

    article = models.ForeignKey(
        "newsroom.ArticlePage", on_delete=models.CASCADE, related_name="engagement_days"
    )
    day = models.DateField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["article", "day", "host", "referrer"], name="engagement_day_once"
            )
        ]

    def __str__(self):
        return f"{self.article_id} @ {self.day} via {self.host}"


class RolledDay(models.Model):
    """A closed UTC day whose analytics hours the worker rolled up into EngagementDay.

    Tells which days to read from days and which from hours without scanning the days.
    `rolls` grows each time the day is rolled up (again, when beacons a Redis outage kept
    in the database arrive late), so what is summed from the day knows it is out of date.
    """

    day = models.DateField(unique=True)
    rolls = models.PositiveIntegerField(default=1)

    def __str__(self):
        return f"{self.day} ({self.rolls})"


class PendingEngagement(models.Model):
    """Database buffer: one counter of analytics (views, leaves of a step, a depth) not flushed.

    `figure` is what is counted: "views", "leave:<engaged step>" or "deepest:<depth>"
    (readership.engagement.leave_counts); buffers written before those counted "leaves",
    "seconds", "step:<n>" and "scroll:<depth>" apart, which still read.
    """

    article_id = models.BigIntegerField()
    hour = models.DateTimeField()
    host = models.CharField(max_length=255)
    referrer = models.CharField(max_length=255, blank=True)
    figure = models.CharField(max_length=16)
    count = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["article_id", "hour", "host", "referrer", "figure"],
                name="pending_engagement_once",
            )
        ]

    def __str__(self):
        return f"pending {self.figure} of {self.article_id} @ {self.hour:%Y-%m-%d %H}:00"
