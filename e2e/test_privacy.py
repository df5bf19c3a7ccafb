"""A reader reads and writes in three languages and leaves no trace behind.

The browser reaches the live server through a small relay that connects from 127.0.0.2, an
address nothing else on this machine uses; the server must see that address as the reader's
(else the test proves nothing). Afterwards the database, Redis and every log line the site
wrote are searched for it, and no response may have set a cookie or sent the browser
anywhere but our own origin.
"""

import contextlib
import io
import logging
import socket
import threading
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.signals import request_started
from django.db import connection
from playwright.sync_api import expect

from comments.models import Comment, CommentPolicy
from corrections.models import TypoReport
from testing.factories import make_article, translate_article

pytestmark = pytest.mark.e2e

READER_ADDRESS = "127.0.0.2"
FORWARDED_ADDRESS = "198.51.100.231"
# Headless Chromium names itself in its agent, and robots are not counted: look like a reader.
AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)
TITLES = {"be": "Сход у Полацку", "ru": "Сход в Полоцке", "en": "Gathering in Polatsk"}
SEARCH_WORDS = {"be": "Полацку", "ru": "Полоцке", "en": "Polatsk"}
COMMENTS = {
    "be": "Чытаю з дому.\nДзякуй.",
    "ru": "Читаю из дома.\nСпасибо.",
    "en": "Reading from home.\nThank you.",
}
REMARK = "Тут памылка ў слове"
SELECT_FIRST_WORD = """(selector) => {
    const text = document.querySelector(selector).firstChild;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, text.data.indexOf(" "));
    getSelection().removeAllRanges();
    getSelection().addRange(range);
}"""
WRITE_PATHS = {
    ("POST", "/api/comments/"),
    ("POST", "/api/readership/beacon"),
    ("POST", "/api/readership/like"),
    ("POST", "/api/corrections/reports"),
}


def address_forms(address):
    """The ways an address could be written down: dotted, as a number, in hex, dashed."""
    octets = [int(part) for part in address.split(".")]
    number = int.from_bytes(bytes(octets), "big")
    return [
        address,
        str(number),
        f"{number:08x}",
        address.replace(".", "-"),
        address.replace(".", "_"),
    ]


class Relay:
    """Passes the browser's connections on to the live server from a chosen source address.

    Loopback routes pick 127.0.0.1 as the source of any 127.x connection, so the relay binds
    its outgoing sockets itself. It also keeps every byte the server sent back.
    """

    def __init__(self, target, source):
        self.target, self.source = target, source
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        self.replies = []
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                browser_side, _ = self.listener.accept()
            except OSError:
                return
            server_side = socket.create_connection(self.target, source_address=(self.source, 0))
            reply = bytearray()
            with self.lock:
                self.replies.append(reply)
            threading.Thread(
                target=self._pump, args=(browser_side, server_side), daemon=True
            ).start()
            threading.Thread(
                target=self._pump, args=(server_side, browser_side, reply), daemon=True
            ).start()

    @staticmethod
    def _pump(source, sink, keep=None):
        try:
            while data := source.recv(65536):
                if keep is not None:
                    keep.extend(data)
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                with contextlib.suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)

    def header_lines(self, name):
        """Response header lines of that name in everything the server sent."""
        marker = b"\r\n" + name.lower().encode() + b":"
        with self.lock:
            return [bytes(reply) for reply in self.replies if marker in bytes(reply).lower()]

    def close(self):
        self.listener.close()


class LogCapture(logging.Handler):
    """Every record the site's loggers would write, formatted with its extra attributes."""

    STANDARD = set(vars(logging.makeLogRecord({})))

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.stream = io.StringIO()
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))

    def emit(self, record):
        extra = {k: v for k, v in vars(record).items() if k not in self.STANDARD}
        self.stream.write(f"{self.format(record)} {extra!r}\n")

    def text(self):
        return self.stream.getvalue()


@pytest.fixture
def relay(live_server):
    target = urlsplit(live_server.url)
    relay = Relay((socket.gethostbyname(target.hostname), target.port), READER_ADDRESS)
    yield relay
    relay.close()


