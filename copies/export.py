"""The reader site written out as plain files that any static host, a peer-to-peer cache or
a USB stick can carry.

Pages are rendered through Django's test client and the real URL resolver, so the copy is
exactly what readers get from the live site. Links are then rewritten to relative file
names (".../index.html"), so the folder works under any host name, any path prefix, and
opened from disk. What needs the server (comments, likes, search, typo reports) is taken
out of the page, which says so and points to the mirror list instead.
"""

import hashlib
import itertools
import json
import multiprocessing
import os
import posixpath
import re
import tempfile
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.test import Client, override_settings
from django.utils import timezone
from django.utils.translation import gettext, override
from lxml import html as lxml_html

from samizdat import caching, forking

from . import checkpage, incremental, signing

MANIFEST = "manifest.json"
# Only these need the live server; a link to them goes to the mirror list instead.
SERVER_ONLY = ("search/", "comments/", "admin/", "api/", "documents/", "accounts/")
KEPT_QUERY = {"page"}
UNLIMITED_RENDERS = "100000000/m"
# Scripts and forms may not reach any server from a copy: the page says what does not work.
COPY_POLICY = "connect-src 'none'; form-action 'none'"
# Below this many pages, forking costs more than it saves.
PAGES_WORTH_A_FORK = 500
CSS_URL = re.compile(rb"url\(\s*(['\"]?)([^'\")]+)\1\s*\)")


class ExportFailed(Exception):
    """The site did not answer as it does for readers; the folder is left as it was."""


@dataclass
class Rendered:
    """What the site answered for one URL, the body waiting in the spool."""

    status: int
    location: str = ""
    content_type: str = ""
    body: Path | None = None
    language: str = ""
    links: list = field(default_factory=list)  # as written on the page, not yet resolved


@dataclass
class Result:
    files: dict = field(default_factory=dict)  # relative path -> sha256
    written: list = field(default_factory=list)
    removed: list = field(default_factory=list)
    kept: list = field(default_factory=list)  # pages taken from the previous export unrendered
    rendered: int = 0
    renderers: int = 0  # processes that rendered pages


def seeds(languages):
    yield "/mirrors.json"
    yield "/sitemap.xml"
    yield "/news-sitemap.xml"
    for language in languages:
        for tail in ("", "lite/", "blocked/", "feed/", "feed/atom/"):
            yield f"/{language}/{tail}"


def own_hosts():
    hosts = {"testserver", urlsplit(settings.CANONICAL_BASE_URL).netloc}
    return {host for host in hosts if host}


def file_for(path, query, content_type):
    """Where a URL lives in the copy: directories become index files, pages get a suffix."""
    relative = path.lstrip("/")
    if not relative or relative.endswith("/"):
        stem = relative + "index"
        if query:
            stem += "-" + "-".join(f"{k}-{v}" for k, v in query)
        kind = (content_type or "text/html").split(";")[0].strip()
        extension = {"application/json": ".json", "text/plain": ".txt"}.get(kind)
        if extension is None:
            extension = ".xml" if "xml" in kind and "html" not in kind else ".html"
        return stem + extension
    return relative


