"""A real `manage.py worker --once` process for crash tests: started on the test's database,
killed (SIGKILL) where the flush pauses, and run again to the end.

readership.flush.pause_point stops the flush at a named point when READERSHIP_FLUSH_PAUSE_AT
names it; kill_at waits for its line and kills the process there.
"""

import os
import select
import signal
import sqlite3
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

from django.db import connection

from readership.flush import PAUSE_AT

ROOT = Path(__file__).resolve().parents[1]


def worker_environment(buffer_kind, database_file, **extra):
    """The worker's environment: the test's database (a file for SQLite) and buffer."""
    from django.conf import settings

    settings_dict = connection.settings_dict
    if connection.vendor == "sqlite":
        database_url = f"sqlite:///{database_file}"
    else:
        database_url = (
            f"postgres://{settings_dict['USER']}:{settings_dict['PASSWORD'] or ''}"
            f"@{settings_dict['HOST']}:{settings_dict['PORT']}/{settings_dict['NAME']}"
        )
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "samizdat.settings.test",
        "DATABASE_URL": database_url,
        "REDIS_URL": settings.REDIS_URL if buffer_kind == "redis" else "",
        **extra,
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
    """One whole worker run; returns its output."""
    worker = start_worker(environment)
    output, _ = worker.communicate(timeout=120)
    assert worker.returncode == 0, output
    assert "failed" not in output, output
    return output


def copy_sqlite(source, target):
    """The whole database, page by page (sqlite3's online backup)."""
    source.backup(target)


@contextmanager
def shared_database(tmp_path):
    """The test's database where a worker process reaches it; yields the file it uses.

    SQLite's test database lives in this process's memory: it is copied to a file for the
    worker, and the file copied back afterwards. PostgreSQL's is shared as it is.
    """
    database_file = tmp_path / "worker.sqlite3"
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(database_file) as file_database:
            copy_sqlite(connection.connection, file_database)
    yield database_file
    if connection.vendor == "sqlite":
        with sqlite3.connect(database_file) as file_database:
            copy_sqlite(file_database, connection.connection)
