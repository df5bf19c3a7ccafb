"""One site, several processes: what one process changes, every other one serves.

Run as `make run` runs the site: two granian app servers (one process each, so a request
can be sent to a chosen process) on the dev settings and `manage.py worker`, on a
temporary SQLite file with the default shared cache, and on PostgreSQL with Redis when
the suite runs there. Readers keep asking both app servers while a moderator hides a
comment in the desk and while the worker publishes a scheduled translation; after the
action plus the bound on what a process keeps in memory (docs/caching.md), no answer may
show the old state.
"""

import http.client
import http.cookiejar
import json
import os
import re
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from samizdat import caching, pagecache
from testing import free_port

BASE_DIR = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PASSWORD = "moderator-password-4417"  # noqa: S105 (a throwaway account of a throwaway site)
HIDDEN_TEXT = "Тут названы імя і адрас чытача"
# What a process may keep of another's change: its generation snapshot and its copies of
# pages are each at most this old (samizdat.pagecache).
BOUND = max(caching.GENERATION_SNAPSHOT.seconds, caching.LOCAL_PAGES.seconds)
# The test learns that the worker published by reading the database; the worker starts the
# new generation right after its commit, a moment later.
SEEN_COMMIT_SLACK = 0.25
READERS_PER_SERVER = 2
ANSWERS_AFTER_BOUND = 40  # per app server, so "no answer shows it" says something
WAIT_SECONDS = 90  # for processes to start and readers to answer, not a clock to sleep on

# Starting a site costs about a minute of both cores: in a parallel run (make test), every
# test of this module goes to one worker, which starts each site once.
pytestmark = pytest.mark.xdist_group("one_site")


def seed():
    """Run inside the site (a subprocess): a commented article, one to translate, a moderator."""
    from django.contrib.auth.models import Group, User

    from comments.models import Comment, CommentPolicy, Status, refresh_comment_count
    from newsroom.structure import ensure_site_structure
    from testing.factories import make_article

    ensure_site_structure("Samizdat")
    article = make_article(title="Суд у Гомелі")
    comment = Comment.objects.create(
        article=article,
        author_name="Сусед",
        text=HIDDEN_TEXT,
        status=Status.PUBLISHED,
        client="seed",
        language="be",
    )
    refresh_comment_count(article.pk)
    original = make_article(title="Паводка на Прыпяці")
    policy = CommentPolicy.load()
    policy.min_seconds_to_submit = 0  # the test posts as soon as it has read the form
    policy.save()
    moderator = User.objects.create_user("moderator", password=PASSWORD)
    moderator.groups.add(Group.objects.get(name="Moderators"))
    print(
        json.dumps(
            {"article": article.url, "comment": comment.pk, "original": original.pk},
        )
    )


def schedule_translation(original_pk):
    """Run inside the site: a Russian translation approved to go live now, not yet published."""
    from django.utils import timezone
    from wagtail.models import Locale

    from newsroom.models import ArticlePage
    from newsroom.slugs import slug_for

    original = ArticlePage.objects.get(pk=original_pk)
    translation = original.copy_for_translation(Locale.objects.get(language_code="ru"))
    translation.title = "Наводнение на Припяти"
    translation.slug = slug_for(translation.title, "ru")
    translation.save()
    translation.save_revision(approved_go_live_at=timezone.now())
    print(json.dumps({"page": translation.pk, "url": f"/ru/news/{translation.slug}/"}))


