"""Analytics' own tables: daily sums by group (GroupDay), and how many readers each
article had, minute by minute, for 35 minutes.

Readership's Now reading holds only the present moment; the worker copies its counts here
once a minute so the real-time board can draw the last half hour. Numbers only.
"""

from django.conf import settings
from django.db import models

from readership.models import Figures


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


class GroupDay(Figures):
    """One closed day's analytics summed over a section, an author, a language or a referrer.

    A year of a group table reads 365 rows a group instead of every article's buckets.
    `group` names what is summed ("section", "author", "language", "referrer"), `key` which
    one: a section's page id and the articles' language ("12:be"; "" for no section), an
    author's id ("" for no byline), a language code, a referrer domain. Labels (a section's
    title, an author's name) are looked up when shown: a renamed section needs nothing.

    `articles` holds the distinct articles read that day by the day each was last read
    before it ({"<ISO day>": articles}; "" for never): the distinct articles of a period
    beginning on `first` are, summed over its days, those last read before `first`, so
    they come out exact from one row a day. `likes` are the day's net likes and `comments`
    the comments posted that day and published, on the group's articles.

    A day not rolled up yet (today) is summed too, up to `through`: its hours before that
    one, written by the flush, without comments (counted when shown). The dashboard then
    reads only the hours from `through` on article by article. Null: the whole day.
    """

    day = models.DateField()
    group = models.CharField(max_length=16)
    key = models.CharField(max_length=255, blank=True)
    articles = models.JSONField(default=dict)
    likes = models.IntegerField(default=0)
    comments = models.PositiveIntegerField(default=0)
    through = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["group", "day", "key"], name="group_day_once")
        ]

    def __str__(self):
        return f"{self.group} {self.key} @ {self.day}"


class SummedDay(models.Model):
    """A day whose GroupDay rows are summed, from the `rolls`-th roll-up of its buckets.

    The rows count only while `rolls` matches readership's RolledDay and `changes` has not
    moved since they were summed: an article moved to another section, a byline edited, an
    article deleted, a comment moderated later all bump `changes` (analytics.rollup); the
    worker sums the day again, and until then the dashboard reads that day article by article.
    A day summed only through an hour (today, analytics.rollup.sum_hours) keeps `rolls` 0.
    """

    day = models.DateField(unique=True)
    rolls = models.PositiveIntegerField(default=0)
    changes = models.PositiveIntegerField(default=0)
    summed = models.PositiveIntegerField(default=0)  # `changes` when the rows were summed

    def __str__(self):
        return f"{self.day} (roll {self.rolls})"
