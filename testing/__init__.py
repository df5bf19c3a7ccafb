"""Test support shared by every app: rebuilding what a test emptied, a Redis of our own.

Builders and helpers that several apps' tests use live beside it: factories (articles,
images, authors, members of a group), comments (posting as a reader), readership (beacons
and likes), live (live blogs and entries), appserver (real app-server processes).
"""

import os
import shutil
import socket
import sqlite3
import subprocess
import time
from contextlib import contextmanager

# The test client's own origin: what a browser sends with a write from our pages.
ORIGIN = "http://testserver"


def forget_cached_state():
    """Empty the cache and what this process keeps of it (the day's salt, the generation), so
    the next request starts from nothing, as the first request after a restart would."""
    from django.core.cache import cache

    from privacy.clients import forget_cached_salt
    from samizdat.caching import forget_generation
    from samizdat.rediscache import forget_failures

    forget_failures()
    cache.clear()
    forget_cached_salt()
    forget_generation()


def restore_skeleton():
    """What the migrations made (root page, collection, groups) and the newsroom skeleton."""
    from .skeleton import put_back

    homes = put_back(build_skeleton)
    rerun_data_migrations()
    return homes


def build_skeleton():
    """The root page, root collection and default locale, then the newsroom's editions."""
    from django.conf import settings
    from wagtail.models import Collection, Locale, Page

    from newsroom.structure import ensure_site_structure

    locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    return ensure_site_structure("Samizdat")


PROJECT_APPS = {"newsroom", "privacy", "comments", "corrections", "readership"}


def rerun_data_migrations():
    """Our data migrations (groups and their rights) again; each is safe to repeat."""
    from django.apps import apps
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.operations.special import RunPython

    loader = MigrationLoader(None, ignore_no_migrations=True)
    plan = []
    for leaf in loader.graph.leaf_nodes():
        plan += [node for node in loader.graph.forwards_plan(leaf) if node not in plan]
    for app_label, name in plan:
        if app_label in PROJECT_APPS and apps.is_installed(app_label):
            migration = loader.graph.nodes[(app_label, name)]
            for operation in migration.operations:
                if isinstance(operation, RunPython):
                    operation.code(apps, None)


REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


def free_port():
    """A loopback port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RedisServer:
    """A throwaway redis-server on a spare loopback port, without persistence."""

    def __init__(self, tmp):
        self.port = free_port()
        self.tmp = tmp
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603 (our own command line)
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no", "--dir", str(self.tmp)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.02)  # waiting for a process to listen, not for a clock
        else:
            raise RuntimeError("redis-server did not start")
        from samizdat.rediscache import forget_failures

        # It answers now: no need to wait out the breaker's retry delay, as a site would.
        forget_failures()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=5)


def use_redis(settings, url, **options):
    """Point Django's cache (and so the page cache, limits, buffers) at a Redis server."""
    settings.REDIS_URL = url
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "samizdat",
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
                "CONNECTION_FACTORY": "samizdat.rediscache.GuardedConnectionFactory",
                **options,
            },
        }
    }


@contextmanager
def database_locked():
    """Another connection holds the page tables, and ours gives up at once, as a busy or
    locked database makes it do (OperationalError).

    SQLite (the test database shares one in-memory cache): a table another connection is
    writing is locked for ours, with no busy wait. PostgreSQL: an exclusive table lock and a
    short lock_timeout on our connection. Needs committed data (transactional tests).
    """
    from django.db import connection

    sqlite = connection.vendor == "sqlite"
    if sqlite:
        other = sqlite3.connect(connection.settings_dict["NAME"], uri=True)
        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE wagtailcore_page SET title = title WHERE 0")
    else:
        other = postgres_connection()
        other.execute("LOCK TABLE wagtailcore_page IN ACCESS EXCLUSIVE MODE")
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = '100ms'")
    try:
        yield
    finally:
        other.rollback()
        other.close()
        if not sqlite:
            with connection.cursor() as cursor:
                cursor.execute("RESET lock_timeout")


def postgres_connection():
    """A second connection to the test database, outside Django."""
    import psycopg
    from django.db import connection

    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    return psycopg.connect(**params)


@contextmanager
def database_unreachable():
    """Nothing listens where the database should be: every new connection is refused."""
    from django.db import connection

    saved = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = free_port()
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict["PORT"] = saved


class RecordingApp:
    """Stands for Django's WSGI handler: records what HitsFirst passed on."""

    def __init__(self):
        self.passed = []

    def __call__(self, environ, start_response):
        self.passed.append(environ["PATH_INFO"])
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"rendered by Django"]


def through(application, path, method="GET", **headers):
    """Call a WSGI application as an app server would; returns (status, headers, body)."""
    from django.test import RequestFactory

    request = getattr(RequestFactory(), method.lower())(path, headers=headers)
    answer = {}

    def start_response(status, response_headers, exc_info=None):
        answer.update(status=status, headers=response_headers)

    body = b"".join(application(request.environ, start_response))
    return answer["status"], answer["headers"], body


def header_set(headers):
    return {(name.lower(), value) for name, value in headers}


def missing(why):
    """Skip a test whose server is not installed; in CI (E2E_REQUIRED) fail it instead, so
    an outage test can never pass there by not running."""
    import pytest

    if os.environ.get("E2E_REQUIRED"):
        pytest.fail(why)
    pytest.skip(why)
