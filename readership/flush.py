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

from . import clock
from .buffers import DatabaseBuffer, current_buffer
from .models import ArticleTotals, ReadingDay, ReadingHour

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
            fallback.forget_hour(hour)
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
        if buffer.transactional:
            buffer.forget_hour(hour)
        pause_point("hour written")
    pause_point("hour committed")
    if not buffer.transactional:
        # Only after the commit: a crash in between leaves the hour to be written again.
        buffer.forget_hour(hour)
    return 1


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
        if buffer.transactional:
            buffer.forget_day(day)
        pause_point("day written")
    pause_point("day committed")
    if not buffer.transactional:
        buffer.forget_day(day)
    return 1
