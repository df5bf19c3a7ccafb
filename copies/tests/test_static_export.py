"""The static copy: served by a plain file server under another name and a path prefix,
every link works, nothing reaches another origin, and the signed manifest catches changes."""

import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.request import urlopen

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from lxml import html as lxml_html

from copies import export
from copies.verify import verify_copy
from samizdat import caching, forking
from testing.comments import form_post, policy_without_waiting
from testing.factories import make_article, make_image

PREFIX = "/some/mirror/path/"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def served(tmp_path):
    """A plain static file server whose root holds the copy under PREFIX."""
    root = tmp_path / "www"
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=root))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    # "localhost", not the 127.0.0.1 the site is configured with: another host name.
    yield root / PREFIX.strip("/"), f"http://localhost:{server.server_port}{PREFIX}"
    server.shutdown()
    server.server_close()


def page_links(body):
    document = lxml_html.document_fromstring(body)
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue
        for attribute in ("href", "src"):
            if element.get(attribute):
                yield element.tag, element.get("rel"), element.get(attribute)
        for candidate in (element.get("srcset") or "").split(","):
            if candidate.split():
                yield element.tag, None, candidate.split()[0]


def crawl(start):
    """Every page reachable from `start` within its origin; fails on a broken link."""
    origin = urlsplit(start).netloc
    seen, queue, pages = {start}, [start], {}
    while queue:
        url = queue.pop()
        with urlopen(url) as response:  # noqa: S310 (our own server); raises on 404
            body = response.read()
            kind = response.headers["Content-Type"]
        pages[url] = body
        if "html" not in kind:
            continue
        for tag, rel, link in page_links(body):
            if link.startswith("data:"):
                continue  # inside the page itself (offline editions embed their photos)
            target = urldefrag(urljoin(url, link)).url
            if rel == "canonical" or tag == "a" and urlsplit(target).netloc != origin:
                continue  # a link readers may follow, not a request the page makes
            assert urlsplit(target).netloc == origin, f"{url} loads {target}"
            assert target.startswith(start.rsplit("/", 3)[0]), f"{url} leaves the prefix"
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return pages


@pytest.mark.django_db
def test_the_copy_works_under_another_host_and_a_path_prefix(homes, served, signing_key):
    folder, base = served
    photo = make_image("Плошча", size=(800, 450))
    article = make_article("Навіна з фота", image=photo, lede="Першы абзац навіны.")
    make_article("Другая навіна")

    call_command("export_static", str(folder))

    pages = crawl(base + "be/index.html")
    urls = set(pages)
    assert f"{base}be/news/{article.slug}/index.html" in urls
    assert f"{base}be/lite/{article.slug}/index.html" in urls
    assert any(url.startswith(base + "media/") for url in urls), "the photo is in the copy"
    assert base + "static/frontend/site.css" in urls
    assert base + "be/check-copy/index.html" in urls  # linked from every page's notice
    assert base + "static/copies/check.js" in urls
    page = pages[f"{base}be/news/{article.slug}/index.html"].decode()
    assert "Першы абзац навіны." in page
    assert "Каментары, лайкі, пошук і паведамленні пра памылкі працуюць толькі" in page
    assert "<form" not in page  # comments and typo reports need the live site
    assert "connect-src 'none'" in page


@pytest.mark.django_db
def test_the_lite_edition_works_opened_from_disk(homes, tmp_path, signing_key):
    make_article("Навіна для флэшкі")
    export.export(tmp_path / "copy", key=signing_key)

    front = tmp_path / "copy" / "be" / "lite" / "index.html"
    for _, _, link in page_links(front.read_bytes()):
        if urlsplit(link).scheme in ("http", "https"):
            continue
        target = (front.parent / urldefrag(link).url).resolve()
        assert target.is_file(), f"{link} is not a file in the copy"


@pytest.mark.django_db
def test_the_signed_manifest_catches_one_changed_byte(homes, tmp_path, signing_key):
    article = make_article("Сапраўдная навіна")
    folder = tmp_path / "copy"
    call_command("export_static", str(folder))
    call_command("verify_copy", str(folder))
    call_command("verify_copy", str(folder / "mirrors.json"))

    page = folder / "be" / "news" / article.slug / "index.html"
    body = page.read_bytes()
    page.write_bytes(body.replace("Сапраўдная".encode(), "Фальшывая".encode(), 1))
    with pytest.raises(CommandError, match=f"be/news/{article.slug}/index.html: changed"):
        call_command("verify_copy", str(folder))

    page.write_bytes(body)
    (folder / "be" / "fake.html").write_text("<p>added by a fake mirror</p>")
    assert verify_copy(folder, signing_key.public) == ["be/fake.html: not in the manifest"]


@pytest.mark.django_db
def test_a_second_export_rewrites_only_what_changed(
    homes, tmp_path, signing_key, django_capture_on_commit_callbacks
):
    old = make_article("Старая навіна", section_slug="culture")
    folder = tmp_path / "copy"
    export.export(folder, key=signing_key)

    with django_capture_on_commit_callbacks(execute=True):  # purges run after the commit
        new = make_article("Новая навіна", section_slug="politics")
    result = export.export(folder, key=signing_key)
    assert f"be/news/{new.slug}/index.html" in result.written
    assert "be/politics/index.html" in result.written
    assert "be/culture/index.html" not in result.written
    assert "static/frontend/site.css" not in result.written

    with django_capture_on_commit_callbacks(execute=True):
        old.refresh_from_db()
        old.unpublish()
    result = export.export(folder, key=signing_key)
    assert f"be/news/{old.slug}/index.html" in result.removed
    assert not (folder / f"be/news/{old.slug}/index.html").exists()
    assert verify_copy(folder, signing_key.public) == []
    assert f"be/news/{new.slug}/index.html" in result.files