@pytest.fixture
def server_saw():
    """What the server saw of each request: address, forwarded-for, method and path."""
    seen = []

    def record(sender, environ, **kwargs):
        seen.append(
            (
                environ.get("REMOTE_ADDR"),
                environ.get("HTTP_X_FORWARDED_FOR"),
                environ["REQUEST_METHOD"],
                environ.get("PATH_INFO"),
            )
        )

    request_started.connect(record, weak=False, dispatch_uid="privacy-e2e")
    yield seen
    request_started.disconnect(dispatch_uid="privacy-e2e")


@pytest.fixture
def site_log():
    """A handler on the root logger and on every logger that writes without propagating.

    Levels go down to INFO for the test, so more is searched than the site ever writes.
    """
    capture = LogCapture()
    writers = [logging.getLogger()] + [
        logger
        for logger in logging.root.manager.loggerDict.values()
        if isinstance(logger, logging.Logger) and not logger.propagate and logger.handlers
    ]
    tuned = writers + [logging.getLogger("django")]
    levels = {logger: logger.level for logger in tuned}
    for logger in tuned:
        logger.setLevel(logging.INFO)
    for logger in writers:
        logger.addHandler(capture)
    yield capture
    for logger in writers:
        logger.removeHandler(capture)
    for logger, level in levels.items():
        logger.setLevel(level)


@pytest.fixture
def stories(site):
    policy = CommentPolicy.load()
    policy.min_seconds_to_submit = 0
    policy.per_minute = 20
    policy.save()
    article = make_article(title=TITLES["be"], lede="Людзі сабраліся на плошчы.")
    stories = {"be": article}
    for language in ["ru", "en"]:
        stories[language] = translate_article(article, language, TITLES[language])
    return stories


class Reader:
    """A browser context that records every request and every response header."""

    def __init__(self, browser, relay, **options):
        self.relay = relay
        self.context = browser.new_context(locale="be-BY", user_agent=AGENT, **options)
        self.requests = []
        self.cookie_headers = []
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.context.on("response", self._check_response)
        self.page = self.context.new_page()

    def _check_response(self, response):
        for header in response.headers_array():
            if header["name"].lower() == "set-cookie":
                self.cookie_headers.append((response.url, header["value"]))

    def open(self, path):
        self.page.goto(f"{self.relay.url}{path}")
        self.page.wait_for_load_state("networkidle")


