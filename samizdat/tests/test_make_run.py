"""`make run` as a newcomer runs it, on a port of their choosing: links name that port, the
editor's password stays out of the output, and whoever reaches the server is shown no
traceback or list of URL patterns, while static files and uploaded images are still served.

The install step is taken as done (make -o): the tests run in the environment it made.
"""

import os
import re
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from contextlib import suppress
from pathlib import Path

import pytest
from django.conf import settings

from testing import free_port
from testing.appserver import database_url_for_processes
from testing.factories import make_article, make_image

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
NOT_FOUND = "Старонка не знойдзена"  # the reader's 404, in Belarusian
DEBUG_PAGE_WORDS = ["Traceback", "DisallowedHost", "URLconf", "SECRET_KEY", "samizdat.urls"]


class MakeRun:
    """`make run HOST=127.0.0.1 PORT=<port>` in a process group of its own, output kept."""

    def __init__(self, tmp_path):
        self.port = free_port()
        self.credentials = tmp_path / "editor-credentials"
        environment = {
            **os.environ,
            "DATABASE_URL": database_url_for_processes(tmp_path),
            "REDIS_URL": settings.REDIS_URL,
            "MEDIA_ROOT": str(settings.MEDIA_ROOT),
            "EDITOR_CREDENTIALS_FILE": str(self.credentials),
            # Its own collected files: collectstatic rewrites some of the shared folder's
            # while other tests' app servers list it as they start.
            "STATIC_ROOT": str(tmp_path / "static"),
        }
        environment.pop("BASE_URL", None)
        environment.pop("DJANGO_SETTINGS_MODULE", None)
        self.process = subprocess.Popen(  # noqa: S603 (our own command line)
            ["make", "--no-print-directory", "-o", ".venv/.installed", "run"]  # noqa: S607
            + ["HOST=127.0.0.1", f"PORT={self.port}"],
            cwd=ROOT,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        self.lines = []
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self):
        self.lines.extend(self.process.stdout)

    @property
    def output(self):
        return "".join(self.lines)

    def wait_until_serving(self):
        """Whether granian accepts connections within three minutes (messages, static files
        and migrations come first)."""
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and self.process.poll() is None:
            if "Serving on" in self.output:
                try:
                    socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                    return True
                except OSError:
                    pass
            time.sleep(0.1)  # waiting for a process to listen, not for a clock
        return False

    def get(self, path, **headers):
        """(status, body) of a GET; the first one waits for a worker to load Django."""
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
                return response.status, response.read().decode(errors="replace")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")

    def stop(self):
        with suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        finally:
            with suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)


@pytest.fixture
def article(site_skeleton):
    return make_article(title="Сход у Полацку", image=make_image(title="Плошча"))


@pytest.fixture
def make_run(article, tmp_path):
    run = MakeRun(tmp_path)
    try:
        assert run.wait_until_serving(), run.output
        yield run
    finally:
        run.stop()


def links_name_the_port_it_serves_on(make_run, article):
    served = f"http://127.0.0.1:{make_run.port}"
    assert f"Serving on {served}/" in make_run.output
    assert f"Editor sign-in at {served}/admin/" in make_run.output

    status, page = make_run.get(article.url)
    assert status == 200
    assert f'<link rel="canonical" href="{served}{article.url}">' in page
    assert f'content="{served}{article.url}"' in page  # og:url
    assert "127.0.0.1:8000" not in page


def the_editors_password_is_not_in_the_output(make_run):
    password = make_run.credentials.read_text().splitlines()[1]
    assert password not in make_run.output
    assert f"password in {make_run.credentials}" in make_run.output


def no_one_is_shown_a_traceback_or_the_url_patterns(make_run):
    answers = {
        "unknown host": make_run.get("/be/", Host="intruder.example"),
        "reader 404": make_run.get("/be/no-such-page/"),
        "api 404": make_run.get("/api/no-such-endpoint/"),
        "static 404": make_run.get("/static/no-such-file.css"),
    }
    assert answers["unknown host"][0] == 400
    assert answers["reader 404"][0] == 404 and NOT_FOUND in answers["reader 404"][1]
    for name, (status, body) in answers.items():
        assert status in (400, 404), name
        for word in DEBUG_PAGE_WORDS:
            assert word not in body, (name, word)


def static_files_and_uploaded_images_are_still_served(make_run, article):
    _, page = make_run.get(article.url)
    stylesheets = re.findall(r'<link rel="stylesheet" href="(/static/[^"]+)"', page)
    images = re.findall(r'<img[^>]+src="(/media/[^"]+)"', page)
    assert stylesheets and images, page
    for path in stylesheets + images:
        assert make_run.get(path)[0] == 200, path


def test_make_run_on_another_port(make_run, article):
    """One `make run` for every check: starting it costs about a minute of both cores."""
    links_name_the_port_it_serves_on(make_run, article)
    the_editors_password_is_not_in_the_output(make_run)
    no_one_is_shown_a_traceback_or_the_url_patterns(make_run)
    static_files_and_uploaded_images_are_still_served(make_run, article)
