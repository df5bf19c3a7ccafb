"""Real time: readers on the site now, per article, the last 30 minutes, and what is rising."""

from datetime import timedelta

from django.db import transaction

from readership import clock
from readership.buffers import UNREACHABLE, current_buffer

from .models import NowSample

SPARK_MINUTES = 30
SAMPLE_MINUTES = 35
# Rising compares readers now with the average of these minutes ago.
RISING_FROM, RISING_TO = 10, 15


def minute_of(moment):
    return moment.replace(second=0, microsecond=0)


def now_reading(moment):
    """{article: readers in the last five minutes}; empty while the buffer is unreachable."""
    try:
        return dict(current_buffer().now_reading(moment))
    except UNREACHABLE:
        return {}


def take_sample(moment=None):
    """Store this minute's Now reading counts and forget samples past the window."""
    moment = moment or clock.now()
    minute = minute_of(moment)
    readers = now_reading(moment)
    with transaction.atomic():
        NowSample.objects.filter(minute__lt=minute - timedelta(minutes=SAMPLE_MINUTES)).delete()
        NowSample.objects.bulk_create(
            [
                NowSample(minute=minute, article_id=article, readers=count)
                for article, count in readers.items()
                if count
            ],
            update_conflicts=True,
            unique_fields=["minute", "article_id"],
            update_fields=["readers"],
        )
    return readers


def recent_samples(moment):
    """{article: [readers per minute, oldest first]} over the last SPARK_MINUTES minutes."""
    last = minute_of(moment)
    first = last - timedelta(minutes=SPARK_MINUTES - 1)
    series = {}
    rows = NowSample.objects.filter(minute__gte=first, minute__lte=last)
    for minute, article, readers in rows.values_list("minute", "article_id", "readers"):
        slot = int((minute - first).total_seconds() // 60)
        series.setdefault(article, [0] * SPARK_MINUTES)[slot] = readers
    return series


def board(moment):
    """Everything the real-time page shows, as numbers keyed by article id."""
    now = now_reading(moment)
    series = recent_samples(moment)
    for article, readers in now.items():
        # The open minute comes from Now reading itself, sampled or not yet.
        series.setdefault(article, [0] * SPARK_MINUTES)[-1] = readers
    total = [sum(values[slot] for values in series.values()) for slot in range(SPARK_MINUTES)]
    return {
        "readers": sum(now.values()),
        "now": now,
        "series": series,
        "total_series": total,
        "rising": rising(now, series),
    }


def rising(now, series, limit=10):
    """Articles whose readers grew most against 10-15 minutes ago: [(article, growth)]."""
    growth = []
    for article, readers in now.items():
        before = series.get(article, [0] * SPARK_MINUTES)
        window = before[-RISING_TO - 1 : -RISING_FROM]
        earlier = sum(window) / len(window)
        if readers > earlier:
            growth.append((article, round(readers - earlier, 1)))
    growth.sort(key=lambda item: (-item[1], item[0]))
    return growth[:limit]
