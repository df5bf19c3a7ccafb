"""The admin speaks the editor's language: with the account in be or ru, the pages an editor
works in show no English word, in their text or in what a screen reader says of them.

Wagtail's own Belarusian catalogue leaves many strings untranslated; ours fill the gaps
(samizdat/wagtail_locale). This test finds any that come back, a Wagtail upgrade's new strings
included, by reading the pages as a browser draws them, side panels and dialogs opened."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect
from wagtail.models import Task, Workflow

from e2e.test_admin import sign_in
from samizdat import wagtail_gaps
from testing.factories import make_article, make_author, make_image, news_index

pytestmark = pytest.mark.e2e

# Latin words that are names, not English: ours, Wagtail's, a language's own name, a news
# agency's, time zones' and image formats'.
ALLOWED = {"Samizdat", "Wagtail", "English", "UTC", "GMT", "AP"}
ALLOWED |= {"AVIF", "GIF", "JPG", "JPEG", "PNG", "WEBP", "SVG", "HEIC"}  # image formats
# What is not a word of prose: addresses, paths, file names, time-zone names.
NOT_PROSE = re.compile(r"\S+@\S+|\S*://\S*|\S*/\S*|\S+\.(?:png|jpe?g|gif|webp|avif)\b", re.I)
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’]+")

# Text nodes and labels a sighted editor or a screen reader meets on the page.
SHOWN = """() => {
    // An iframe's own text is a fallback no browser shows; its page is the reader's, not ours.
    const HIDDEN = "script, style, template, noscript, iframe";
    const shown = [document.title];
    // A closed dropdown's items count too: the editor opens it with one click.
    const seen = (element) =>
        element.checkVisibility({visibilityProperty: true}) ||
        element.closest("[data-w-dropdown-target=content]") !== null;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const element = walker.currentNode.parentElement;
        const text = walker.currentNode.textContent.trim();
        if (text && element && !element.closest(HIDDEN) && seen(element)) {
            shown.push(text);
        }
    }
    const labelled = "[aria-label], [placeholder], [title], [alt], [data-placeholder]";
    for (const element of document.body.querySelectorAll(labelled)) {
        if (!seen(element)) continue;
        for (const name of ["aria-label", "placeholder", "title", "alt", "data-placeholder"]) {
            if (element.getAttribute(name)) shown.push(element.getAttribute(name));
        }
    }
    return shown;
}"""


def named_by_the_newsroom():
    """Words of names the site's administrators give and can change (Settings → Workflows),
    not Wagtail's interface: Wagtail's own migration names its default workflow in English."""
    names = [*Workflow.objects.values_list("name", flat=True)]
    names += Task.objects.values_list("name", flat=True)
    return {word for name in names for word in LATIN_WORD.findall(name)}


def english_words(texts):
    """Latin-alphabet words in the texts, with the text each came from."""
    found = {}
    allowed = ALLOWED | named_by_the_newsroom()
    for text in texts:
        for word in LATIN_WORD.findall(NOT_PROSE.sub(" ", text)):
            if word not in allowed:
                found.setdefault(word, text[:120])
    return found


class Reading:
    """What one editor's browser showed, page by page, in English words."""

    def __init__(self, page, url):
        self.page = page
        self.url = url
        self.english = {}

    def read(self, where):
        for word, text in english_words(self.page.evaluate(SHOWN)).items():
            self.english.setdefault(f"{where}: {text!r}", set()).add(word)

    def visit(self, path, where=None):
        response = self.page.goto(f"{self.url}{path}")
        assert response.status == 200, path
        self.page.wait_for_load_state("networkidle")
        self.read(where or path)

    def ask_scripts(self, where):
        """The admin's scripts speak through gettext() from its JavaScript catalogue: ask it
        for each of their strings editors meet (autosave, comments, the rich text's hint)."""
        english = self.page.evaluate(
            "(asked) => asked.filter((msgid) => window.django.gettext(msgid) === msgid)",
            wagtail_gaps.scripts_msgids(),
        )
        for msgid in english:
            self.english.setdefault(f"{where}, scripts: {msgid!r}", set()).add(msgid)

    def open_side_panels(self, where):
        for panel in ("status", "preview", "checks", "comments"):
            toggle = self.page.locator(f"[data-side-panel-toggle={panel}]")
            if toggle.count():
                toggle.click()
                expect(self.page.locator(f"[data-side-panel={panel}]")).to_be_visible()
                self.read(f"{where}, {panel} panel")

    def open_chooser(self, field, where):
        """A chooser's modal (image library, authors), read as it opens over the form."""
        self.page.locator(f"#id_{field}-chooser [data-chooser-action-choose]").first.click()
        expect(self.page.locator(".modal-dialog")).to_be_visible()
        self.page.wait_for_load_state("networkidle")
        self.read(f"{where}, {field} chooser")
        self.page.locator(".modal-dialog button.close").click()
        expect(self.page.locator(".modal-dialog")).to_have_count(0)

    def open_schedule(self, where):
        self.page.locator("[data-side-panel-toggle=status]").click()
        self.page.locator("[data-a11y-dialog-show=schedule-publishing-dialog]").first.click()
        expect(self.page.locator("#schedule-publishing-dialog")).to_be_visible()
        self.read(f"{where}, schedule dialog")
        self.page.keyboard.press("Escape")


