"""Work queued for `manage.py worker`: purges and sending, off the readers' request path.

Tasks are Django's (the django-tasks backport) on the "worker" backend, which keeps them in
the database (django-tasks-db), so a queued task outlives a restart of any process. Our
worker runs them in its loop, next to the periodic jobs, instead of a second command.
"""

from datetime import timedelta

from django.db.utils import OperationalError
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

BACKEND = "worker"
# Seconds to wait before each retry of a task that failed for a passing reason.
RETRY_DELAYS = (5, 30, 120, 600)


def run_queued_tasks(worker_id="samizdat-worker"):
    """Run every task that is due now, then return (the job calls it again each tick).

    The package's own loop closes "old" connections as it goes, which inside a transaction
    (a test's, or a job's) would close the connection under it; our worker's loop already
    looks after its connections, so this claims and runs tasks one by one itself.
    """
    runner = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name=BACKEND,
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
    )
    while (claimed := claim_next(worker_id)) is not None:
        runner.run_task(claimed)


def claim_next(worker_id):
    """The next due task, claimed so no other worker runs it; None when none is due."""
    due = DBTaskResult.objects.ready().filter(backend_name=BACKEND)
    try:
        with exclusive_transaction(due.db):
            task_result = due.get_locked()
            if task_result is not None:
                task_result.claim(worker_id)
            return task_result
    except OperationalError as error:
        if is_locked_database_exception(error):
            return None  # another worker holds the queue: next tick
        raise


def retry_later(task, attempt, *args):
    """Queue `task` again with attempt + 1 after a growing delay; False once retries run out."""
    if attempt >= len(RETRY_DELAYS):
        return False
    run_after = timezone.now() + timedelta(seconds=RETRY_DELAYS[attempt])
    task.using(run_after=run_after).enqueue(*args, attempt=attempt + 1)
    return True
