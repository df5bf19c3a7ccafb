"""Browser tests: Playwright driving Debian's Chromium against a live Django server.

Where Chromium is missing they are skipped, except when E2E_REQUIRED is set (CI), where a
missing browser is an error: the pages must have been looked at by a real browser.
"""

import os
import shutil
import threading

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
def site(site_skeleton, live_server):
    """A live server over committed data with the site skeleton (see site_skeleton)."""
    one_request_at_a_time(live_server)
    return live_server


def one_request_at_a_time(server):
    """On SQLite's in-memory test database, the live server answers one request at a time.

    Django hands every request thread the same connection to that database; two requests
    at once (the admin's preview refreshing beside a publish) then interleave savepoints on
    it and one loses its save. Production app servers each have their own connection.
    """
    httpd = server.thread.httpd
    app = httpd.get_app()
    if not server.thread.connections_override or getattr(app, "one_at_a_time", False):
        return
    lock = threading.Lock()

    def answer(environ, start_response):
        with lock:
            response = app(environ, start_response)
            try:
                return list(response)  # rendered and read while the connection is ours
            finally:
                if hasattr(response, "close"):
                    response.close()

    answer.one_at_a_time = True
    httpd.set_app(answer)
