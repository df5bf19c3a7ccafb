"""A tiny registry of periodic jobs that `manage.py worker` runs; each app adds its own
in a `jobs` module.

Our jobs are few, short and idempotent, so a loop in one command is enough; a task queue
would add a broker to run for no gain at this size.
"""

import logging
import multiprocessing
import signal
import time
from dataclasses import dataclass, field

from samizdat import forking

logger = logging.getLogger(__name__)


@dataclass
class Job:
    name: str
    func: callable
    interval: float
    last_run: float = field(default=0.0)


_jobs: dict[str, Job] = {}


def register(name, interval):
    """Decorator: run the function every `interval` seconds in the worker."""

    def wrap(func):
        _jobs[name] = Job(name, func, interval)
        return func

    return wrap


def names():
    return sorted(_jobs)


def find(name):
    """The registered job of that name (KeyError if no app registered it)."""
    return _jobs[name]


def run_due(force=False, now=time.monotonic, start_apart=True):
    """Run every job whose interval has passed; one failing job does not stop the others.
    With `start_apart` False (the worker is stopping) no job starts a process apart."""
    _state["start_apart"] = start_apart
    for job in list(_jobs.values()):
        current = now()
        if not force and current - job.last_run < job.interval:
            continue
        job.last_run = current
        try:
            job.func()
        except Exception:
            logger.exception("Job %s failed", job.name)


# Runs apart still going, by job name; whether the worker may start more.
_apart: dict[str, multiprocessing.Process] = {}
_state = {"start_apart": True}


def apart(name, func, *args, **kwargs):
    """Run func(*args, **kwargs) for the job `name` in a forked process and return at once.

    For jobs of minutes (a static export of a whole archive): purges, publishing and buffer
    flushes go on in the worker meanwhile. While the last run of `name` is still going no
    other starts; False says so. Where a fork cannot see this process's data (an in-memory
    test database, an open transaction) func runs here and now."""
    if not ended(name) or not _state["start_apart"]:
        return False
    if not forking.can_fork():
        func(*args, **kwargs)
        return True
    forking.let_go_of_database()
    context = multiprocessing.get_context("fork")
    process = context.Process(target=run_apart, args=(name, func, args, kwargs), name=name)
    process.start()
    _apart[name] = process
    return True


def run_apart(name, func, args, kwargs):
    # The worker's signal handlers only set a flag its loop reads; this process has no loop,
    # and stopping the service must stop it too.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    try:
        func(*args, **kwargs)
    except Exception:
        logger.exception("Job %s failed", name)
        raise SystemExit(1) from None
    finally:
        forking.let_go_of_database()


def ended(name):
    """Whether the last run apart of `name` is over (saying how it ended), or there is none."""
    process = _apart.get(name)
    if process is None:
        return True
    if process.is_alive():
        return False
    if process.exitcode:
        logger.error("Job %s failed (exit code %s)", name, process.exitcode)
    del _apart[name]
    return True


def wait_apart():
    """Wait for every run apart to end (`worker --once`)."""
    for name, process in list(_apart.items()):
        process.join()
        ended(name)


@register("queued_tasks", interval=1)
def queued_tasks():
    """Run what the site queued for the worker (samizdat.queue): purges, sending."""
    from samizdat.queue import run_queued_tasks

    run_queued_tasks()
