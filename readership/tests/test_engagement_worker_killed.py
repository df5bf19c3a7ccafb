"""Analytics counters survive a worker killed (SIGKILL) in the middle of writing them.

The flush writes engaged time, scroll depth, referrer and host buckets beside the views; a
real `manage.py worker --once` is killed at each point where a crash can hurt (inside a
transaction after its writes, after its commit before the buffer forgets), again and again,
then run to the end. The hourly and daily analytics buckets then hold exactly what the
beacons added: nothing lost, nothing counted twice. With Redis, the share the database took
while Redis was unreachable (added, not overwritten) is killed mid-write too.
"""

from datetime import timedelta

import pytest

from readership import clock, engagement
from readership.buffers import DatabaseBuffer, current_buffer
from readership.models import EngagementDay, EngagementHour
from testing.factories import make_article
from testing.worker import kill_at, run_to_the_end, shared_database, worker_environment

pytestmark = pytest.mark.django_db(transaction=True)

KILL_POINTS = ["hour written", "hour committed", "day written", "day committed"]
# With Redis the database's outage share is added in a transaction of its own, after
# Redis's hours and before the day is rolled up.
REDIS_KILL_POINTS = [
    "hour written",
    "hour committed",
    "outage hour written",
    "outage hour committed",
    "day written",
    "day committed",
]


def read_and_leave(buffer, moment, article, host, referrer, seconds, scroll):
    """One page view and its leaving beacon, as the beacon endpoints count them."""
    buffer.record_engagement(moment, engagement.view_counts(article.pk, host, referrer))
    buffer.record_engagement(
        moment, engagement.leave_counts(article.pk, host, referrer, seconds, scroll)
    )


def record_beacons(buffer, first, second, hour_one, hour_two):
    minute = timedelta(minutes=1)
    read_and_leave(buffer, hour_one + minute, first, "main", "google.com", 42, 80)
    read_and_leave(buffer, hour_one + 2 * minute, first, "main", "google.com", 7, 25)
    read_and_leave(buffer, hour_one + 3 * minute, first, "onion", "", 700, 100)
    read_and_leave(buffer, hour_two + minute, first, "main", "google.com", 30, 50)
    read_and_leave(buffer, hour_two + 2 * minute, second, "lite", "t.me", 12, 10)
    # A view whose reader closed the tab before any leaving beacon went.
    buffer.record_engagement(
        hour_two + 3 * minute, engagement.view_counts(second.pk, "lite", "t.me")
    )


def key(row, when):
    return (row.article_id, when, row.host, row.referrer)


def figures(row):
    return (
        row.views,
        row.leaves,
        row.engaged_seconds,
        row.engaged,
        (row.scroll_25, row.scroll_50, row.scroll_75, row.scroll_100),
    )


def test_killing_the_worker_while_it_writes_engagement_loses_and_doubles_nothing(
    site_skeleton, buffer_kind, tmp_path
):
    first = make_article(title="Першая навіна", section_slug=None)
    second = make_article(title="Другая навіна", section_slug=None)
    # Two days back: the day is closed and rolled up whatever the hour of the test run.
    day = (clock.now() - clock.DAY * 2).date()
    hour_one = clock.start_of(day) + timedelta(hours=10)
    hour_two = hour_one + clock.HOUR
    record_beacons(current_buffer(), first, second, hour_one, hour_two)
    points = KILL_POINTS
    if buffer_kind == "redis":
        # Beacons the database took while Redis was unreachable, in the same hour.
        read_and_leave(
            DatabaseBuffer(), hour_one + timedelta(minutes=9), first, "main", "google.com", 60, 100
        )
        points = REDIS_KILL_POINTS

    with shared_database(tmp_path) as database_file:
        environment = worker_environment(buffer_kind, database_file)
        for point in points:
            kill_at(environment, point)
        run_to_the_end(environment)

    outage = buffer_kind == "redis"
    google_one = (
        (3, 3, 40 + 5 + 60, {"40": 1, "5": 1, "60": 1}, (3, 2, 2, 1))
        if outage
        else (2, 2, 45, {"40": 1, "5": 1}, (2, 1, 1, 0))
    )
    hours = {key(row, row.hour): figures(row) for row in EngagementHour.objects.all()}
    assert hours == {
        (first.pk, hour_one, "main", "google.com"): google_one,
        (first.pk, hour_one, "onion", ""): (1, 1, 600, {"600": 1}, (1, 1, 1, 1)),
        (first.pk, hour_two, "main", "google.com"): (1, 1, 30, {"30": 1}, (1, 1, 0, 0)),
        (second.pk, hour_two, "lite", "t.me"): (2, 1, 10, {"10": 1}, (0, 0, 0, 0)),
    }
    views, leaves, seconds, steps, scroll = google_one
    days = {key(row, row.day): figures(row) for row in EngagementDay.objects.all()}
    assert days == {
        (first.pk, day, "main", "google.com"): (
            views + 1,
            leaves + 1,
            seconds + 30,
            {**steps, "30": 1},
            (scroll[0] + 1, scroll[1] + 1, scroll[2], scroll[3]),
        ),
        (first.pk, day, "onion", ""): (1, 1, 600, {"600": 1}, (1, 1, 1, 1)),
        (second.pk, day, "lite", "t.me"): (2, 1, 10, {"10": 1}, (0, 0, 0, 0)),
    }
    assert current_buffer().hours() == []
    assert DatabaseBuffer().hours() == []
    assert current_buffer().engagement_counts(hour_one) == {}