class Exporter:
    def __init__(self, outdir, languages=None, key=None, log=None, since=None, full=False, jobs=1):
        self.outdir = Path(outdir)
        self.since = since
        self.full = full
        self.jobs = jobs if forking.can_fork() else 1
        self.languages = languages or [code for code, _ in settings.LANGUAGES]
        self.key = key
        self.log = log or (lambda message: None)
        self.client = site_client()
        self.hosts = own_hosts()
        self.targets = {}  # (path, query) -> file in the copy, or None when it cannot be copied
        # file in the copy -> (where its bytes wait, content type, language). Pages wait on
        # disk, not in memory: a whole archive's pages do not fit in a worker's memory.
        self.bodies = {}
        self.spool = None
        self.stash = None  # puts a page's bytes in the spool (stasher)
        self.check_pages = set()  # files that may load the manifest (checkpage)
        self.previous = {}  # file -> sha256 in the previous export's manifest
        self.plan = None  # incremental.Plan: which pages the previous export gives us
        self.reused = {}  # file kept from the previous export -> its sha256
        self.pages = {}  # article page path -> {"f": file, "a": article id, "d": its links}
        self.seen = set()
        self.renderers = set()
        self.urls = {}  # file in the copy -> the path it copies

    # --- crawling -------------------------------------------------------------------

    def url_key(self, link, base):
        """(path, query) for a link on page `base` if it points into our site, else None."""
        parts = urlsplit(link)
        if parts.scheme in ("http", "https") and parts.netloc not in self.hosts:
            return None
        if parts.scheme not in ("", "http", "https") or (not parts.path and not parts.query):
            return None
        if not parts.path:
            path = base  # "?page=2" is the same page with another query
        else:
            path = posixpath.normpath(posixpath.join(posixpath.dirname(base), parts.path))
        if (parts.path.endswith("/") or not parts.path) and not path.endswith("/"):
            path += "/"
        query = tuple((k, v) for k, v in parse_qsl(parts.query) if k in KEPT_QUERY)
        if parts.query and not query:
            query = None  # a query we cannot turn into a file (search terms, filters)
        return path, query

    def server_only(self, path, query):
        if query is None:
            return True
        bits = path.lstrip("/").split("/", 1)
        if bits[0] in dict(settings.LANGUAGES) and bits[0] not in self.languages:
            return True  # another language's pages (a switcher links them): not in this copy
        rest = bits[1] if len(bits) > 1 and bits[0] in self.languages else path.lstrip("/")
        return rest.startswith(SERVER_ONLY)

    def crawl(self):
        # The renders limit protects app servers from one reader asking for pages nobody
        # reads; the export is the newsroom itself, rendering in its own process.
        with override_settings(PAGE_RENDER_RATE=UNLIMITED_RENDERS), caching.not_kept():
            self.crawl_all()

    def crawl_all(self):
        queue = [(path, ()) for path in seeds(self.languages)]
        for language in self.languages if self.key else ():
            queue.extend(self.add_check_page(language))
        self.seen = set(queue)
        self.crawl_from(queue)
        # A kept page whose links now lead elsewhere (an article it links to was withdrawn)
        # is rendered after all.
        while stale := self.stale_kept_pages():
            for path in stale:
                self.reused.pop(self.plan.kept.pop(path)["f"], None)
            self.crawl_from([(path, ()) for path in stale])

    def crawl_from(self, queue):
        if self.jobs > 1:
            return self.crawl_in_parallel(queue)
        while queue:
            key = queue.pop()
            links = self.fetch(*key)
            if links is None:  # a page: rendered here
                links = self.take(*key, render(self.client, *key, self.stash))
            self.enqueue(queue, links)

    def crawl_in_parallel(self, queue):
        """Pages are rendered by `jobs` forked processes; what they found is kept here."""
        forking.let_go_of_database()
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(
            self.jobs, mp_context=context, initializer=start_renderer, initargs=(self.spool,)
        ) as pool:
            rendering = {}
            try:
                self.render_all(pool, queue, rendering)
            except BaseException:
                # Pages still waiting would be rendered for a copy that will not be written.
                pool.shutdown(cancel_futures=True)
                raise

    def render_all(self, pool, queue, rendering):
        # A few pages in flight per renderer: waiting on every page of the queue at once
        # costs the crawl more than the renders.
        in_flight = self.jobs * 4
        while queue or rendering:
            while queue and len(rendering) < in_flight:
                key = queue.pop()
                links = self.fetch(*key)
                if links is None:
                    rendering[pool.submit(render_in_renderer, *key)] = key
                else:
                    self.enqueue(queue, links)
            done, _ = wait(rendering, return_when=FIRST_COMPLETED)
            for future in done:
                self.enqueue(queue, self.take(*rendering.pop(future), future.result()))

    def enqueue(self, queue, links):
        for link in links:
            if link not in self.seen:
                self.seen.add(link)
                queue.append(link)

    def stale_kept_pages(self):
        return [
            path
            for path, record in self.plan.kept.items()
            if record["f"] in self.reused
            and any(self.resolve((link, ())) != target for link, target in record["d"].items())
        ]

    def keep_page(self, path):
        """Take an unchanged article's page from the previous export, unrendered."""
        record = self.plan.kept[path]
        self.targets[(path, ())] = record["f"]
        self.reused[record["f"]] = self.previous[record["f"]]
        self.pages[path] = record
        return [(link, ()) for link in record["d"]]

    def dependency(self, path):
        """Links an article page records: photos, scripts, other articles and its authors'
        pages. No list links to an author's page: when the article's page is kept, its
        record is how the crawl still reaches them."""
        return (
            path.startswith((settings.STATIC_URL, settings.MEDIA_URL))
            or bool(self.plan.article(path))
            or is_author_page(path)
        )

    def fetch(self, path, query):
        """Copy one URL that needs no render; return the links it holds that the copy should
        also have, or None for a page, which the caller renders and passes to take()."""
        if self.server_only(path, query) or (query == () and path in self.plan.left_out):
            self.targets[(path, query)] = None
            return []
        if query == () and self.plan.keeps(path):
            return self.keep_page(path)
        if path.startswith(settings.STATIC_URL):
            return self.copy_asset(path, finders.find(path[len(settings.STATIC_URL) :]))
        if path.startswith(settings.MEDIA_URL):
            name = path[len(settings.MEDIA_URL) :]
            found = default_storage.path(name) if default_storage.exists(name) else None
            return self.copy_asset(path, found)
        return None

    def take(self, path, query, page):
        """Keep what the site answered for a page; return the links the copy should follow."""
        if page.location:
            target = self.url_key(page.location, path)
            self.targets[(path, query)] = ("redirect", target)
            return [target] if target else []
        if page.body is None:
            self.targets[(path, query)] = None
            return []
        name = file_for(path, query, page.content_type)
        self.targets[(path, query)] = name
        self.bodies[name] = (page.body, page.content_type, page.language)
        self.renderers.add(page.body.name.split("-")[0])
        if page.content_type.startswith("text/html"):
            links = [key for key in (self.url_key(link, path) for link in page.links) if key]
            if self.plan.article(path) and not query:
                self.pages[path] = {
                    "f": name,
                    "a": self.plan.article(path),
                    "d": sorted({p for p, q in links if q == () and self.dependency(p)}),
                }
            return links
        return []

    def add_check_page(self, language):
        """Put the copy check page in; return the links it holds (its scripts)."""
        path = checkpage.PATH.format(language=language)
        name = file_for(path, (), "text/html")
        body = checkpage.render(language, name, self.key.public)
        self.targets[(path, ())] = name
        self.bodies[name] = (self.stash(body), "text/html; charset=utf-8", language)
        self.check_pages.add(name)
        return [key for key in (self.url_key(link, path) for link in html_links(body)) if key]

    def copy_asset(self, path, found):
        if not found:
            self.targets[(path, ())] = None
            return []
        name = path.lstrip("/")
        self.targets[(path, ())] = name
        if self.unchanged_media(path, name):
            self.reused[name] = self.previous[name]
            return []
        self.bodies[name] = (Path(found), "text/css" if name.endswith(".css") else "", "")
        if name.endswith(".css"):
            body = Path(found).read_bytes()
            return [
                k
                for k in (self.url_key(m.group(2).decode(), path) for m in CSS_URL.finditer(body))
                if k
            ]
        return []

    def unchanged_media(self, path, name):
        # Photos and their renditions are never changed in place, only added: a copy that
        # has one already need not read it again (the daily whole export does).
        return (
            not self.plan.whole
            and path.startswith(settings.MEDIA_URL)
            and name in self.previous
            and (self.outdir / name).is_file()
        )

    # --- rewriting ------------------------------------------------------------------

    def resolve(self, key, depth=0):
        target = self.targets.get(key)
        if isinstance(target, tuple) and depth < 5:
            return self.resolve(target[1], depth + 1) if target[1] else None
        return target

    def relative_link(self, link, page_url, page_file, language):
        key = self.url_key(link, page_url)
        if key is None:
            return link
        target = self.resolve(key)
        if target is None:
            target = self.blocked_page(language)
        fragment = urlsplit(link).fragment
        relative = posixpath.relpath(target, posixpath.dirname(page_file) or ".")
        return relative + (f"#{fragment}" if fragment else "")

    def blocked_page(self, language):
        return self.resolve((f"/{language or self.languages[0]}/blocked/", ())) or MANIFEST

    def rewrite_html(self, body, page_url, page_file, language, policy=COPY_POLICY):
        document = lxml_html.document_fromstring(body)
        relative = lambda link: self.relative_link(link, page_url, page_file, language)  # noqa: E731
        # Forms need the server; site-wide lists would make every article page change
        # with every publish (incremental).
        dropped = document.xpath("//form")
        if self.plan.article(page_url):
            dropped += document.xpath("//*[@data-site-wide]")
        for element in dropped:
            if element.getparent() is not None:
                element.getparent().remove(element)
        for element in document.iter():
            if not isinstance(element.tag, str):
                continue
            for attribute in ("href", "src", "poster", "action", "data-src"):
                value = element.get(attribute)
                if attribute == "href" and element.get("rel") == "canonical":
                    continue  # search engines should still know the main site
                if attribute == "href" and element.get("hreflang") and value:
                    # Alternates name the host the page was rendered on; a copy has its own.
                    value = urlsplit(value)._replace(scheme="", netloc="").geturl()
                if value and not value.startswith(("#", "data:", "mailto:")):
                    element.set(attribute, relative(value))
            # The page's beacon token changes every day and counts nothing in a copy (no
            # server to count): kept, it would make yesterday's kept pages differ.
            element.attrib.pop("data-beacon-token", None)
            if element.get("srcset"):
                candidates = []
                for candidate in element.get("srcset").split(","):
                    bits = candidate.split()
                    if bits:
                        candidates.append(" ".join([relative(bits[0]), *bits[1:]]))
                element.set("srcset", ", ".join(candidates))
        head = document.find("head")
        if head is not None:
            meta = lxml_html.Element("meta", {"http-equiv": "Content-Security-Policy"})
            meta.set("content", policy)
            head.insert(0, meta)
        body_element = document.find("body")
        if body_element is not None:
            body_element.insert(0, self.notice(page_file, language))
        return b"<!DOCTYPE html>\n" + lxml_html.tostring(document, encoding="utf-8")

    def notice(self, page_file, language):
        def relative(target):
            return posixpath.relpath(target, posixpath.dirname(page_file) or ".")

        blocked = relative(self.blocked_page(language))
        with override(language or self.languages[0]):
            text = gettext(
                "This is a copy of our site. Comments, likes, search and typo reports work "
                "only on the live site:"
            )
            link_text = gettext("find a working address")
        element = lxml_html.fragment_fromstring(
            '<p class="copy-notice" role="note"></p>', create_parent=False
        )
        element.text = text + " "
        link = lxml_html.Element("a", {"href": blocked})
        link.text = link_text
        element.append(link)
        check = self.resolve((checkpage.PATH.format(language=language or self.languages[0]), ()))
        if check and check != page_file:
            with override(language or self.languages[0]):
                link.tail = ". "
                checking = lxml_html.Element("a", {"href": relative(check)})
                checking.text = gettext("Check that this copy is genuine")
            element.append(checking)
        return element

    def rewrite_css(self, body, css_url, css_file):
        def replace(match):
            link = match.group(2).decode()
            if link.startswith("data:"):
                return match.group(0)
            return b"url(" + self.relative_link(link, css_url, css_file, "").encode() + b")"

        return CSS_URL.sub(replace, body)

    # --- writing --------------------------------------------------------------------

    def run(self):
        self.previous = read_manifest(self.outdir)
        self.plan = incremental.plan(
            self.outdir, self.languages, self.previous, since=self.since, full=self.full
        )
        self.outdir.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=".export-", dir=self.outdir.parent) as spool:
            self.spool = spool
            self.stash = stasher(spool)
            self.crawl()
            return self.write_copy()

    def write_copy(self):
        result = Result(files=dict(self.reused), kept=sorted(self.reused))
        result.rendered = len(self.bodies)
        result.renderers = len(self.renderers)
        for name, digest, written in self.put_pages(sorted(self.bodies)):
            result.files[name] = digest
            if written:
                result.written.append(name)
        for name in sorted(set(self.previous) - set(result.files)):
            (self.outdir / name).unlink(missing_ok=True)
            result.removed.append(name)
        self.write_manifest(result)
        self.write_state()
        return result

    def put_pages(self, names):
        """Rewrite and write every page; forked processes share a long list between them."""
        self.urls = {name: key[0] for key, name in self.targets.items() if isinstance(name, str)}
        if self.jobs == 1 or len(names) < PAGES_WORTH_A_FORK:
            return map(self.put_page, names)
        forking.let_go_of_database()
        _renderer["exporter"] = self  # inherited by the forks with everything it knows
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(self.jobs, mp_context=context) as pool:
            return list(pool.map(put_page_in_fork, names, chunksize=PAGES_WORTH_A_FORK))

    def put_page(self, name):
        """Make one page's links relative and write it when it changed: (name, hash, written)."""
        source, content_type, language = self.bodies[name]
        url, body = self.urls[name], source.read_bytes()
        if content_type.startswith("text/html"):
            policy = checkpage.POLICY if name in self.check_pages else COPY_POLICY
            body = self.rewrite_html(body, url, name, language, policy)
        elif content_type.startswith("text/css"):
            body = self.rewrite_css(body, url, name)
        digest = hashlib.sha256(body).hexdigest()
        if self.previous.get(name) == digest and (self.outdir / name).exists():
            return name, digest, False
        write(self.outdir / name, body)
        return name, digest, True

    def write_state(self):
        pages = {
            path: {
                "f": record["f"],
                "a": record["a"],
                "d": {link: self.resolve((link, ())) for link in record["d"]},
            }
            for path, record in self.pages.items()
            if self.targets.get((path, ())) == record["f"]
        }
        body = json.dumps(incremental.state(self.plan, pages), separators=(",", ":"))
        write(self.outdir / incremental.STATE, body.encode())

    def write_manifest(self, result):
        if self.key and "mirrors.json" in result.files:
            signing.sign_file(self.key, self.outdir / "mirrors.json")
        manifest = {
            "generated": timezone.now().isoformat(timespec="seconds"),
            "key": self.key.public.fingerprint if self.key else None,
            "files": result.files,
        }
        path = self.outdir / MANIFEST
        write(path, json.dumps(manifest, indent=1, sort_keys=True).encode())
        if self.key:
            signing.sign_file(self.key, path, comment="samizdat static copy manifest")
            write(self.outdir / "signing-key.pub", self.key.public.as_file().encode())


