"""The worker is killed (SIGKILL) in the middle of a flush, again and again: once the flush
completes after a restart, the totals are exact, with nothing lost and nothing counted twice.

A real `manage.py worker --once` process runs the flush (testing.worker starts it, kills it
where the flush pauses, and runs it again to the end).
"""

from datetime import timedelta

import pytest

from readership import clock
from readership.buffers import current_buffer
from readership.models import ArticleTotals, ReadingDay, ReadingHour
from testing.factories import make_article
from testing.worker import kill_at, run_to_the_end, shared_database, worker_environment

pytestmark = pytest.mark.django_db(transaction=True)

# Inside each transaction after its writes, then after its commit and before the buffer
# forgets what was written: the two places a crash can hurt.
KILL_POINTS = ["hour written", "hour committed", "day written", "day committed"]


def record_a_day(buffer, first, second, day):
    """Two closed hours of a closed day: 6 views by 5 readers, 2 net likes, 2 articles."""
    hour_one = clock.start_of(day) + timedelta(hours=10)
    hour_two = hour_one + clock.HOUR
    minute = timedelta(minutes=1)
    for reader in ("r1", "r2", "r3"):
        buffer.record_view(first.pk, reader, hour_one + 5 * minute)
    buffer.record_view(second.pk, "r5", hour_one + 6 * minute)
    for reader in ("r1", "r4"):
        buffer.record_view(first.pk, reader, hour_two + 5 * minute)
    buffer.record_like(first.pk, "r1", hour_one + 7 * minute, True)
    buffer.record_like(first.pk, "r2", hour_two + 7 * minute, True)
    buffer.record_like(first.pk, "r3", hour_two + 8 * minute, True)
    buffer.record_like(first.pk, "r3", hour_two + 9 * minute, False)
    return hour_one, hour_two


def test_killing_the_worker_mid_flush_loses_and_doubles_nothing(
    site_skeleton, buffer_kind, tmp_path
):
    first = make_article(title="Першая навіна", section_slug=None)
    second = make_article(title="Другая навіна", section_slug=None)
    # Two days back: the day is closed and rolled up whatever the hour of the test run.
    day = (clock.now() - clock.DAY * 2).date()
    hour_one, hour_two = record_a_day(current_buffer(), first, second, day)

    with shared_database(tmp_path) as database_file:
        environment = worker_environment(buffer_kind, database_file)
        for point in KILL_POINTS:
            kill_at(environment, point)
        run_to_the_end(environment)

    hours = {
        (row.article_id, row.hour): (row.views, row.likes) for row in ReadingHour.objects.all()
    }
    assert hours == {
        (first.pk, hour_one): (3, 1),
        (first.pk, hour_two): (2, 1),
        (second.pk, hour_one): (1, 0),
    }
    totals = {row.article_id: (row.views, row.likes) for row in ArticleTotals.objects.all()}
    assert totals == {first.pk: (5, 2), second.pk: (1, 0)}
    days = {
        row.article_id: (row.day, row.views, row.likes, row.readers)
        for row in ReadingDay.objects.all()
    }
    assert days == {first.pk: (day, 5, 2, 4), second.pk: (day, 1, 0, 1)}
    buffer = current_buffer()
    assert buffer.hours() == []
    assert buffer.pending_counts() == {}
    assert buffer.days() == []