@pytest.mark.django_db
def test_a_new_comment_rewrites_its_article_in_the_next_export(
    homes, tmp_path, signing_key, django_capture_on_commit_callbacks
):
    article = make_article("Навіна для каментара", section_slug="culture")
    other = make_article("Іншая навіна", section_slug="war")
    policy_without_waiting()
    folder = tmp_path / "copy"
    export.export(folder, key=signing_key)

    with django_capture_on_commit_callbacks(execute=True):
        form_post(Client(), article, text="Каментар чытача ў копіі")
    result = export.export(folder, key=signing_key)

    page = f"be/news/{article.slug}/index.html"
    assert page in result.written
    assert "Каментар чытача ў копіі" in (folder / page).read_text()
    assert f"be/news/{other.slug}/index.html" not in result.written
    assert verify_copy(folder, signing_key.public) == []


@pytest.mark.django_db
def test_a_failing_site_leaves_the_previous_copy_untouched(
    homes, tmp_path, signing_key, monkeypatch
):
    article = make_article("Навіна, якая застаецца")
    folder = tmp_path / "copy"
    export.export(folder, key=signing_key)
    before = {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()}

    def outage(*args, **kwargs):
        raise RuntimeError("database unreachable")

    monkeypatch.setattr("mirrors.hosts.mirror_list", outage)
    with pytest.raises(export.ExportFailed, match="/mirrors.json answered 500"):
        export.export(folder, key=signing_key)
    after = {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()}
    assert after == before
    assert (folder / "be" / "news" / article.slug / "index.html").exists()


@pytest.mark.django_db
def test_every_page_of_all_news_is_in_the_copy(homes, tmp_path, signing_key):
    articles = [make_article(f"Навіна нумар {number}") for number in range(32)]
    result = export.export(tmp_path / "copy", key=signing_key)
    assert "be/news/index-page-2.html" in result.files
    assert all(f"be/news/{article.slug}/index.html" in result.files for article in articles)


@pytest.mark.django_db
def test_the_export_is_not_refused_by_the_readers_render_limit(
    homes, tmp_path, signing_key, settings
):
    settings.PAGE_RENDER_RATE = "5/m"  # far fewer renders than the copy needs
    article = make_article("Навіна пры ліміце")
    result = export.export(tmp_path / "copy", key=signing_key)
    assert f"be/news/{article.slug}/index.html" in result.files


@pytest.mark.django_db
def test_a_copy_of_one_language_holds_no_other(homes, tmp_path, signing_key):
    make_article("Навіна толькі па-беларуску")
    result = export.export(tmp_path / "copy", languages=["en"], key=signing_key)
    assert "en/index.html" in result.files
    assert not [name for name in result.files if name.startswith(("be/", "ru/"))]
    assert verify_copy(tmp_path / "copy", signing_key.public) == []


def test_pages_rendered_by_several_processes_make_the_same_copy(
    site_skeleton, tmp_path, signing_key, monkeypatch
):
    """Committed data (site_skeleton): each renderer reads through its own connection."""
    if not forking.can_fork():
        pytest.skip("in-memory SQLite: a forked renderer would see an empty database")
    monkeypatch.setattr(export, "PAGES_WORTH_A_FORK", 10)  # pages are written by forks too
    articles = [make_article(f"Навіна для двух працэсаў {number}") for number in range(24)]
    alone = export.export(tmp_path / "alone", key=signing_key)
    together = export.export(tmp_path / "together", key=signing_key, jobs=2)

    assert (alone.renderers, together.renderers) == (1, 2)
    assert together.files.keys() == alone.files.keys()
    assert all(f"be/news/{article.slug}/index.html" in together.files for article in articles)
    differing = [name for name in alone.files if alone.files[name] != together.files[name]]
    assert differing == []
    assert verify_copy(tmp_path / "together", signing_key.public) == []


@pytest.mark.django_db
def test_the_export_keeps_nothing_in_the_shared_cache(homes, tmp_path, signing_key, monkeypatch):
    unread = make_article("Навіна, якую ніхто не адкрываў")
    read = make_article("Навіна, якую чытаюць")
    reader = export.site_client()  # the host the copy is rendered for
    assert "X-Page-Cache" not in reader.get(read.url)
    kept = []
    original_set = cache.set
    monkeypatch.setattr(
        cache, "set", lambda key, *a, **k: kept.append(key) or original_set(key, *a, **k)
    )

    result = export.export(tmp_path / "copy", key=signing_key)
    assert f"be/news/{unread.slug}/index.html" in result.files
    # An archive of pages nobody reads would push out the pages readers are reading.
    rendered = tuple(f"{name}:" for name in caching.LAYERS) + ("discussion-block:", "pagecache:")
    assert [key for key in kept if key.startswith(rendered)] == []
    monkeypatch.undo()
    assert "X-Page-Cache" not in reader.get(unread.url)
    assert reader.get(read.url)["X-Page-Cache"] == "hit"