@dataclass
class Site:
    tmp: Path
    env: dict
    database: str  # SQLite file or PostgreSQL URL
    ports: list = field(default_factory=list)
    processes: list = field(default_factory=list)
    seeded: dict = field(default_factory=dict)

    def manage(self, *args):
        return self.python("manage.py", *args)

    def python(self, *args):
        done = subprocess.run(  # noqa: S603 (our own command line)
            [sys.executable, *args],
            cwd=BASE_DIR,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=WAIT_SECONDS * 2,
            check=False,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return done.stdout

    def call(self, function, *args):
        """A function of this module run in a process of the site; its printed JSON."""
        code = (
            "import django; django.setup(); "
            f"from samizdat.tests.test_one_site import {function}; {function}(*{args!r})"
        )
        return json.loads(self.python("-c", code).strip().splitlines()[-1])

    def start(self, command):
        log = open(self.tmp / f"process-{len(self.processes)}.log", "w")  # noqa: SIM115
        process = subprocess.Popen(  # noqa: S603 (our own command line)
            command, cwd=BASE_DIR, env=self.env, stdout=log, stderr=subprocess.STDOUT
        )
        self.processes.append((process, log))
        return process

    def start_app_server(self):
        port = free_port()
        self.start(
            [str(BIN / "granian"), "--interface", "wsgi", "--host", "127.0.0.1"]
            + ["--port", str(port), "--workers", "1", "--blocking-threads", "4"]
            + ["--no-access-log", "samizdat.wsgi:application"]
        )
        self.ports.append(port)
        return port

    def start_worker(self):
        return self.start([sys.executable, "manage.py", "worker"])

    def stop(self):
        for process, log in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
            log.close()
        self.processes.clear()

    def page_is_live(self, page_id):
        query = "SELECT live FROM wagtailcore_page WHERE id = %s"
        if self.database.startswith("postgres"):
            import psycopg

            with psycopg.connect(self.database) as connection:
                row = connection.execute(query, (page_id,)).fetchone()
        else:
            with sqlite3.connect(self.database) as connection:
                row = connection.execute(query.replace("%s", "?"), (page_id,)).fetchone()
        return bool(row and row[0])


def get(port, path, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read().decode()
    finally:
        connection.close()


def wait_until_serving(port):
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        try:
            if get(port, "/be/")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)  # waiting for a process to listen, not for a clock
    pytest.fail(f"the app server on port {port} did not start")


def postgres_database(tmp):
    """A fresh PostgreSQL database of this test's own, on the suite's server."""
    import psycopg

    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        pytest.skip("PostgreSQL + Redis run when DATABASE_URL names PostgreSQL")
    parts = urllib.parse.urlsplit(url)
    # Named per xdist worker too: a run that spreads this module over workers (not
    # --dist loadgroup) would otherwise drop one worker's database under the other.
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    name = f"{parts.path.lstrip('/') or 'samizdat'}_processes{worker}"
    server = parts._replace(path="/postgres").geturl()
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return parts._replace(path=f"/{name}").geturl(), server, name


@pytest.fixture(scope="module", params=["sqlite-shared-cache", "postgres-redis"])
def site(request, tmp_path_factory):
    """The site running as `make run` runs it: two app servers, seeded, no worker yet."""
    tmp = tmp_path_factory.mktemp(request.param)
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("REDIS_URL", "DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="samizdat.settings.dev",
        CACHE_DIR=str(tmp / "cache"),
        MEDIA_ROOT=str(tmp / "media"),
        PYTHONUNBUFFERED="1",
        # The readers here are one test client asking both servers many times a second;
        # the per-client render limit (shield.renders) is not what these tests measure.
        PAGE_RENDER_RATE="100000/m",
    )
    dropped = None
    if request.param == "postgres-redis":
        database, server, name = postgres_database(tmp)
        redis = request.getfixturevalue("redis_server")
        env.update(DATABASE_URL=database, REDIS_URL=redis.url)
        dropped = (server, name)
    else:
        database = str(tmp / "db.sqlite3")
        env["DATABASE_URL"] = f"sqlite:///{database}"
    site = Site(tmp=tmp, env=env, database=database)
    try:
        site.manage("migrate", "--noinput", "-v0")
        site.seeded = site.call("seed")
        for _ in range(2):
            site.start_app_server()
        for port in site.ports:
            wait_until_serving(port)
        yield site
    finally:
        site.stop()
        if dropped:
            import psycopg

            with psycopg.connect(dropped[0], autocommit=True) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{dropped[1]}" WITH (FORCE)')


class Readers:
    """Readers asking every app server for some pages, without pause, until stopped."""

    def __init__(self, ports, paths):
        self.answers = []  # (asked at, port, path, status, body)
        self.stopping = threading.Event()
        self.threads = [
            threading.Thread(target=self.read, args=(port, paths), daemon=True)
            for port in ports
            for _ in range(READERS_PER_SERVER)
        ]

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=WAIT_SECONDS)

    def read(self, port, paths):
        turn = 0
        while not self.stopping.is_set():
            path = paths[turn % len(paths)]
            turn += 1
            asked = time.monotonic()
            status, body = get(port, path)
            self.answers.append((asked, port, path, status, body))

    def since(self, moment):
        return [answer for answer in list(self.answers) if answer[0] >= moment]

    def wait_for_answers(self, moment, ports):
        """Until every app server answered enough requests asked after `moment`."""
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            counts = {port: 0 for port in ports}
            for _asked, port, *_rest in self.since(moment):
                counts[port] += 1
            if min(counts.values()) >= ANSWERS_AFTER_BOUND:
                return
            time.sleep(0.05)  # waiting for readers' answers, not for a clock
        pytest.fail(f"the app servers answered too few requests after the change: {counts}")


def warm(site, paths):
    """Every app server has each page in its cache (and in its own memory)."""
    for port in site.ports:
        for path in paths:
            for _ in range(3):
                get(port, path)


