"""A reader of a live blog on a mirror host sees a new entry arrive without reloading.

Chromium sends any *.localhost name to the loopback address, so the live server is read
under a mirror's host name without touching DNS.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from playwright.sync_api import expect

from testing.live import make_live_blog, post

pytestmark = pytest.mark.e2e

MIRROR = "live-mirror.localhost"
PASSWORD = "pass-for-tests-only"


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


def test_an_editors_edit_and_deletion_reach_the_open_page_without_reload(
    page, browser, mirror_site, site
):
    blog = make_live_blog()
    pinned = post(blog, "Першая версія.", pinned=True)
    wrong = post(blog, "Памылковае паведамленне.")
    page.goto(f"{mirror_site}{blog.live_path}")
    expect(page.locator("#updates .live-entry")).to_have_count(2)
    page.evaluate("window.sameDocument = true")
    desk = editor_page(browser, site)

    desk.goto(f"{site.url}/admin/live/{blog.pk}/{pinned.pk}/")
    text = desk.locator(".live-entry-form [contenteditable=true]").first
    text.click()
    desk.keyboard.press("ControlOrMeta+a")
    desk.keyboard.insert_text("Выпраўленая версія.")
    # Draftail writes its form field a moment after the typing.
    expect(desk.locator(".live-entry-form input[name=text]")).to_have_value(
        re.compile("Выпраўленая версія.")
    )
    desk.locator(".live-entry-form button[type=submit]").first.click()
    expect(desk.locator(".messages")).to_be_visible()

    for copy in (f"#update-{pinned.pk}", f"#pinned-update-{pinned.pk}"):
        expect(page.locator(copy)).to_contain_text("Выпраўленая версія.", timeout=15000)
        expect(page.locator(copy)).not_to_contain_text("Першая версія.")
    expect(page.locator(f"#pinned-update-{pinned.pk} .live-entry__key")).to_be_visible()

    desk.goto(f"{site.url}/admin/live/{blog.pk}/{wrong.pk}/delete/")
    desk.locator("form button.no[type=submit]").click()
    expect(desk.locator(".messages")).to_be_visible()

    expect(page.locator(f"#update-{wrong.pk}")).to_have_count(0, timeout=15000)
    expect(page.locator("#updates .live-entry")).to_have_count(1)
    expect(page.locator("[data-live-new]")).to_be_hidden(), "a change is not a new update"
    assert page.evaluate("window.sameDocument") is True
    desk.context.close()


def editor_page(browser, site):
    """An editor signed in through the admin's form, in a browser of their own."""
    User.objects.create_user("live-desk", password=PASSWORD, is_staff=True, is_superuser=True)
    desk = browser.new_context(locale="be-BY").new_page()
    desk.goto(f"{site.url}/admin/login/")
    desk.fill("input[name=username]", "live-desk")
    desk.fill("input[name=password]", PASSWORD)
    desk.locator("input[name=password]").press("Enter")
    expect(desk).not_to_have_url(re.compile("/login/"))
    return desk