def read_everything(reader, language):
    """Main page, All news, search (typed in the form) and the article."""
    page = reader.page
    reader.open(f"/{language}/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    reader.open(f"/{language}/news/")
    reader.open(f"/{language}/search/")
    page.locator("#search-q").fill(SEARCH_WORDS[language])
    page.locator("#search-q").press("Enter")
    page.wait_for_load_state("networkidle")
    expect(page.locator(".search-results a")).to_have_text([TITLES[language]])


def write_everything(reader, story, language):
    """On the article: the reading beacon, a like, a comment, a report of it, a typo report."""
    page = reader.page
    with page.expect_response(lambda r: r.url.endswith("/api/readership/beacon")) as beacon:
        reader.open(story.url)
    assert beacon.value.status == 202

    like = page.locator(".like__button")
    like.click()
    expect(like).to_have_attribute("aria-pressed", "true")

    form = page.locator("[data-comment-form]")
    form.locator("input[name=name]").fill(f"Чытач {language}")
    form.locator("textarea[name=text]").fill(COMMENTS[language])
    form.locator("button[type=submit]").click()
    expect(page.locator(".comment")).to_have_count(1)
    expect(form.locator("[data-comment-status]")).to_have_class(
        "comment-form__status success-message"
    )

    page.locator(".comment__report").click()
    report = page.locator(".report-inline")
    report.locator("input[value=spam]").check()
    report.locator("button[type=submit]").click()
    expect(page.locator(".comment .success-message")).to_be_visible()

    page.evaluate(SELECT_FIRST_WORD, ".article__headline")
    page.keyboard.press("Control+Enter")
    dialog = page.locator("#typo-dialog")
    expect(dialog).to_be_visible()
    dialog.locator("textarea[name=remark]").fill(f"{REMARK} ({language})")
    with page.expect_response(lambda r: r.url.endswith("/api/corrections/reports")) as sent:
        dialog.locator("[data-send]").click()
    assert sent.value.status == 201


def requests_seen(server_saw):
    return {(method, path) for _, _, method, path in server_saw}


def database_text():
    """Every row of every table of the test database, as text."""
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        return "\n".join(connection.connection.iterdump())
    rows = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            # Table names come from the database itself, quoted.
            name = connection.ops.quote_name(table)
            cursor.execute(f"SELECT CAST(t AS text) FROM {name} AS t")  # noqa: S608
            rows.extend(row[0] for row in cursor.fetchall())
    return "\n".join(rows)


def redis_text():
    """Every key and value in the Redis database the cache uses (empty without Redis)."""
    if not settings.REDIS_URL:
        return ""
    from django_redis import get_redis_connection

    redis = get_redis_connection("default")
    readers = {
        b"string": redis.get,
        b"hash": redis.hgetall,
        b"set": redis.smembers,
        b"zset": lambda key: redis.zrange(key, 0, -1, withscores=True),
        b"list": lambda key: redis.lrange(key, 0, -1),
    }
    parts = []
    for key in redis.scan_iter():
        parts.append(repr(key))
        parts.append(repr(readers[redis.type(key)](key)))
    return "\n".join(parts)


def assert_no_trace(address, readers, site_log):
    """No cookie, no foreign request, and the address nowhere the site keeps anything."""
    for reader in readers:
        assert reader.context.cookies() == []
        assert reader.cookie_headers == []
        assert reader.requests
        foreign = [url for url in reader.requests if not url.startswith(reader.relay.url + "/")]
        assert foreign == []
    assert readers[0].relay.header_lines("set-cookie") == []

    stored = database_text()
    assert REMARK in stored and "Чытаю з дому." in stored  # the dump holds what readers wrote
    kept_in_redis = redis_text()
    if settings.REDIS_URL:
        assert "samizdat:readership:" in kept_in_redis
    log = site_log.text()
    assert "Not Found: /be/no-such-page/" in log  # the capture does see what the site logs
    for form in address_forms(address):
        assert form not in stored, f"{form} is in the database"
        assert form not in kept_in_redis, f"{form} is in Redis"
        assert form not in log, f"{form} is in the logs"


def test_reader_leaves_no_address_cookie_or_foreign_request(
    browser, site, stories, relay, server_saw, site_log
):
    reader = Reader(browser, relay)
    for language in ["be", "ru", "en"]:
        read_everything(reader, language)
        write_everything(reader, stories[language], language)
    reader.open("/be/no-such-page/")

    # Comments also post without JavaScript, as a plain form.
    plain = Reader(browser, relay, java_script_enabled=False)
    plain.open(stories["be"].url)
    plain.page.locator("[data-comment-form] textarea[name=text]").fill("Без скрыптоў")
    plain.page.locator("[data-comment-form] button[type=submit]").click()
    expect(plain.page.locator(".success-message")).to_be_visible()

    assert Comment.objects.count() == 4
    assert TypoReport.objects.count() == 3
    assert {seen[0] for seen in server_saw} == {READER_ADDRESS}
    assert WRITE_PATHS.issubset(requests_seen(server_saw))
    assert ("POST", f"/be/comments/{stories['be'].pk}/post/") in requests_seen(server_saw)
    assert_no_trace(READER_ADDRESS, [reader, plain], site_log)
    reader.context.close()
    plain.context.close()


def test_address_from_a_trusted_proxy_leaves_no_trace_either(
    browser, site, stories, relay, server_saw, site_log, settings
):
    settings.TRUSTED_PROXY_HOPS = 1
    reader = Reader(browser, relay, extra_http_headers={"X-Forwarded-For": FORWARDED_ADDRESS})
    write_everything(reader, stories["be"], "be")
    reader.open("/be/no-such-page/")

    # Chromium sends the beacon of a page being closed without the context's extra headers
    # (a real proxy adds its header to every request); it came through the relay all the same.
    closing = {seen for seen in server_saw if seen[2:] == ("POST", "/api/readership/leave")}
    assert {(seen[0], seen[1]) for seen in set(server_saw) - closing} == {
        (READER_ADDRESS, FORWARDED_ADDRESS)
    }
    assert {seen[0] for seen in closing} <= {READER_ADDRESS}
    assert WRITE_PATHS.issubset(requests_seen(server_saw))
    assert TypoReport.objects.count() == 1
    assert_no_trace(FORWARDED_ADDRESS, [reader], site_log)
    assert_no_trace(READER_ADDRESS, [reader], site_log)
    reader.context.close()