@pytest.fixture
def desk(site):
    image = make_image(title="Плошча")
    article = make_article(title="Паводка на Прыпяці", image=image, authors=[make_author()])
    return {"image": image, "article": article, "news": news_index()}


def read_the_desk(browser, site, desk, language):
    page, _ = sign_in(browser, site, language=language, viewport={"width": 1400, "height": 900})
    reading = Reading(page, site.url)
    news, article, image = desk["news"], desk["article"], desk["image"]

    reading.visit("/admin/", "dashboard")
    reading.visit(f"/admin/pages/add/newsroom/articlepage/{news.pk}/", "new article")
    reading.ask_scripts("new article")
    reading.open_side_panels("new article")
    reading.open_schedule("new article")
    reading.open_chooser("lead_image", "new article")
    page.locator("#id_bylines-ADD").click()
    reading.open_chooser("bylines-0-author", "new article")
    reading.visit(f"/admin/pages/{article.pk}/edit/", "article")
    reading.open_side_panels("article")
    reading.open_schedule("article")
    reading.visit(f"/admin/pages/{news.pk}/", "All news")
    reading.visit("/admin/images/", "images")
    reading.visit(f"/admin/images/{image.pk}/", "image")
    reading.visit("/admin/images/multiple/add/", "image upload")
    reading.visit("/admin/snippets/newsroom/author/", "authors")
    reading.visit(f"/admin/pages/{article.pk}/history/", "history")
    translate = reverse("simple_translation:submit_page_translation", args=[article.pk])
    reading.visit(translate, "translate")
    reading.visit("/admin/account/", "account")
    reading.visit(f"/admin/pages/search/?q={article.title}", "search")
    page.context.close()
    return reading.english


@pytest.mark.parametrize("language", ["be", "ru"])
def test_the_admin_shows_no_english_word(browser, site, desk, language):
    english = read_the_desk(browser, site, desk, language)
    listed = "\n".join(f"{where} -> {sorted(words)}" for where, words in sorted(english.items()))
    assert english == {}, f"English in the {language} admin:\n{listed}"


@pytest.mark.parametrize("browser_language", ["be-BY", "ru-RU"])
def test_the_sign_in_page_shows_no_english_word(browser, site, browser_language):
    # Before signing in there is no account to ask: the browser's language decides.
    context = browser.new_context(locale=browser_language)
    reading = Reading(context.new_page(), site.url)
    reading.visit("/admin/login/", "sign-in")
    reading.visit("/admin/password_reset/", "password reset")
    context.close()
    listed = "\n".join(f"{where} -> {sorted(words)}" for where, words in reading.english.items())
    assert reading.english == {}, f"English on the {browser_language} sign-in page:\n{listed}"
