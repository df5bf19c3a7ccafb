"""A reader opens the main page and an article in each language."""

import pytest

from testing.factories import make_article, make_image, translate_article

pytestmark = pytest.mark.e2e

TITLES = {"be": "Вясна ў Гродне", "ru": "Весна в Гродно", "en": "Spring in Hrodna"}
MAIN_LABEL = {"be": "Галоўная", "ru": "Главная", "en": "Main"}


@pytest.fixture
def story(site):
    article = make_article(title=TITLES["be"], image=make_image(size=(800, 450)))
    for language in ["ru", "en"]:
        translate_article(article, language, TITLES[language])
    return article


@pytest.mark.parametrize("language", ["be", "ru", "en"])
def test_reader_opens_main_page_and_article(page, site, story, language):
    page.goto(f"{site.url}/{language}/")
    assert page.locator("html").get_attribute("lang") == language
    assert page.get_by_role("link", name=MAIN_LABEL[language], exact=True).is_visible()
    page.get_by_role("link", name=TITLES[language]).first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == TITLES[language]
    assert page.url.startswith(f"{site.url}/{language}/news/")


def test_language_switcher_keeps_the_story(page, site, story):
    page.goto(f"{site.url}{story.url}")
    page.locator(".languages").get_by_role("link", name="en").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == TITLES["en"]
    assert page.locator("html").get_attribute("lang") == "en"


def test_article_reads_without_javascript(browser, site, story):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site.url}{story.url}")
    assert page.locator("h1").inner_text() == TITLES["be"]
    assert page.locator(".article__lede").is_visible()
    context.close()


def test_reading_stays_on_our_origin_and_sets_no_cookie(page, site, story):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    for path in ["/be/", "/be/news/", story.url, "/en/"]:
        page.goto(f"{site.url}{path}")
        page.wait_for_load_state("networkidle")
    assert requested
    assert all(url.startswith(site.url + "/") for url in requested), requested
    assert page.context.cookies() == []
