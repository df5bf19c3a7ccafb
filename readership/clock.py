"""Time buckets and windows. Buckets are UTC hours and days: one clock for every server."""

from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.utils import timezone

HOUR = timedelta(hours=1)
DAY = timedelta(days=1)
# A bucket is flushed this long after it closed, so a beacon that picked its hour just
# before the turn has long been written when the flush reads the hour.
FLUSH_GRACE = timedelta(seconds=60)


def now():
    return timezone.now().astimezone(UTC)


def hour_of(moment):
    return moment.astimezone(UTC).replace(minute=0, second=0, microsecond=0)


def hour_key(hour):
    return hour.strftime("%Y%m%d%H")


def hour_from_key(key):
    return datetime.strptime(key, "%Y%m%d%H").replace(tzinfo=UTC)


def day_key(day):
    return day.strftime("%Y%m%d")


def day_from_key(key):
    return datetime.strptime(key, "%Y%m%d").replace(tzinfo=UTC).date()


def now_reading_seconds():
    """How long a heartbeat keeps a reader in Now reading (realtime tools use 5 minutes)."""
    return getattr(settings, "READERSHIP_NOW_SECONDS", 300)


def most_read_hours():
    return getattr(settings, "READERSHIP_MOST_READ_HOURS", 24)


def most_liked_days():
    return getattr(settings, "READERSHIP_MOST_LIKED_DAYS", 7)


def window_hours(moment, hours):
    """The hour buckets of a window ending now, the open hour included, newest first."""
    current = hour_of(moment)
    return [current - HOUR * back for back in range(hours)]


def hour_retention():
    """Hourly rows are kept while a window can still read them; days keep the rest."""
    return timedelta(days=max(most_liked_days(), 1) + 1, hours=most_read_hours())


def start_of(day):
    """Midnight UTC opening a day."""
    return datetime.combine(day, datetime.min.time(), UTC)


def engagement_retention():
    """Analytics hours are kept 30 days (What we count); their days are kept for good."""
    return timedelta(days=getattr(settings, "ANALYTICS_HOUR_DAYS", 30))
