"""The production front as real parts: Debian's nginx with deploy/nginx in front of two
granian pools (readers and writers), sharing a Redis and the test's database."""

import json
import os
import shutil
import subprocess
import sys
import uuid
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
import requests
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from comments.pipeline import form_token
from testing import free_port, missing
from testing import front as nginx
from testing.appserver import AppServer, database_url_for_processes
from testing.factories import make_article

pytestmark = pytest.mark.django_db(transaction=True)

# A reader's address as nginx takes it from the load balancer in front (documentation range).
READER_ADDRESS = "203.0.113.77"


class Front:
    """nginx and the two pools, and what the test needs to reach them."""

    def __init__(self, folder, environment):
        self.folder = folder
        self.readers = AppServer(folder / "readers", dict(environment), workers=1, threads=4)
        self.writers = AppServer(folder / "writers", dict(environment), workers=1, threads=4)
        self.port = environment["FRONT_PORT"]
        self.purge_port = environment["PURGE_PORT"]
        self.nginx = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def get(self, path, **headers):
        return requests.get(self.url + path, headers=headers, timeout=10, allow_redirects=False)

    def post_json(self, path, body):
        return requests.post(
            self.url + path,
            data=json.dumps(body),
            headers={"Content-Type": "application/json", "Origin": self.url},
            timeout=10,
        )

    def start(self, http="", **limits):
        """Start everything with what the test has committed so far (http: added to nginx's
        http block)."""
        database = {"DATABASE_URL": database_url_for_processes(self.folder)}
        for pool in (self.readers, self.writers):
            pool.environment |= database
            pool.tmp.mkdir(exist_ok=True)
        self.readers.start()
        self.writers.start()
        nginx.configure(
            self.folder,
            in_process,
            port=self.port,
            purge_port=self.purge_port,
            readers=f"127.0.0.1:{self.readers.port}",
            writers=f"127.0.0.1:{self.writers.port}",
            **limits,
        )
        self.nginx = nginx.start(self.folder, self.port, http=http)
        return self

    def run_worker(self):
        """`manage.py worker --once` with the pools' settings: it sends the queued purges."""
        subprocess.run(  # noqa: S603 (our own command line)
            [sys.executable, "manage.py", "worker", "--once"],
            cwd=settings.BASE_DIR,
            env={**os.environ, **self.writers.environment},
            check=True,
            capture_output=True,
            timeout=120,
        )

    def stop(self):
        nginx.stop(self.nginx)
        self.readers.stop()
        self.writers.stop()


def in_process(name, *args, **options):
    """A management command run in this process; what it printed."""
    printed = StringIO()
    call_command(name, *args, stdout=printed, **options)
    return printed.getvalue()


@pytest.fixture
def article(site_skeleton):
    return make_article(title="Навіна пад кэшам", lede="Першы абзац навіны.")


@pytest.fixture
def front(article, tmp_path, redis_server, settings):
    if not nginx.installed():
        missing("nginx and libnginx-mod-http-cache-purge are not installed")
    stylesheet = Path(settings.BASE_DIR, "frontend", "static", "frontend", "site.css")
    (tmp_path / "static" / "frontend").mkdir(parents=True)
    shutil.copy(stylesheet, tmp_path / "static" / "frontend" / "site.css")
    (tmp_path / "media").mkdir()
    port, purge_port = free_port(), free_port()
    environment = {
        "DJANGO_SETTINGS_MODULE": "samizdat.settings.test",
        # A Redis database of this test's own: the pools share the page cache and limits.
        "REDIS_URL": redis_server.url.rsplit("/", 1)[0] + f"/{uuid.uuid4().int % 15 + 1}",
        "BASE_URL": f"http://127.0.0.1:{port}",
        "FRONTEND_CACHE_PURGE_URL": f"http://127.0.0.1:{purge_port}",
        "TRUST_X_FORWARDED_FOR": "true",
        "FRONT_PORT": str(port),
        "PURGE_PORT": str(purge_port),
    }
    server = Front(tmp_path, environment)
    yield server
    server.stop()


def comment_body(article, text):
    return {
        "article": article.pk,
        "name": "Чытач за проксі",
        "text": text,
        "website": "",
        "token": form_token(article, now=timezone.now() - timedelta(seconds=60)),
    }


def test_nginx_keeps_pages_for_readers_and_a_new_comment_purges_them(
    front, article, django_user_model
):
    django_user_model.objects.create_superuser("redaktar", "r@example.org", "a long password 1")
    front.start()
    path = article.url
    first, second = front.get(path), front.get(path)
    assert first.status_code == second.status_code == 200
    assert (first.headers["X-Front-Cache"], second.headers["X-Front-Cache"]) == ("MISS", "HIT")
    assert second.content == first.content
    assert "Set-Cookie" not in second.headers

    posted = front.post_json("/api/comments/", comment_body(article, "Нарэшце нешта праўдзівае"))
    assert posted.status_code in (200, 201), posted.text
    assert front.get(path).headers["X-Front-Cache"] == "HIT", "purges wait for the worker"
    front.run_worker()
    after = front.get(path)
    assert after.headers["X-Front-Cache"] == "MISS"
    assert "Нарэшце нешта праўдзівае" in after.text

    # A signed-in editor reads the same page; nothing of theirs is kept for readers.
    editor = requests.Session()
    sign_in = editor.get(front.url + "/admin/login/", timeout=10)
    assert sign_in.headers.get("X-Front-Cache") is None  # the admin is never kept
    token = editor.cookies["csrftoken"]
    signed_in = editor.post(
        front.url + "/admin/login/",
        data={
            "username": "redaktar",
            "password": "a long password 1",
            "csrfmiddlewaretoken": token,
        },
        headers={"Referer": front.url + "/admin/login/", "Origin": front.url},
        timeout=10,
    )
    assert "sessionid" in editor.cookies, signed_in.text[-3000:]
    seen_by_editor = editor.get(front.url + article.url, timeout=10)
    assert seen_by_editor.status_code == 200

    reader = front.get(article.url)
    assert "redaktar" not in reader.text
    assert "userbar" not in reader.text
    assert "Set-Cookie" not in reader.headers


