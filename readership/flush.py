"""The flush: closed hours and days move from the buffer into the final tables, in bulk.

Idempotent by construction: a bucket is written with its absolute numbers (not added to
what is there), and totals move by the difference to what the bucket held before. A flush
that dies after writing and before clearing the buffer is simply run again and writes the
same numbers; nothing is counted twice.
"""

import os
import signal
import sys

from django.db import connection, transaction
from django.db.models import Sum

from newsroom.models import ArticlePage

from . import clock, engagement, numbers
from .buffers import DatabaseBuffer, current_buffer
from .models import (
    ArticleTotals,
    EngagementDay,
    EngagementHour,
    ReadingDay,
    ReadingHour,
    RolledDay,
)

# Crash tests name a pause point here; the flush stops there so the test can kill it.
PAUSE_AT = "READERSHIP_FLUSH_PAUSE_AT"


def pause_point(name):
    """Wait to be killed at this point when READERSHIP_FLUSH_PAUSE_AT names it (tests)."""
    if os.environ.get(PAUSE_AT) == name:
        sys.stdout.write(f"flush paused at {name}\n")  # the test waits for this line
        sys.stdout.flush()
        signal.pause()


def flush(moment=None, buffer=None):
    """Write every closed hour and day; returns how many buckets (hours + days) were written."""
    moment = moment or clock.now()
    buffer = buffer or current_buffer()
    cutoff = moment - clock.FLUSH_GRACE
    written = 0
    for hour in buffer.hours():
        if hour + clock.HOUR <= cutoff:
            written += _flush_hour(buffer, hour)
    if not buffer.transactional:
        written += _flush_fallback_hours(buffer, cutoff)
    for day in buffer.days():
        if clock.start_of(day) + clock.DAY <= cutoff:
            written += _flush_day(buffer, day)
    with transaction.atomic():
        ReadingHour.objects.filter(hour__lt=moment - clock.hour_retention()).delete()
        EngagementHour.objects.filter(hour__lt=moment - clock.engagement_retention()).delete()
        buffer.expire(moment)
        if not buffer.transactional:
            DatabaseBuffer().expire(moment)  # what beacons left there during an outage
    return written


def _flush_fallback_hours(buffer, cutoff):
    """Add the views and likes the database took while Redis was unreachable (reading).

    Added, not written as absolute numbers, in the transaction that deletes them: they
    count once whatever dies when. Only after Redis's part of the same hour is written,
    since that part replaces the hour's numbers. Distinct readers come from Redis alone.
    """
    fallback = DatabaseBuffer()
    waiting = set(buffer.hours())
    written = 0
    for hour in fallback.hours():
        if hour + clock.HOUR > cutoff or hour in waiting:
            continue
        with transaction.atomic():
            counts = _existing(fallback.hour_counts(hour))
            _add_to_hours(hour, counts)
            _add_to_totals(counts)
            _write_engagement(hour, fallback.engagement_counts(hour), add=True)
            fallback.forget_hour(hour)
            day = hour.astimezone(clock.UTC).date()
            if clock.start_of(day) + clock.DAY <= cutoff:
                _roll_up_engagement(day)  # its day was rolled up before these arrived
            pause_point("outage hour written")
        pause_point("outage hour committed")
        numbers.forget_like_counts(_liked(counts))
        written += 1
    return written


def _add_to_hours(hour, counts):
    table = ReadingHour._meta.db_table
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} (article_id, hour, views, likes) VALUES (%s, %s, %s, %s) "  # noqa: S608
            f"ON CONFLICT (article_id, hour) DO UPDATE SET views = {table}.views + "
            f"excluded.views, likes = {table}.likes + excluded.likes",
            [
                (article, connection.ops.adapt_datetimefield_value(hour), views, likes)
                for article, (views, likes) in counts.items()
            ],
        )


def _existing(counts):
    ids = set(ArticlePage.objects.filter(pk__in=counts).values_list("pk", flat=True))
    return {article: value for article, value in counts.items() if article in ids}


def _flush_hour(buffer, hour):
    with transaction.atomic():
        counts = _existing(buffer.hour_counts(hour))
        before = {
            row.article_id: (row.views, row.likes)
            for row in ReadingHour.objects.filter(hour=hour, article_id__in=counts)
        }
        ReadingHour.objects.bulk_create(
            [
                ReadingHour(article_id=article, hour=hour, views=views, likes=likes)
                for article, (views, likes) in counts.items()
            ],
            update_conflicts=True,
            unique_fields=["article", "hour"],
            update_fields=["views", "likes"],
        )
        _add_to_totals(
            {
                article: (
                    views - before.get(article, (0, 0))[0],
                    likes - before.get(article, (0, 0))[1],
                )
                for article, (views, likes) in counts.items()
            }
        )
        _write_engagement(hour, buffer.engagement_counts(hour), add=False)
        if buffer.transactional:
            buffer.forget_hour(hour)
        pause_point("hour written")
    pause_point("hour committed")
    if not buffer.transactional:
        # Only after the commit: a crash in between leaves the hour to be written again.
        buffer.forget_hour(hour)
    # Their likes moved from the buffer to the totals: a count read in between is dropped.
    numbers.forget_like_counts(_liked(counts))
    return 1