def signed_in_moderator(port):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    base = f"http://127.0.0.1:{port}"
    form = opener.open(f"{base}/admin/login/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)[1]
    fields = {"username": "moderator", "password": PASSWORD, "csrfmiddlewaretoken": token}
    answer = opener.open(f"{base}/admin/login/", urllib.parse.urlencode(fields).encode())
    assert "/admin/login/" not in answer.geturl(), "the moderator could not sign in"
    return opener, jar


def hide_in_the_desk(port, comment_id):
    """What a moderator does: the desk's queue, the comment ticked, "hide" pressed."""
    opener, jar = signed_in_moderator(port)
    base = f"http://127.0.0.1:{port}"
    desk = opener.open(f"{base}/admin/comments/?queue=recent").read().decode()
    assert f'value="{comment_id}"' in desk
    token = next(cookie.value for cookie in jar if cookie.name == "csrftoken")
    fields = {"csrfmiddlewaretoken": token, "action": "hide", "comment": str(comment_id)}
    request = urllib.request.Request(  # noqa: S310 (http on loopback, our own server)
        f"{base}/admin/comments/act/",
        data=urllib.parse.urlencode(fields).encode(),
        headers={"Referer": f"{base}/admin/comments/"},
    )
    answer = opener.open(request)
    assert answer.status == 200 and "/admin/comments/" in answer.geturl()


def test_a_hidden_comment_is_served_by_no_app_server_after_the_bound(site):
    article = site.seeded["article"]
    warm(site, [article])
    with Readers(site.ports, [article]) as readers:
        readers.wait_for_answers(time.monotonic(), site.ports)
        assert all(HIDDEN_TEXT in answer[4] for answer in readers.answers)
        hide_in_the_desk(site.ports[0], site.seeded["comment"])
        after_bound = time.monotonic() + BOUND
        readers.wait_for_answers(after_bound, site.ports)
    late = readers.since(after_bound)
    showing = [(port, status) for _at, port, _path, status, body in late if HIDDEN_TEXT in body]
    assert showing == [], f"{len(showing)} of {len(late)} answers still show the hidden comment"
    assert {status for *_rest, status, _body in late} == {200}


def post_through(port, article, text):
    """A reader's plain form post, with the form's token taken from the page."""
    page = get(port, article)[1]
    token = re.search(r'name="token" value="([^"]+)"', page)[1]
    action = re.search(r'action="(/be/comments/\d+/post/)"', page)[1]
    fields = {"name": "Чытачка", "text": text, "website": "", "token": token}
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(
            "POST",
            action,
            body=urllib.parse.urlencode(fields),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": f"http://127.0.0.1:{port}",
            },
        )
        response = connection.getresponse()
        response.read()
        assert response.status == 201, response.status
    finally:
        connection.close()


def test_a_comment_posted_on_one_app_server_is_served_by_every_one_after_the_bound(site):
    article = site.seeded["article"]
    text = "Мой каментар, які я хачу ўбачыць"
    warm(site, [article])
    with Readers(site.ports, [article]) as readers:
        readers.wait_for_answers(time.monotonic(), site.ports)
        post_through(site.ports[1], article, text)
        # A new comment only adds: while one reader renders the new copy, the others get
        # the previous one (docs/caching.md), so the render's time comes on top.
        after_bound = time.monotonic() + BOUND + pagecache.RENDER_WAIT_SECONDS
        readers.wait_for_answers(after_bound, site.ports)
    late = readers.since(after_bound)
    without = [(port, status) for _at, port, _path, status, body in late if text not in body]
    assert without == [], f"{len(without)} of {len(late)} answers lack the new comment"


def test_the_worker_s_publication_reaches_every_app_server_within_the_bound(site):
    original = site.seeded["original"]
    translation = site.call("schedule_translation", original)
    article = f"/be/news/{original_slug(site, original)}/"
    pages = [article, "/ru/news/", translation["url"]]
    warm(site, pages)

    def link(port):  # the head's alternate, absolute on the host the page was read on
        return f'hreflang="ru" href="http://127.0.0.1:{port}{translation["url"]}"'

    assert all(link(port) not in get(port, article)[1] for port in site.ports)
    assert all(get(port, translation["url"])[0] == 404 for port in site.ports)
    with Readers(site.ports, pages) as readers:
        site.start_worker()
        deadline = time.monotonic() + WAIT_SECONDS
        while not site.page_is_live(translation["page"]):
            assert time.monotonic() < deadline, "the worker did not publish the translation"
            time.sleep(0.02)  # waiting for the worker's commit, not for a clock
        after_bound = time.monotonic() + SEEN_COMMIT_SLACK + BOUND
        readers.wait_for_answers(after_bound, site.ports)
    late = readers.since(after_bound)
    stale = [
        (port, path, status)
        for _at, port, path, status, body in late
        if status != 200 or (path == article and link(port) not in body)
        or (path == "/ru/news/" and translation["url"] not in body)
    ]  # fmt: skip
    assert stale == [], f"{len(stale)} of {len(late)} answers are from before the publication"


def original_slug(site, page_id):
    query = "SELECT slug FROM wagtailcore_page WHERE id = %s"
    if site.database.startswith("postgres"):
        import psycopg

        with psycopg.connect(site.database) as connection:
            return connection.execute(query, (page_id,)).fetchone()[0]
    with sqlite3.connect(site.database) as connection:
        return connection.execute(query.replace("%s", "?"), (page_id,)).fetchone()[0]
