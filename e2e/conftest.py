"""Browser tests: Playwright driving Debian's Chromium against a live Django server.

Where Chromium is missing they are skipped, except when E2E_REQUIRED is set (CI), where a
missing browser is an error: the pages must have been looked at by a real browser.
"""

import contextlib
import os
import shutil
import threading
import time

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
# Chromium's own background traffic would only be refused on a closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Playwright's sync API runs an event loop in this thread; the live server and the
# fixtures still talk to the database synchronously, which is safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def chromium_available():
    return os.path.exists(CHROMIUM)


@pytest.fixture(scope="session")
def browser():
    if not chromium_available():
        if os.environ.get("E2E_REQUIRED"):
            pytest.fail(f"Chromium not found at {CHROMIUM}; browser tests must run here")
        pytest.skip("Chromium is not installed; browser tests need Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def no_page_outlives_its_test(request):
    """Close every browser context a test opened, even when it failed half-way.

    An admin page left open goes on pinging the server, and a privacy test after it would
    count those requests as a reader's.
    """
    yield
    if "browser" in request.fixturenames:
        for context in request.getfixturevalue("browser").contexts:
            context.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="be-BY")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def site(site_skeleton, live_server, request):
    """A live server over committed data with the site skeleton (see site_skeleton)."""
    in_flight = watch_requests(live_server)
    yield live_server
    # The database is emptied after this; on PostgreSQL a request still running then (a
    # closing page's beacon) holds locks that deadlock the TRUNCATE. Close the test's pages
    # and let the server finish what they sent.
    if "browser" in request.fixturenames:
        for context in request.getfixturevalue("browser").contexts:
            context.close()
    in_flight.wait_until_quiet()


class InFlight:
    """How many requests the live server is answering right now."""

    def __init__(self):
        self.count = 0
        self.changed = threading.Condition()

    def __enter__(self):
        with self.changed:
            self.count += 1

    def __exit__(self, *exc):
        with self.changed:
            self.count -= 1
            self.changed.notify_all()

    def wait_until_quiet(self, quiet=0.3, longest=10):
        """Until no request has run for `quiet` seconds (or `longest` seconds have passed)."""
        deadline = time.monotonic() + longest
        with self.changed:
            while time.monotonic() < deadline:
                if self.count == 0 and not self.changed.wait(timeout=quiet):
                    return
                if self.count:
                    self.changed.wait(timeout=0.1)


def watch_requests(server):
    """Count the live server's requests; on SQLite's in-memory test database, answer one at
    a time.

    Django hands every request thread the same connection to that database; two requests
    at once (the admin's preview refreshing beside a publish) then interleave savepoints on
    it and one loses its save. Production app servers each have their own connection.
    """
    httpd = server.thread.httpd
    app = httpd.get_app()
    if hasattr(app, "in_flight"):
        return app.in_flight
    in_flight = InFlight()
    lock = threading.Lock() if server.thread.connections_override else contextlib.nullcontext()

    def answer(environ, start_response):
        with in_flight, lock:
            response = app(environ, start_response)
            try:
                return list(response)  # rendered and read while the connection is ours
            finally:
                if hasattr(response, "close"):
                    response.close()

    answer.in_flight = in_flight
    httpd.set_app(answer)
    return in_flight
