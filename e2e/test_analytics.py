"""Analytics in a real browser: the leaving beacon a reader's Chromium sends, and the
editors' dashboard (no other origin, no serious accessibility problem, screenshots).

Set ANALYTICS_SCREENSHOTS to a folder to keep screenshots of the dashboard pages.
"""

import os
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect
from wagtail.rich_text import RichText

from e2e.test_accessibility import AXE_PATH, axe_source, problems  # noqa: F401 (a fixture)
from e2e.test_admin import same_origin, sign_in
from readership import clock, engagement
from readership.buffers import current_buffer
from readership.flush import flush
from readership.models import EngagementHour
from testing.factories import make_article

pytestmark = pytest.mark.e2e
SECRET = "tg-secret-7731"
# Headless Chromium says so in its agent, and known robots are not counted.
READER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36"


def test_a_reader_leaving_sends_engaged_time_scroll_and_a_referrer_domain(browser, site):
    article = make_article(
        title="Доўгі артыкул",
        body=[("paragraph", RichText("<p>" + "Абзац тэксту. " * 80 + "</p>"))] * 12,
    )
    context = browser.new_context(
        locale="be-BY", viewport={"width": 1000, "height": 700}, user_agent=READER_AGENT
    )
    requested = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    with page.expect_response(lambda r: r.url.endswith("/api/readership/beacon")) as viewed:
        page.goto(site.url + article.url, referer=f"https://t.me/s/channel/9?token={SECRET}")
    assert viewed.value.status == 202
    for _ in range(7):  # a reader scrolling for seven seconds: engaged, and to the end
        page.mouse.wheel(0, 4000)
        page.wait_for_timeout(1000)
    # The reader closes the tab: pagehide sends it. (A beacon sent while headless Chromium
    # navigated away did not arrive in our runs; closing the tab is the same event.)
    page.close(run_before_unload=True)
    deadline = time.monotonic() + 15
    while not leaves_waiting():
        assert time.monotonic() < deadline, "no leaving beacon was counted"
        time.sleep(0.2)
    cookies = context.cookies()
    context.close()
    assert cookies == []
    assert all(same_origin(url, site.url) for url in requested)
    flush(clock.now() + timedelta(hours=2))
    row = EngagementHour.objects.get(article=article)
    assert (row.views, row.leaves, row.referrer, row.scroll_100) == (1, 1, "t.me", 1)
    assert row.engaged_seconds in (5, 10)
    stored = repr(list(EngagementHour.objects.values_list()))
    assert SECRET not in stored and "127.0.0.1" not in stored and "Mozilla" not in stored


def leaves_waiting():
    """Leaving beacons in the buffer (Redis or the database) of this hour, not yet flushed."""
    counts = current_buffer().engagement_counts(clock.hour_of(clock.now()))
    return sum(row["leaves"] for row in engagement.as_rows(counts).values())


def test_the_dashboard_asks_nothing_elsewhere_and_reads_well(browser, site, axe_source):  # noqa: F811
    for number in range(6):
        make_article(title=f"Навіна {number}", published_at=clock.now() - timedelta(days=number))
    call_command("load_analytics_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    page, requested = sign_in(
        browser, site, language="be", viewport={"width": 1400, "height": 3000}
    )
    page.context.route(
        f"{site.url}{AXE_PATH}",
        lambda route: route.fulfill(body=axe_source, content_type="text/javascript"),
    )
    article = EngagementHour.objects.order_by("-views").first().article_id
    shots = os.environ.get("ANALYTICS_SCREENSHOTS")
    found = []
    for name, path in [
        ("real-time", "/admin/analytics/"),
        ("article", f"/admin/analytics/article/{article}/"),
        ("sections", "/admin/analytics/period/?by=section"),
        ("authors", "/admin/analytics/period/?by=author"),
        ("weekly", "/admin/analytics/weekly/"),
    ]:
        response = page.goto(site.url + path)
        assert response.status == 200, path
        expect(page.locator("svg.analytics-chart").first).to_be_visible()
        page.wait_for_load_state("networkidle")
        found += problems(page, path)
        if shots:
            Path(shots).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(Path(shots) / f"analytics-{name}.png"), full_page=True)
    assert not found, "axe found serious or critical problems:\n" + "\n".join(found)
    assert [url for url in requested if not same_origin(url, site.url)] == []
    page.context.close()
