"""An administrator adds a mirror in the admin; a reader then reads through it in Chromium.

Chromium sends any *.localhost name to the loopback address, so the live server can be
reached under a second host name without touching DNS.
"""

from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from mirrors import hosts
from mirrors.models import MirrorHost
from samizdat.allowed_hosts import ConfiguredHosts
from testing.factories import make_article, make_image

pytestmark = pytest.mark.e2e

MIRROR = "mirror.localhost"


@pytest.fixture
def mirrorable(site, settings):
    """ALLOWED_HOSTS as production has it; the test environment made it a plain list."""
    settings.ALLOWED_HOSTS = ConfiguredHosts(["localhost", "127.0.0.1"])
    hosts.forget()
    yield site
    hosts.forget()


def add_mirror_in_admin(page, site):
    User.objects.create_superuser("admin", password="pass-for-tests-only")
    page.goto(f"{site.url}/admin/login/")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", "pass-for-tests-only")
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(f"{site.url}/admin/")
    page.goto(f"{site.url}/admin/settings/mirrors/mirrorsettings/")
    page.locator("#id_hosts-ADD").click()
    page.fill("#id_hosts-0-host", f"https://{MIRROR}/")
    page.locator("form button[type=submit]").last.click()
    expect(page.locator(".messages")).to_be_visible()


def test_a_mirror_added_in_the_admin_serves_readers_who_stay_on_it(page, browser, mirrorable):
    story = make_article(title="Навіна праз люстэрка", image=make_image(size=(1200, 675)))
    add_mirror_in_admin(page, mirrorable)
    assert list(MirrorHost.objects.values_list("host", flat=True)) == [MIRROR]

    reader = browser.new_context(locale="be-BY").new_page()
    requested = []
    reader.on("request", lambda request: requested.append(request.url))
    port = urlsplit(mirrorable.url).port
    reader.goto(f"http://{MIRROR}:{port}/be/")
    reader.get_by_role("link", name="Навіна праз люстэрка").first.click()
    reader.wait_for_url(f"http://{MIRROR}:{port}{story.url}")
    reader.wait_for_load_state("networkidle")
    reader.locator(".site-footer").get_by_role("link", name="Калі сайт заблакаваны").click()
    expect(reader.get_by_role("heading", name="Калі сайт заблакаваны")).to_be_visible()
    expect(reader.locator(".mirror-list")).to_contain_text(f"https://{MIRROR}")
    reader.context.close()

    assert len(requested) > 5  # pages, the stylesheet, scripts, photos, beacons
    assert {urlsplit(url).hostname for url in requested} == {MIRROR}
