"""A tiny registry of periodic jobs that `manage.py worker` runs; each app adds its own
in a `jobs` module.

Our jobs are few, short and idempotent, so a loop in one command is enough; a task queue
would add a broker to run for no gain at this size.
"""

import logging
import time
from dataclasses import dataclass, field

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


def run_due(force=False, now=time.monotonic):
    """Run every job whose interval has passed; one failing job does not stop the others."""
    for job in list(_jobs.values()):
        current = now()
        if not force and current - job.last_run < job.interval:
            continue
        job.last_run = current
        try:
            job.func()
        except Exception:
            logger.exception("Job %s failed", job.name)


@register("queued_tasks", interval=1)
def queued_tasks():
    """Run what the site queued for the worker (samizdat.queue): purges, sending."""
    from samizdat.queue import run_queued_tasks

    run_queued_tasks()
