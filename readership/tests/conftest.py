"""Fixtures for readership tests: articles, a Redis server of our own, both buffers."""

import json
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

from samizdat.testing import restore_skeleton

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"
READER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36"


@pytest.fixture
def skeleton_rebuilt_after(django_db_blocker):
    """For a test with committed data (threads need it): the skeleton is put back afterwards.

    Request it before transactional_db, which empties every table when it is torn down; the
    tests after this one expect the skeleton that the session built.
    """
    with django_db_blocker.unblock():
        restore_skeleton()
    yield
    with django_db_blocker.unblock():
        restore_skeleton()


def free_port():
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
        self.process = subprocess.Popen(
            [
                REDIS_SERVER,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.tmp),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.02)  # waiting for a process to listen, not for a clock
        raise RuntimeError("redis-server did not start")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=5)


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory):
    if not Path(REDIS_SERVER).exists():
        pytest.skip("redis-server is not installed")
    server = RedisServer(tmp_path_factory.mktemp("redis"))
    server.start()
    yield server
    server.stop()


def use_redis(settings, url, **options):
    settings.REDIS_URL = url
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "samizdat",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1, **options},
        }
    }


@pytest.fixture(params=["database", "redis"])
def buffer_kind(request, settings):
    """Run a test once with each buffer: the database's tables, then Redis."""
    if request.param == "redis":
        server = request.getfixturevalue("redis_server")
        use_redis(settings, server.url)
        from django_redis import get_redis_connection

        get_redis_connection("default").flushdb()
        yield "redis"
        get_redis_connection("default").flushdb()
    else:
        settings.REDIS_URL = ""
        yield "database"


def beacon(client, article, kind="view", ip="203.0.113.7", agent=READER_AGENT, **extra):
    return client.post(
        "/api/readership/beacon",
        data=json.dumps({"article": getattr(article, "pk", article), "kind": kind}),
        content_type="text/plain;charset=UTF-8",
        REMOTE_ADDR=ip,
        HTTP_USER_AGENT=agent,
        **extra,
    )


def like(client, article, liked=True, ip="203.0.113.7", agent=READER_AGENT, **extra):
    return client.post(
        "/api/readership/like",
        data=json.dumps({"article": getattr(article, "pk", article), "liked": liked}),
        content_type="text/plain;charset=UTF-8",
        REMOTE_ADDR=ip,
        HTTP_USER_AGENT=agent,
        **extra,
    )
