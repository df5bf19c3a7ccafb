"""A reader of a live blog on a mirror host sees a new entry arrive without reloading.

Chromium sends any *.localhost name to the loopback address, so the live server is read
under a mirror's host name without touching DNS.
"""

from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from testing.live import make_live_blog, post

pytestmark = pytest.mark.e2e

MIRROR = "live-mirror.localhost"


@pytest.fixture
def mirror_site(site, settings):
    settings.ALLOWED_HOSTS = ["localhost", "127.0.0.1", MIRROR]
    settings.LIVE_POLL_SECONDS = 1
    port = urlsplit(site.url).port
    return f"http://{MIRROR}:{port}"


def test_new_entries_are_offered_as_new_updates_and_shown_newest_first(page, mirror_site):
    blog = make_live_blog()
    post(blog, "Першае паведамленне.")
    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).hostname))
    page.goto(f"{mirror_site}{blog.live_path}")
    expect(page.locator(".live-entry")).to_have_count(1)
    page.evaluate("window.sameDocument = true")

    post(blog, "Другое паведамленне.")

    button = page.locator(".live-new__button")
    expect(button).to_have_text("1 новае абнаўленне", timeout=15000)
    expect(page.locator(".live-entry")).to_have_count(1), "offered, not jumped into the list"
    post(blog, "Трэцяе паведамленне.")
    expect(button).to_have_text("2 новыя абнаўленні", timeout=15000)
    button.click()
    expect(page.locator(".live-entry")).to_have_count(3)
    expect(page.locator(".live-entry").nth(0)).to_contain_text("Трэцяе паведамленне.")
    expect(page.locator(".live-entry").nth(1)).to_contain_text("Другое паведамленне.")
    expect(page.locator("[data-live-new]")).to_be_hidden()
    assert page.evaluate("window.sameDocument") is True
    assert hosts == {MIRROR}, hosts


def test_without_javascript_a_reload_shows_the_new_entry(browser, mirror_site):
    blog = make_live_blog()
    post(blog, "Першае паведамленне.")
    context = browser.new_context(java_script_enabled=False, locale="be-BY")
    reader = context.new_page()
    reader.goto(f"{mirror_site}{blog.live_path}")
    expect(reader.locator(".live-entry")).to_have_count(1)

    post(blog, "Трэцяе паведамленне.")
    call_command("worker", "--once")
    reader.reload()

    expect(reader.locator(".live-entry").first).to_contain_text("Трэцяе паведамленне.")
    context.close()
