"""axe-core finds no serious or critical accessibility problem on the reader's pages.

The main page, All news, search results, an article with its comments in view and the typo
dialog open are checked in each language, the main page and the article also on a phone.
axe is served to the page from our own origin by the browser's router, so the site's
Content-Security-Policy stays exactly as readers get it.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from comments.models import Comment, Status, refresh_comment_count
from testing.factories import make_article, make_image, translate_article

pytestmark = pytest.mark.e2e

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
AXE_PATH = "/__axe__/axe.min.js"
BAD = {"serious", "critical"}
TITLES = {
    "be": ("Вясна ў Гродне", "Школы ў Віцебску", "Рэкі Палесся"),
    "ru": ("Весна в Гродно", "Школы в Витебске", "Реки Полесья"),
    "en": ("Spring in Hrodna", "Schools in Vitsebsk", "Rivers of Palesse"),
}
COMMENT = {
    "be": ("Чытач з Маладзечна, які не хоча называць сваё імя", "Дзякуй.\nТрымайцеся!"),
    "ru": ("Читатель из Молодечно, который не хочет называть имя", "Спасибо.\nДержитесь!"),
    "en": ("A reader from Maladzechna who keeps their name", "Thank you.\nHold on!"),
}
SELECT_WORD = """(selector) => {
    const area = document.querySelector(selector);
    const walker = document.createTreeWalker(area, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode;
        const at = node.data.search(/\\S{4,}/);
        if (at >= 0) {
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + node.data.slice(at).search(/\\s|$/));
            getSelection().removeAllRanges();
            getSelection().addRange(range);
            return range.toString();
        }
    }
    throw new Error("no word in " + selector);
}"""


@pytest.fixture(scope="module")
def axe_source():
    """axe-core as npm installed it (make test runs npm ci); like Chromium, required in CI."""
    if not AXE.exists():
        why = f"{AXE} is missing: run `make node_modules/.installed` (needs npm)"
        if not shutil.which("npm"):
            why += "; npm is not installed"
        if os.environ.get("E2E_REQUIRED"):
            pytest.fail(why)
        pytest.skip(why)
    return AXE.read_text(encoding="utf-8")


@pytest.fixture
def newsroom(site):
    """Three stories in each language, with a photo; the first has comments."""
    image = make_image(size=(800, 450))
    stories = {"be": [], "ru": [], "en": []}
    for number in range(3):
        original = make_article(
            title=TITLES["be"][number], lede="Першы абзац.", image=image if number < 2 else None
        )
        stories["be"].append(original)
        for language in ["ru", "en"]:
            stories[language].append(
                translate_article(original, language, TITLES[language][number])
            )
    for language, (name, text) in COMMENT.items():
        article = stories[language][0]
        for author in (name, ""):
            Comment.objects.create(
                article=article,
                author_name=author,
                text=text,
                status=Status.PUBLISHED,
                client="0" * 32,
                language=language,
            )
        refresh_comment_count(article.pk)
    return stories


@pytest.fixture
def reader(axe_source, browser, site):
    context = browser.new_context(locale="be-BY", viewport={"width": 1280, "height": 900})
    context.route(
        f"{site.url}{AXE_PATH}",
        lambda route: route.fulfill(body=axe_source, content_type="text/javascript"),
    )
    page = context.new_page()
    yield page
    context.close()


def problems(page, where):
    """Serious and critical violations axe finds on the page as it is now, described."""
    page.add_script_tag(url=AXE_PATH)
    result = page.evaluate("() => axe.run(document, { resultTypes: ['violations'] })")
    found = []
    for violation in result["violations"]:
        if violation["impact"] not in BAD:
            continue
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"]]
        found.append(
            f"{where}: {violation['id']} ({violation['impact']}): {violation['help']}\n"
            + "\n".join(f"    {target}" for target in targets)
        )
    return found


def open_page(page, site, path):
    page.goto(f"{site.url}{path}")
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("language", ["be", "ru", "en"])
def test_reader_pages_have_no_serious_accessibility_problems(reader, site, newsroom, language):
    found = []
    open_page(reader, site, f"/{language}/")
    found += problems(reader, f"/{language}/")

    open_page(reader, site, f"/{language}/news/")
    found += problems(reader, f"/{language}/news/")

    open_page(reader, site, f"/{language}/search/?q={TITLES[language][0].split()[0]}")
    expect(reader.locator(".search-results li")).not_to_have_count(0)
    found += problems(reader, f"/{language}/search/")

    article = newsroom[language][0]
    open_page(reader, site, article.url)
    comments = reader.locator("#comments")
    comments.scroll_into_view_if_needed()
    expect(comments.locator(".comment")).to_have_count(2)
    reader.locator(".comment__report").first.click()
    expect(reader.locator(".report-inline")).to_be_visible()
    found += problems(reader, f"{article.url}#comments")

    reader.evaluate(SELECT_WORD, ".article__body")
    reader.keyboard.press("Control+Enter")
    expect(reader.locator("#typo-dialog")).to_be_visible()
    expect(reader.locator("#typo-dialog mark")).not_to_be_empty()
    found += problems(reader, f"{article.url} typo dialog")

    reader.keyboard.press("Escape")
    reader.set_viewport_size({"width": 390, "height": 800})  # a phone: one column
    for path in [f"/{language}/", article.url]:
        open_page(reader, site, path)
        found += problems(reader, f"{path} at 390 px")

    assert not found, "axe found serious or critical problems:\n" + "\n".join(found)


def test_popular_tabs_move_with_arrow_keys(reader, site):
    open_page(reader, site, "/be/")
    tabs = reader.get_by_role("tab")
    expect(tabs).to_have_count(2)
    expect(tabs.nth(1)).to_have_attribute("tabindex", "-1")  # one Tab stop for the tab list
    tabs.first.focus()
    reader.keyboard.press("ArrowRight")
    expect(tabs.nth(1)).to_be_focused()
    expect(tabs.nth(1)).to_have_attribute("aria-selected", "true")
    expect(reader.locator("#most-liked")).to_be_visible()
    expect(reader.locator("#most-read")).to_be_hidden()
    reader.keyboard.press("ArrowRight")  # past the last tab, round to the first
    expect(tabs.first).to_be_focused()
    expect(reader.locator("#most-read")).to_be_visible()
    reader.keyboard.press("End")
    expect(tabs.nth(1)).to_have_attribute("aria-selected", "true")
    reader.keyboard.press("Home")
    expect(tabs.first).to_have_attribute("aria-selected", "true")
    expect(tabs.first).to_have_attribute("tabindex", "0")