def _liked(counts):
    return [article for article, (_, likes) in counts.items() if likes]


def _add_to_totals(deltas):
    rows = [(article, views, likes) for article, (views, likes) in deltas.items() if views or likes]
    if not rows:
        return
    table = ArticleTotals._meta.db_table
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} (article_id, views, likes) VALUES (%s, %s, %s) "  # noqa: S608
            f"ON CONFLICT (article_id) DO UPDATE SET views = {table}.views + excluded.views, "
            f"likes = {table}.likes + excluded.likes",
            rows,
        )


def _flush_day(buffer, day):
    """Roll a closed day's hours up, with the day's exact distinct readers from the buffer."""
    start = clock.start_of(day)
    with transaction.atomic():
        readers = buffer.readers_on(day)
        sums = {
            row["article_id"]: (row["views"], row["likes"])
            for row in ReadingHour.objects.filter(hour__gte=start, hour__lt=start + clock.DAY)
            .values("article_id")
            .annotate(views=Sum("views"), likes=Sum("likes"))
        }
        articles = _existing(dict.fromkeys(set(readers) | set(sums)))
        ReadingDay.objects.bulk_create(
            [
                ReadingDay(
                    article_id=article,
                    day=day,
                    views=sums.get(article, (0, 0))[0],
                    likes=sums.get(article, (0, 0))[1],
                    readers=readers.get(article, 0),
                )
                for article in articles
            ],
            update_conflicts=True,
            unique_fields=["article", "day"],
            update_fields=["views", "likes", "readers"],
        )
        _roll_up_engagement(day)
        if buffer.transactional:
            buffer.forget_day(day)
        pause_point("day written")
    pause_point("day committed")
    if not buffer.transactional:
        buffer.forget_day(day)
    return 1


FIGURES = ["views", "leaves", "engaged_seconds", "engaged", "scroll_25", "scroll_50"]
FIGURES += ["scroll_75", "scroll_100"]


def _write_engagement(hour, counts, add):
    """Analytics counters of an hour as rows: absolute (the buffer's whole hour, so a re-run
    writes the same), or added (the database's share taken during a Redis outage, in the
    transaction that deletes it)."""
    rows = engagement.as_rows(counts)
    known = set(_existing(dict.fromkeys(article for article, _, _ in rows)))
    rows = {key: row for key, row in rows.items() if key[0] in known}
    if not rows:
        return
    if add:
        stored = EngagementHour.objects.select_for_update().filter(
            hour=hour, article_id__in={article for article, _, _ in rows}
        )
        for old in stored:
            key = (old.article_id, old.host, old.referrer)
            if key in rows:
                engagement.merge(rows[key], {name: getattr(old, name) for name in FIGURES})
    EngagementHour.objects.bulk_create(
        [
            EngagementHour(article_id=article, hour=hour, host=host, referrer=referrer, **row)
            for (article, host, referrer), row in rows.items()
        ],
        update_conflicts=True,
        unique_fields=["article", "hour", "host", "referrer"],
        update_fields=FIGURES,
    )


def _roll_up_engagement(day):
    """A closed day's analytics hours summed into days, written as absolute numbers."""
    start = clock.start_of(day)
    rows = {}
    for hour in EngagementHour.objects.filter(hour__gte=start, hour__lt=start + clock.DAY):
        key = (hour.article_id, hour.host, hour.referrer)
        row = rows.setdefault(key, engagement.empty_figures())
        engagement.merge(row, {name: getattr(hour, name) for name in FIGURES})
    EngagementDay.objects.bulk_create(
        [
            EngagementDay(article_id=article, day=day, host=host, referrer=referrer, **row)
            for (article, host, referrer), row in rows.items()
        ],
        update_conflicts=True,
        unique_fields=["article", "day", "host", "referrer"],
        update_fields=FIGURES,
    )
    _mark_rolled(day)


def _mark_rolled(day):
    """The day is read from its days from now on; a roll-up again tells sums made before."""
    table = RolledDay._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (day, rolls) VALUES (%s, 1) "  # noqa: S608
            f"ON CONFLICT (day) DO UPDATE SET rolls = {table}.rolls + 1",
            [connection.ops.adapt_datefield_value(day)],
        )