def is_author_page(path):
    """/<lang>/authors/<slug>/"""
    bits = path.strip("/").split("/")
    return len(bits) == 3 and bits[1] == "authors"


def site_client():
    host = urlsplit(settings.CANONICAL_BASE_URL).hostname or "testserver"
    return Client(HTTP_HOST=host, raise_request_exception=False)


def render(client, path, query, stash):
    """Ask the site for one page as a reader would; its body goes to `stash`."""
    response = client.get(path, dict(query), follow=False)
    if response.status_code in (301, 302, 307, 308):
        return Rendered(response.status_code, location=response["Location"])
    if response.status_code == 429 or response.status_code >= 500:
        # A refusal or an outage is not "this page is gone": writing the copy now would
        # delete pages from it. Stop before anything is written.
        raise ExportFailed(f"{path} answered {response.status_code}")
    if response.status_code != 200 or getattr(response, "streaming", False):
        return Rendered(response.status_code)
    content_type = response.get("Content-Type", "")
    body = response.content
    return Rendered(
        200,
        content_type=content_type,
        body=stash(body),
        language=language_of(path, response),
        links=html_links(body) if content_type.startswith("text/html") else [],
    )


def language_of(path, response):
    # From the URL first: a page the page cache answers never meets the locale middleware,
    # so the request may not know its language.
    prefix = path.strip("/").split("/")[0]
    if prefix in dict(settings.LANGUAGES):
        return prefix
    return response.get("Content-Language") or getattr(response.wsgi_request, "LANGUAGE_CODE", "")


