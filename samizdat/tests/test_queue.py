"""Work queued for the worker waits in the database until `manage.py worker` runs it."""

from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from samizdat import queue

pytestmark = pytest.mark.django_db


@task(backend=queue.BACKEND)
def note(text):
    cache.set("queued-note", text)


@task(backend=queue.BACKEND)
def flaky(attempt=0):
    """Fails twice, as a proxy that is restarting would, then succeeds."""
    cache.set("flaky-attempts", attempt + 1)
    if attempt < 2:
        queue.retry_later(flaky, attempt)
        return "retrying"
    return "done"


def test_a_queued_task_runs_in_the_worker_not_where_it_was_queued():
    note.enqueue("Прачытана")
    assert cache.get("queued-note") is None
    assert DBTaskResult.objects.ready().count() == 1

    call_command("worker", "--once")

    assert cache.get("queued-note") == "Прачытана"
    assert DBTaskResult.objects.ready().count() == 0


def test_a_task_retried_later_waits_for_its_time():
    start = timezone.now()
    flaky.enqueue()
    queue.run_queued_tasks()
    assert cache.get("flaky-attempts") == 1
    queue.run_queued_tasks()
    assert cache.get("flaky-attempts") == 1, "the retry waits for its delay"

    with time_machine.travel(start + timedelta(seconds=queue.RETRY_DELAYS[0] + 1)):
        queue.run_queued_tasks()
    assert cache.get("flaky-attempts") == 2
    with time_machine.travel(start + timedelta(seconds=sum(queue.RETRY_DELAYS[:2]) + 2)):
        queue.run_queued_tasks()
    assert cache.get("flaky-attempts") == 3
    assert DBTaskResult.objects.ready().count() == 0


def test_retries_run_out():
    assert [queue.retry_later(flaky, attempt) for attempt in range(5)] == [
        True,
        True,
        True,
        True,
        False,
    ]
    assert DBTaskResult.objects.count() == 4
