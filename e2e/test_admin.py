"""Editors at work in the admin: the preview panel shows the article, the schedule dialog's
date picker saves, and no admin page asks anything of another origin."""

import io
import re
from datetime import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from e2e import editor_flow as desk
from newsroom.models import ArticlePage
from testing.factories import make_article, make_image, news_index

pytestmark = pytest.mark.e2e

PASSWORD = "pass-for-tests-only"
HEADLINE = "Паводка на Прыпяці"
PICKED = re.compile(r"^15\.\d\d\.\d{4} 10:00$")  # the 15th, 10:00, as picked


def sign_in(browser, site, language="", **options):
    """A browser signed in through the admin's form as an editor with a name and an email
    (the account `make run` makes is of that kind); returns the page and what it requested."""
    editor = User.objects.create_user(
        "desk-editor",
        password=PASSWORD,
        email="desk-editor@example.org",
        first_name="Алеся",
        last_name="Рэдактарка",
        is_staff=True,
        is_superuser=True,
    )
    editor.groups.add(Group.objects.get(name="Editors"))
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = language
    profile.save()

    return signed_in(browser, site, "desk-editor", PASSWORD, **options)


def signed_in(browser, site, username, password, **options):
    context = browser.new_context(locale="be-BY", **options)
    requested = []
    origin = site.url

    def only_our_origin(route):
        # Recorded, and never sent: a test must not reach out either.
        requested.append(route.request.url)
        if same_origin(route.request.url, origin):
            route.continue_()
        else:
            route.abort()

    context.route("**/*", only_our_origin)
    page = context.new_page()
    page.goto(f"{site.url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(f"{site.url}/admin/")
    return page, requested


def same_origin(url, origin):
    ours = urlsplit(origin)
    theirs = urlsplit(url)
    if theirs.scheme in ("data", "blob", "about"):
        return True
    return (theirs.scheme, theirs.netloc) == (ours.scheme, ours.netloc)


@pytest.fixture
def article(site):
    return make_article(title=HEADLINE, lede="Вада падышла да хат.")


def open_preview(page):
    page.locator("[data-side-panel-toggle=preview]").click()
    frame = page.frame_locator("#w-preview-iframe")
    return frame


@pytest.mark.parametrize("size", ["desktop", "mobile"])
def test_preview_panel_shows_the_article(browser, site, article, size):
    page, _ = sign_in(browser, site, viewport={"width": 1400, "height": 900})
    page.goto(f"{site.url}/admin/pages/{article.pk}/edit/")
    frame = open_preview(page)
    size_button = page.locator(f"input[name=preview-size][value={size}]")
    page.locator("label.w-preview__size-button").filter(has=size_button).click()
    expect(size_button).to_be_checked()

    headline = frame.locator(".article__headline")
    expect(headline).to_have_text(HEADLINE, timeout=15_000)
    page.context.close()


@pytest.mark.parametrize("language", ["", "en"])
def test_editor_schedules_with_the_date_picker(browser, site, article, language):
    page, _ = sign_in(browser, site, language=language, viewport={"width": 1400, "height": 900})
    page.goto(f"{site.url}/admin/pages/{article.pk}/edit/")
    written = desk.schedule_next_month(page)  # Status → Set schedule → the picker → Save
    assert PICKED.match(written), written

    expect(page.locator(".messages .success")).to_have_count(1)
    expect(page.locator(".error-message")).to_have_count(0)
    minsk = ZoneInfo(settings.TIME_ZONE)
    draft = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert draft.go_live_at == datetime.strptime(written, settings.WAGTAIL_DATETIME_FORMAT).replace(
        tzinfo=minsk
    )
    page.context.close()


def admin_pages(article):
    image = make_image(title="Плошча")
    return [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{news_index().pk}/",
        f"/admin/pages/{article.pk}/edit/",
        "/admin/images/",
        f"/admin/images/{image.pk}/",
        "/admin/account/",
        "/admin/users/",
        "/admin/comments/",
    ]


def test_admin_pages_request_nothing_from_another_origin(browser, site, article):
    page, requested = sign_in(browser, site)
    for path in admin_pages(article):
        response = page.goto(f"{site.url}{path}")
        assert response.status == 200, path
        if path.endswith("/edit/"):
            expect(open_preview(page).locator(".article__headline")).to_have_text(HEADLINE)
        page.wait_for_load_state("networkidle")

    foreign = [url for url in requested if not same_origin(url, site.url)]
    assert any("/static/wagtailadmin/" in url for url in requested)  # the recording works
    assert foreign == []
    page.context.close()


def test_the_editor_make_run_creates_saves_its_preferences_as_they_stand(
    browser, site, settings, tmp_path
):
    settings.EDITOR_CREDENTIALS_FILE = str(tmp_path / "editor-credentials")
    call_command("ensure_editor", stdout=io.StringIO())
    password = (tmp_path / "editor-credentials").read_text().splitlines()[1]
    page, _ = signed_in(browser, site, "editor", password)

    page.goto(f"{site.url}/admin/account/")
    page.select_option("select[name=locale-preferred_language]", "en")
    page.select_option("select[name=locale-current_time_zone]", "Europe/Warsaw")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state("networkidle")

    expect(page.locator(".messages .success")).to_have_count(1)
    expect(page.locator(".error-message")).to_have_count(0)
    profile = UserProfile.get_for_user(User.objects.get(username="editor"))
    assert (profile.preferred_language, profile.current_time_zone) == ("en", "Europe/Warsaw")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.context.close()
