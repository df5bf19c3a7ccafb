"""Database connections stay bounded under readers: a hit holds none, requests share a pool.

Hits are answered before Django (HitsFirst) and so never send request_finished, the signal
on which Django gives a connection back. Left alone, every app-server thread that once
rendered a page kept its connection for as long as it then served hits.
"""

import secrets
import threading
import urllib.error
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.test import Client

from samizdat.pagecache import HitsFirst
from testing import RecordingApp, postgres_connection, through
from testing.appserver import AppServer, database_url
from testing.factories import make_article

WORKERS = 2
POOL_SIZE = 3
BOUND = WORKERS * POOL_SIZE  # connections the app server may hold, whatever its threads


@pytest.fixture
def postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL connections (run with DATABASE_URL=postgres://...)")


def test_a_hit_gives_back_the_connection_its_thread_held(postgresql, site_skeleton):
    article = make_article(title="Кэш без злучэння")
    Client().get(article.url)  # stores the page
    connection.ensure_connection()  # as a thread that rendered a page before

    status, _, _ = through(HitsFirst(RecordingApp()), article.url)

    assert status == "200 OK"
    assert connection.connection is None


@pytest.fixture
def limited_role(postgresql, site_skeleton):
    """A PostgreSQL role allowed BOUND connections at most, with rights on the test tables."""
    role = f"sz_pool_{secrets.token_hex(4)}"
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE ROLE {role} LOGIN CONNECTION LIMIT {BOUND}")
        cursor.execute(f'GRANT CONNECT ON DATABASE "{connection.settings_dict["NAME"]}" TO {role}')
        cursor.execute(f"GRANT USAGE ON SCHEMA public TO {role}")
        cursor.execute(f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {role}")
        cursor.execute(f"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {role}")
    yield role
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s", [role]
        )
        cursor.execute(f"DROP OWNED BY {role}")
        cursor.execute(f"DROP ROLE {role}")


class ConnectionCounter(threading.Thread):
    """Counts the role's connections in pg_stat_activity until stopped; keeps the highest."""

    def __init__(self, role):
        super().__init__(daemon=True)
        self.role = role
        self.highest = 0
        self.done = threading.Event()

    def run(self):
        observer = postgres_connection()
        observer.autocommit = True  # statistics are a snapshot per transaction
        while not self.done.is_set():
            (count,) = observer.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE usename = %s", [self.role]
            ).fetchone()
            self.highest = max(self.highest, count)
            self.done.wait(0.01)  # a sampling interval, not a wait for a result
        observer.close()


def status_of(url):
    try:
        with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 (loopback)
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


READERS = 50


def readers(article):
    """Mostly hits (two cached pages), one miss in four (list pages, each read once)."""
    paths = []
    for number in range(READERS):
        paths += [article.url, "/be/", article.url]
        paths.append(f"/be/politics/?page={number}" if number % 2 else f"/be/news/?page={number}")
    return paths


def test_hits_and_misses_stay_within_the_pool_of_each_worker(limited_role, redis_to_stop, tmp_path):
    article = make_article(title="Чытачы і злучэнні")
    server = AppServer(
        tmp_path,
        {
            "DATABASE_URL": database_url(connection.settings_dict, limited_role),
            "REDIS_URL": redis_to_stop.url,
            "DB_POOL_SIZE": str(POOL_SIZE),
            # One address asks for every page, and on a loaded machine many of its first
            # requests miss at once: the render bound per address is the shield's test.
            "PAGE_RENDER_RATE": "100000/m",
        },
        workers=WORKERS,
        threads=16,  # far more threads than connections
    )
    server.start()
    counter = ConnectionCounter(limited_role)
    counter.start()
    try:
        with ThreadPoolExecutor(24) as clients:
            statuses = Counter(clients.map(status_of, [server.base + p for p in readers(article)]))
        # Then only hits, on threads that rendered pages before.
        with ThreadPoolExecutor(24) as clients:
            statuses += Counter(clients.map(status_of, [server.base + article.url] * 200))
    finally:
        counter.done.set()
        counter.join()
        server.stop()

    assert statuses == Counter({200: 4 * READERS + 200}), server.log.read_text()[-3000:]
    assert 0 < counter.highest <= BOUND
    assert "too many connections" not in server.log.read_text()
