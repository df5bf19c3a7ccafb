"""The copy check page in Chromium: a reader served a copy by a plain file server learns
whether it is the one we signed, and which files a fake mirror changed. Its BLAKE2b (browsers
have none) gives Python's answers."""

import hashlib
import json
import os
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.contrib.staticfiles import finders
from playwright.sync_api import expect

from copies import export, signing
from testing.factories import make_article

pytestmark = pytest.mark.e2e

PREFIX = "/mirror/"
LENGTHS = [0, 1, 3, 63, 64, 65, 111, 112, 127, 128, 129, 255, 256, 257, 1000, 4096, 70001]


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def signing_key(settings, tmp_path, monkeypatch):
    monkeypatch.delenv("SAMIZDAT_SIGNING_KEY", raising=False)
    key = signing.SecretKey.generate()
    (tmp_path / "signing.key").write_text(key.as_file())
    settings.SIGNING_KEY_FILE = str(tmp_path / "signing.key")
    return key


@pytest.fixture
def copy(tmp_path, site_skeleton, signing_key):
    """(folder, address of its check page) for a signed copy on a plain file server."""
    article = make_article("Навіна для праверкі", lede="Сапраўдны тэкст.")
    folder = tmp_path / "www" / PREFIX.strip("/")
    export.export(folder, key=signing_key)
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), partial(QuietHandler, directory=tmp_path / "www")
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    # Chromium counts *.localhost as a secure context, as it does an https mirror.
    yield folder, article, f"http://check.localhost:{server.server_port}{PREFIX}"
    server.shutdown()
    server.server_close()


def run_check(page, address, key=None):
    page.goto(address + "be/check-copy/index.html")
    if key is not None:
        page.locator("#copy-check-key").fill(key)
    page.get_by_role("button", name="Праверыць гэтую копію").click()
    verdict = page.locator("#copy-check[data-verdict]:not([data-verdict=''])")
    expect(verdict).to_be_attached(timeout=30_000)
    return verdict.get_attribute("data-verdict"), page.locator("#copy-check-status").inner_text()


def test_blake2b_in_the_browser_gives_pythons_digests(page):
    page.goto("about:blank")
    page.add_script_tag(path=finders.find("copies/blake2b.js"))
    samples = [os.urandom(length) for length in LENGTHS]
    digests = page.evaluate(
        """samples => samples.map(bytes => Array.from(
            window.samizdatBlake2b(Uint8Array.from(bytes)),
            b => b.toString(16).padStart(2, "0")).join(""))""",
        [list(sample) for sample in samples],
    )
    assert digests == [hashlib.blake2b(sample).hexdigest() for sample in samples]


def test_a_reader_finds_the_copy_genuine(page, copy, signing_key):
    folder, article, address = copy
    page.goto(address + f"be/news/{article.slug}/index.html")
    page.get_by_role("link", name="Праверыць, ці сапраўдная гэтая копія").click()
    expect(page.locator("#copy-check-key")).to_have_value(signing_key.public.as_base64())
    expect(page.get_by_text(signing_key.public.fingerprint)).to_be_visible()

    verdict, status = run_check(page, address)
    files = json.loads((folder / "manifest.json").read_text())["files"]
    assert verdict == "good"
    assert f"{len(files)}" in status
    assert page.locator("#copy-check-problems li").count() == 0


def test_one_changed_byte_in_a_page_is_named(page, copy):
    folder, article, address = copy
    name = f"be/news/{article.slug}/index.html"
    body = (folder / name).read_bytes()
    (folder / name).write_bytes(body.replace("Сапраўдны".encode(), "Фальшывы".encode(), 1))
    (folder / "be" / "feed" / "index.xml").unlink()

    verdict, _ = run_check(page, address)
    assert verdict == "bad"
    problems = page.locator("#copy-check-problems li").all_inner_texts()
    assert len(problems) == 2
    assert any(name in problem for problem in problems)
    assert any("be/feed/index.xml" in problem for problem in problems)


def test_a_forged_list_of_files_is_refused(page, copy):
    folder, article, address = copy
    manifest = json.loads((folder / "manifest.json").read_text())
    name = f"be/news/{article.slug}/index.html"
    (folder / name).write_text("<p>Фальшывая навіна</p>")
    manifest["files"][name] = hashlib.sha256((folder / name).read_bytes()).hexdigest()
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True))

    verdict, status = run_check(page, address)
    assert verdict == "bad"
    assert page.locator("#copy-check-problems li").count() == 0


def test_a_copy_signed_by_another_key_is_refused(page, copy, signing_key):
    _, _, address = copy
    other = signing.SecretKey.generate().public
    verdict, status = run_check(page, address, key=other.as_base64())
    assert verdict == "bad"
    assert signing_key.public.fingerprint in status  # it names the key that did sign

    verdict, status = run_check(page, address, key="not a key")
    assert verdict == "unknown"
