"""A static copy of the site read in Chromium from a plain file server under another host
name and a path prefix, and the offline edition opened from disk: pages, photos and links
work, and nothing is requested from anywhere else."""

import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from copies import editions, export, signing
from testing.factories import make_article, make_image

pytestmark = pytest.mark.e2e

PREFIX = "/any/prefix/"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


# Waits for the photo to arrive (a click can leave it on its way): decode() settles once
# it has loaded and been decoded, and fails for a broken image.
PHOTO_SHOWS = "img => img.decode().then(() => img.naturalWidth > 0, () => false)"


def photo_shows(photo):
    return photo.evaluate(PHOTO_SHOWS)


@pytest.fixture
def signing_key(settings, tmp_path, monkeypatch):
    monkeypatch.delenv("SAMIZDAT_SIGNING_KEY", raising=False)
    key = signing.SecretKey.generate()
    (tmp_path / "signing.key").write_text(key.as_file())
    settings.SIGNING_KEY_FILE = str(tmp_path / "signing.key")
    return key


@pytest.fixture
def story(site_skeleton):
    photo = make_image("Плошча", size=(800, 450))
    return make_article("Навіна ў копіі", image=photo, lede="Першы абзац у копіі.")


@pytest.fixture
def copy_server(tmp_path, story, signing_key):
    export.export(tmp_path / "www" / PREFIX.strip("/"), key=signing_key)
    handler = partial(QuietHandler, directory=tmp_path / "www")
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    # Chromium sends every *.localhost name to the loopback address.
    yield f"http://copy.localhost:{server.server_port}{PREFIX}"
    server.shutdown()
    server.server_close()


def watch(page):
    requests, failures = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("response", lambda r: failures.append(r.url) if r.status >= 400 else None)
    return requests, failures


def test_a_reader_reads_the_copy_under_another_host_and_prefix(page, copy_server, story):
    requests, failures = watch(page)
    page.goto(copy_server + "be/index.html")
    page.get_by_role("link", name="Навіна ў копіі").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Навіна ў копіі")
    expect(page.locator(".copy-notice")).to_be_visible()
    photo = page.locator("main img").first
    expect(photo).to_be_visible()
    assert photo_shows(photo)

    page.goto(copy_server + "be/lite/index.html")
    page.get_by_role("link", name="Навіна ў копіі").first.click()
    expect(page.get_by_text("Першы абзац у копіі.")).to_be_visible()

    origin = urlsplit(copy_server).netloc
    assert {urlsplit(url).netloc for url in requests} == {origin}
    assert failures == []


def test_the_offline_edition_opens_from_disk_without_any_request(page, story, signing_key):
    html_path, _ = editions.build("be", timezone.localdate())
    requests, _ = watch(page)

    page.goto(html_path.as_uri())
    expect(page.get_by_role("heading", name="Навіна ў копіі")).to_be_visible()
    photo = page.locator("img").first
    assert photo_shows(photo)
    assert requests == [html_path.as_uri()]
