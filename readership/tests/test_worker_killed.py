"""The worker is killed (SIGKILL) in the middle of a flush, again and again: once the flush
completes after a restart, the totals are exact, with nothing lost and nothing counted twice.

A real `manage.py worker --once` process runs the flush; READERSHIP_FLUSH_PAUSE_AT makes it
stop at a named point (readership.flush.pause_point) where the test kills it.
"""

import os
import select
import signal
import sqlite3
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection

from readership import clock
from readership.buffers import current_buffer
from readership.flush import PAUSE_AT
from readership.models import ArticleTotals, ReadingDay, ReadingHour
from testing.factories import make_article

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
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


def worker_environment(buffer_kind, database_file):
    settings_dict = connection.settings_dict
    if connection.vendor == "sqlite":
        database_url = f"sqlite:///{database_file}"
    else:
        database_url = (
            f"postgres://{settings_dict['USER']}:{settings_dict['PASSWORD'] or ''}"
            f"@{settings_dict['HOST']}:{settings_dict['PORT']}/{settings_dict['NAME']}"
        )
    from django.conf import settings

    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "samizdat.settings.test",
        "DATABASE_URL": database_url,
        "REDIS_URL": settings.REDIS_URL if buffer_kind == "redis" else "",
    }


def start_worker(environment, pause_at=""):
    return subprocess.Popen(
        [sys.executable, "manage.py", "worker", "--once"],
        cwd=ROOT,
        env={**environment, PAUSE_AT: pause_at},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def kill_at(environment, point):
    """Run the worker until the flush pauses at the point, then SIGKILL it there."""
    worker = start_worker(environment, point)
    output = []
    try:
        while True:
            ready, _, _ = select.select([worker.stdout], [], [], 120)
            line = worker.stdout.readline() if ready else ""
            assert line, f"the worker never reached {point!r}: {''.join(output)}"
            output.append(line)
            if line.strip() == f"flush paused at {point}":
                break
        os.kill(worker.pid, signal.SIGKILL)
    finally:
        worker.kill()
        worker.wait(timeout=30)
        worker.stdout.close()
    assert worker.returncode == -signal.SIGKILL


def run_to_the_end(environment):
    worker = start_worker(environment)
    output, _ = worker.communicate(timeout=120)
    assert worker.returncode == 0, output
    assert "failed" not in output, output


def copy_sqlite(source, target):
    """The whole database, page by page (sqlite3's online backup)."""
    source.backup(target)


def test_killing_the_worker_mid_flush_loses_and_doubles_nothing(
    site_skeleton, buffer_kind, tmp_path
):
    first = make_article(title="Першая навіна", section_slug=None)
    second = make_article(title="Другая навіна", section_slug=None)
    # Two days back: the day is closed and rolled up whatever the hour of the test run.
    day = (clock.now() - clock.DAY * 2).date()
    hour_one, hour_two = record_a_day(current_buffer(), first, second, day)

    database_file = tmp_path / "worker.sqlite3"
    if connection.vendor == "sqlite":
        # The test database lives in this process's memory; the worker needs a file.
        connection.ensure_connection()
        with sqlite3.connect(database_file) as file_database:
            copy_sqlite(connection.connection, file_database)
    environment = worker_environment(buffer_kind, database_file)
    for point in KILL_POINTS:
        kill_at(environment, point)
    run_to_the_end(environment)
    if connection.vendor == "sqlite":
        with sqlite3.connect(database_file) as file_database:
            copy_sqlite(file_database, connection.connection)

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
