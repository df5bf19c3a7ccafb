"""Paths outside ASCII reach the reader's pages under the real app server, as `make run`
starts it (granian, WSGI), not only under Django's test client.

Granian hands a path over decoded as UTF-8 where WSGI wants it decoded as latin-1, so
Django could not read "/be/абв/" at all (an empty 500 before any view ran) and read
"/be/é/" as another path. The test client passes paths as WSGI wants and shows neither.
"""

import os
import socket
import sqlite3
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from testing import free_port
from testing.factories import make_article, section

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
NOT_FOUND = "Старонка не знойдзена"  # the reader's 404, in Belarusian
GRANIAN = ROOT / ".venv" / "bin" / "granian"


def database_url(tmp_path):
    """The test database as the server process can open it: SQLite copied to a file."""
    if connection.vendor == "sqlite":
        copy = tmp_path / "site.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(copy) as target:
            connection.connection.backup(target)
        return f"sqlite:///{copy}"
    values = connection.settings_dict
    return (
        f"postgres://{values['USER']}:{values['PASSWORD'] or ''}"
        f"@{values['HOST']}:{values['PORT']}/{values['NAME']}"
    )


@pytest.fixture
def server(site_skeleton, tmp_path):
    """A granian WSGI process serving the site on a free loopback port; yields a reader."""
    port = free_port()
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "samizdat.settings.test",
        "DATABASE_URL": database_url(tmp_path),
        "REDIS_URL": settings.REDIS_URL,
    }
    process = subprocess.Popen(  # noqa: S603 (our own command line)
        [GRANIAN, "--interface", "wsgi", "--host", "127.0.0.1", "--port", str(port)]
        + ["--workers", "1", "--no-access-log", "samizdat.wsgi:application"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    output = []
    threading.Thread(target=drain, args=(process, output), daemon=True).start()
    try:
        assert serving(port, process), "".join(output)
        yield lambda path: read(f"http://127.0.0.1:{port}{path}")
    finally:
        process.terminate()
        process.wait(timeout=30)


def drain(process, output):
    """Keep the server's log: a full pipe would stall it."""
    output.extend(process.stdout)


def serving(port, process):
    """Whether the worker accepts connections within a minute (it loads Django first)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return True
        except OSError:
            time.sleep(0.05)  # waiting for a process to listen, not for a clock
    return False


def read(url):
    """(status, body) of a GET; the first one waits for the worker to load Django."""
    try:
        with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 (loopback)
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.fixture
def pages(site_skeleton):
    """An article in a section whose editors gave it a Belarusian slug."""
    culture = section("culture")
    culture.slug = "культура"
    culture.save_revision().publish()
    return {"article": make_article(title="Навіна пра культуру", section_slug=None)}


def test_paths_outside_ascii_get_the_readers_404(pages, server):
    for path in ["/be/%D0%B0%D0%B1%D0%B2/", "/be/news/%D0%B0/", "/be/%C3%A9/", "/be/lite/%D1%8F/"]:
        status, body = server(path)
        assert status == 404, path
        assert NOT_FOUND in body, path


def test_a_page_with_a_belarusian_slug_is_served(pages, server):
    status, body = server("/be/%D0%BA%D1%83%D0%BB%D1%8C%D1%82%D1%83%D1%80%D0%B0/")
    assert status == 200
    assert ">Культура</h1>" in body


def test_a_nul_byte_in_a_lite_slug_is_not_found(pages, server):
    status, body = server("/be/lite/%00/")
    assert status == 404
    assert NOT_FOUND in body


@pytest.mark.django_db(transaction=False)
def test_a_path_a_server_passed_as_wsgi_says_is_left_alone():
    from samizdat.wsgipaths import wsgi_path

    as_wsgi = "/be/абв/".encode().decode("latin-1")
    assert wsgi_path({"PATH_INFO": as_wsgi, "SERVER_SOFTWARE": "gunicorn/23"}) == as_wsgi
    assert wsgi_path({"PATH_INFO": "/be/абв/", "SERVER_SOFTWARE": "Granian"}) == as_wsgi
    assert wsgi_path({"PATH_INFO": "/be/news/", "SERVER_SOFTWARE": "Granian"}) == "/be/news/"
