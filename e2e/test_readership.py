"""Readers in three browsers put an article at the top of Now reading; one likes it."""

import time

import pytest
from playwright.sync_api import expect

from testing.factories import make_article

pytestmark = pytest.mark.e2e

# Three readers, each from an address of its own (one address is only a few readers however
# many browsers it has). Headless Chromium names itself in its agent, and we do not count robots.
AGENTS = [
    f"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    f"Chrome/{version}.0.0.0 Safari/537.36"
    for version in (128, 129, 130)
]


ADDRESSES = ["198.51.100.128", "198.51.100.129", "198.51.100.130"]


@pytest.fixture(autouse=True)
def behind_a_proxy(settings):
    """As behind nginx: the reader's address is the last X-Forwarded-For entry."""
    settings.TRUSTED_PROXY_HOPS = 1


def open_article(browser, site, article, agent):
    address = ADDRESSES[AGENTS.index(agent)]
    context = browser.new_context(
        locale="be-BY", user_agent=agent, extra_http_headers={"X-Forwarded-For": address}
    )
    page = context.new_page()
    with page.expect_response(lambda r: r.url.endswith("/api/readership/beacon")) as sent:
        page.goto(f"{site.url}{article.url}")
    assert sent.value.status == 202
    return context, page


def wait_for_now_reading(page, site, headlines, seconds=20):
    """Pages and the live numbers are cached for a while: reload until they have caught up.

    The page may come from the page cache; its script then asks the live endpoint, whose
    numbers are at most a few seconds old, and redraws the list. Opening the last article
    itself may have cached a board from before its own beacon, so the whole list is awaited,
    not just its first line.
    """
    deadline = time.monotonic() + seconds
    items = page.locator('[data-readership-list="now_reading"] li a')
    while True:
        page.goto(f"{site.url}/be/")
        try:
            expect(items).to_have_text(headlines, timeout=2000)
            return items
        except AssertionError:
            if time.monotonic() > deadline:
                raise


def test_article_read_in_three_browsers_tops_now_reading(browser, site):
    busy = make_article(title="Чытаюць усе")
    quiet = make_article(title="Чытае адзін")
    contexts = [open_article(browser, site, busy, agent)[0] for agent in AGENTS]
    contexts.append(open_article(browser, site, quiet, AGENTS[0])[0])

    page = contexts[0].new_page()
    items = wait_for_now_reading(page, site, ["Чытаюць усе", "Чытае адзін"])
    assert items.first.get_attribute("href") == busy.url
    for context in contexts:
        assert context.cookies() == []
        context.close()


def test_reader_likes_and_unlikes_an_article(browser, site):
    article = make_article(title="Навіна, якая спадабаецца")
    context, page = open_article(browser, site, article, AGENTS[1])
    button = page.locator(".like__button")
    count = page.locator(f'[data-readership-likes="{article.pk}"]')
    expect(button).to_be_visible()
    expect(button).to_have_attribute("aria-pressed", "false")
    expect(count).to_have_text("0")

    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")
    expect(count).to_have_text("1")

    page.reload()  # the browser remembers the like; the page itself is the same for all
    expect(button).to_have_attribute("aria-pressed", "true")
    expect(count).to_have_text("1")

    button.click()
    expect(button).to_have_attribute("aria-pressed", "false")
    expect(count).to_have_text("0")
    assert context.cookies() == []
    context.close()


def test_tabs_switch_between_most_read_and_most_liked(browser, site):
    make_article()
    context = browser.new_context(locale="be-BY", user_agent=AGENTS[2])
    page = context.new_page()
    page.goto(f"{site.url}/be/")
    tabs = page.get_by_role("tab")
    expect(tabs).to_have_text(["Больш чытаныя", "Больш лайканыя"])
    expect(page.locator("#most-read")).to_be_visible()
    expect(page.locator("#most-liked")).to_be_hidden()
    tabs.nth(1).click()
    expect(page.locator("#most-liked")).to_be_visible()
    expect(page.locator("#most-read")).to_be_hidden()
    context.close()


def test_without_javascript_both_lists_are_readable_and_nothing_is_counted(browser, site):
    article = make_article()
    context = browser.new_context(java_script_enabled=False, user_agent=AGENTS[0])
    page = context.new_page()
    sent = []
    page.on("request", lambda request: sent.append(request.url))
    page.goto(f"{site.url}{article.url}")
    expect(page.locator("#most-read-title")).to_be_visible()
    expect(page.locator("#most-liked-title")).to_be_visible()
    expect(page.locator(".like__button")).to_be_hidden()
    assert not [url for url in sent if "/api/readership/" in url]
    context.close()