_renderer = {}


def start_renderer(spool):
    caching.stop_keeping()
    _renderer["client"] = site_client()
    _renderer["stash"] = stasher(spool)


def stasher(spool):
    """Writes a page's bytes to the spool under a name no other process uses; returns it."""
    counter = itertools.count(1)

    def stash(body):
        path = Path(spool) / f"{os.getpid()}-{next(counter)}"
        path.write_bytes(body)
        return path

    return stash


def render_in_renderer(path, query):
    return render(_renderer["client"], path, query, _renderer["stash"])


def put_page_in_fork(name):
    return _renderer["exporter"].put_page(name)


def html_links(body):
    try:
        document = lxml_html.document_fromstring(body)
    except ValueError:
        return []
    links = []
    for element in document.iter():
        if not isinstance(element.tag, str) or element.tag == "form":
            continue
        for attribute in ("href", "src", "poster"):
            if element.get(attribute):
                links.append(element.get(attribute))
        for candidate in (element.get("srcset") or "").split(","):
            if candidate.split():
                links.append(candidate.split()[0])
    return [link for link in links if not link.startswith(("#", "data:", "mailto:"))]


def read_manifest(outdir):
    try:
        return json.loads((Path(outdir) / MANIFEST).read_text())["files"]
    except (OSError, ValueError, KeyError):
        return {}


def write(path, body):
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_bytes(body)
    os.replace(temporary, path)


def export(outdir, languages=None, key=None, log=None, since=None, full=False, jobs=1):
    """Write or bring up to date the copy in `outdir` (see incremental for `since`); `jobs`
    processes render pages side by side."""
    return Exporter(outdir, languages, key, log, since=since, full=full, jobs=jobs).run()
