"""Real granian workers serving the test database, for tests of what crosses processes.

The workers run the production settings (connection pool, Redis cache), with plain static
files so no collectstatic is needed, against the test run's committed data.
"""

import contextlib
import os
import secrets
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from testing import free_port

GRANIAN = Path(sys.executable).parent / "granian"
PROJECT = Path(__file__).resolve().parents[1]
SETTINGS = """from samizdat.settings.production import *  # noqa: F403

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
"""


def database_url(settings_dict, user=None):
    """postgres:// URL of Django's current database (the test one), optionally as `user`."""
    user = user or settings_dict["USER"] or "postgres"
    host = settings_dict["HOST"] or "127.0.0.1"
    port = settings_dict["PORT"] or 5432
    return f"postgres://{user}@{host}:{port}/{settings_dict['NAME']}"


class AppServer:
    """granian --interface wsgi with `workers` processes of `threads` threads each."""

    def __init__(self, tmp, environment, workers=2, threads=16):
        self.tmp = Path(tmp)
        self.port = free_port()
        self.environment = environment
        self.workers = workers
        self.threads = threads
        self.process = None
        self.log = self.tmp / "granian.log"

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        (self.tmp / "appserver_settings.py").write_text(SETTINGS)
        environment = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(self.tmp), str(PROJECT)]),
            "DJANGO_SETTINGS_MODULE": "appserver_settings",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "NEWSLETTER_KEY": secrets.token_urlsafe(32),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            # Without REDIS_URL, a cache of this server's own, not the checkout's cache/.
            "CACHE_DIR": str(self.tmp / "cache"),
            **self.environment,
        }
        command = [str(GRANIAN), "--interface", "wsgi", "--host", "127.0.0.1"]
        command += ["--port", str(self.port), "--workers", str(self.workers)]
        command += ["--blocking-threads", str(self.threads), "--no-access-log"]
        command += ["--log-level", "warning", "samizdat.wsgi:application"]
        with self.log.open("wb") as log:
            # A session of its own, so stop() can end the workers with it: a worker that
            # outlived a killed granian kept running after the suite, holding connections.
            self.process = subprocess.Popen(  # noqa: S603 (our own command line)
                command,
                cwd=PROJECT,
                env=environment,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"granian exited: {self.log.read_text()[-2000:]}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)  # waiting for a process to listen, not for a clock
        raise RuntimeError("granian did not start")

    def stop(self):
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        # Whatever of its session is left (workers of a granian that was killed).
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)


def database_url_for_processes(folder):
    """A DATABASE_URL other processes can open holding what this test committed.

    PostgreSQL: the test database itself. SQLite: the test database lives in this process's
    memory, so it is copied into a file in `folder` with SQLite's backup API.
    """
    from django.db import connection

    if connection.vendor == "postgresql":
        return database_url(connection.settings_dict)
    connection.ensure_connection()
    path = folder / "site.sqlite3"
    copy = sqlite3.connect(path)
    with copy:
        connection.connection.backup(copy)
    copy.close()
    return f"sqlite:///{path}"