def test_writes_reach_the_writers_pool_while_the_readers_are_down(front, article):
    front.start(http=nginx.MANY_ADDRESSES)
    assert front.get(article.url).status_code == 200
    front.readers.stop()

    cached = front.get(article.url)
    assert cached.status_code == 200 and cached.headers["X-Front-Cache"] == "HIT"
    posted = front.post_json("/api/comments/", comment_body(article, "Пішу, калі чытачы спяць"))
    assert posted.status_code in (200, 201), posted.text

    # Nothing can render a page nginx has not kept: our "site is busy" page, in English.
    busy = front.get("/en/news/", **{"X-Forwarded-For": READER_ADDRESS})
    assert busy.status_code == 503
    assert "The site is busy right now" in busy.text
    assert busy.headers["Retry-After"] == "5"
    # nginx could not reach the readers' pool, and wrote nothing that names the reader.
    logs = [path for path in front.folder.rglob("*.log") if path.stat().st_size]
    assert not [path for path in logs if READER_ADDRESS in path.read_text()], logs


def test_search_and_writes_are_limited_per_address_with_our_pages(front, article):
    front.start(search_rate="1r/m", search_burst="2", write_rate="1r/m", write_burst="2")
    answers = [front.get("/ru/search/?q=навіна").status_code for _ in range(5)]
    assert answers[:3] == [200, 200, 200] and answers[3:] == [429, 429]
    refused = front.get("/ru/search/?q=навіна")
    assert "Слишком много запросов" in refused.text and refused.headers["Retry-After"] == "5"

    statuses = [front.post_json("/api/nowhere/", {}).status_code for _ in range(5)]
    assert 429 not in statuses[:3] and statuses[3:] == [429, 429]
    answer = front.post_json("/api/nowhere/", {})
    assert answer.json()["code"] == "too_often"


def test_a_forwarded_for_header_from_the_client_does_not_make_a_new_reader(front, article):
    """nginx replaces X-Forwarded-For with the address it saw; the app's search limit holds."""
    # The app counts in fixed one-minute windows, so requests that straddle a window's end
    # are split between two counts: 2 × 5 + 1 searches put six in one window however they
    # fall. (Thirty against the default 20 a minute could fall 15 and 15.)
    for pool in (front.readers, front.writers):
        pool.environment["SEARCH_RATE"] = "5/m"
    front.start(search_rate="600r/m", search_burst="100")
    statuses = [
        front.get(f"/be/search/?q=слова{n}", **{"X-Forwarded-For": f"198.51.100.{n}"}).status_code
        for n in range(11)
    ]
    assert 429 in statuses
    assert statuses.count(200) <= 10


def test_search_from_many_addresses_meets_a_site_wide_bound_while_pages_are_served(front, article):
    """Per-address limits cannot stop a flood from many addresses: search, by any method,
    and reader's GETs with a query reach the app servers only so often site-wide; the rest
    get our translated page, and the article nginx keeps is still served."""
    bound = {"search_site_rate": "1r/m", "search_site_burst": "0"}
    queries = {"query_site_rate": "1r/m", "query_site_burst": "0"}
    # Each request names another reader, as nginx behind a load balancer would see them.
    front.start(http=nginx.MANY_ADDRESSES, **bound, **queries)
    assert front.get(article.url).status_code == 200

    def reader(n):
        return {"X-Forwarded-For": f"203.0.113.{n}"}

    assert front.get("/ru/search/?q=навіна", **reader(1)).status_code == 200
    refused = front.get("/ru/search/?q=суд", **reader(2))
    assert refused.status_code == 429
    assert "Слишком много запросов" in refused.text and refused.headers["Retry-After"] == "5"
    posted = requests.post(front.url + "/be/search/?q=суд", headers=reader(3), timeout=10)
    assert posted.status_code == 429

    kept = front.get(article.url, **reader(4))
    assert kept.status_code == 200 and kept.headers["X-Front-Cache"] == "HIT"

    # Any other page asked with a query (a new one each time misses the cache) too, but not
    # the live blog poll every open page sends.
    assert front.get(article.url + "?page=2", **reader(5)).status_code == 200
    paged = front.get("/en/news/?page=900", **reader(6))
    assert paged.status_code == 429 and "Too many requests" in paged.text
    assert front.get(article.url + "?after=latest", **reader(7)).status_code == 200


def test_what_misses_the_cache_meets_a_site_wide_bound_before_the_app_servers(front, article):
    """A made-up path is new to nginx's cache each time: whatever nginx has not kept reaches
    the readers' pool only so often site-wide, the rest gets our "busy" page, and the pages
    nginx keeps are still served."""
    front.start(http=nginx.MANY_ADDRESSES, miss_site_rate="1r/m", miss_site_burst="0")
    assert front.get(article.url).headers["X-Front-Cache"] == "MISS"  # the one pass a minute
    busy = front.get("/en/no-such-page-7f3a/", **{"X-Forwarded-For": "203.0.113.9"})
    assert busy.status_code == 503
    assert "The site is busy right now" in busy.text and busy.headers["Retry-After"] == "5"
    kept = front.get(article.url, **{"X-Forwarded-For": "203.0.113.10"})
    assert kept.status_code == 200 and kept.headers["X-Front-Cache"] == "HIT"
