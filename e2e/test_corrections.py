"""A reader reports a typo with Ctrl+Enter; the editors find it in their queue."""

import pytest
from django.contrib.auth.models import Group, Permission, User
from playwright.sync_api import expect
from wagtail.rich_text import RichText

from testing.factories import make_article

pytestmark = pytest.mark.e2e

WORD = "фэстываль"
BODY = f"<p>Улетку ў Менску прайшоў <b>{WORD}</b> вулічнай музыкі.</p><p>Другі абзац.</p>"
SELECT_JS = """([selector, word]) => {
    const area = document.querySelector(selector);
    const walker = document.createTreeWalker(area, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode;
        const at = node.data.indexOf(word);
        if (at >= 0) {
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + word.length);
            getSelection().removeAllRanges();
            getSelection().addRange(range);
            return;
        }
    }
    throw new Error("not found: " + word);
}"""


@pytest.fixture
def story(site):
    return make_article(
        title="Фестываль у Менску",
        lede="Тысячы гледачоў.",
        body=[("paragraph", RichText(BODY))],
    )


def open_story(page, site, story):
    page.goto(f"{site.url}{story.url}")
    page.wait_for_load_state("networkidle")


def dialog(page):
    return page.get_by_role("dialog", name="Заўвага")


def editors_group():
    """The Editors group as the migrations make it; earlier browser tests empty the database."""
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(
            content_type__app_label="corrections",
            codename__in=["view_typoreport", "change_typoreport"],
        ),
    )
    return editors


def log_in_as_editor(page, site):
    user = User.objects.create_user("editor", password="pass-for-tests-only")
    user.groups.add(editors_group())
    page.goto(f"{site.url}/admin/login/")
    page.fill("input[name=username]", "editor")
    page.fill("input[name=password]", "pass-for-tests-only")
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(f"{site.url}/admin/")


def test_reader_reports_a_typo_and_editors_find_it(page, site, story):
    open_story(page, site, story)
    page.locator(".article__body b").dblclick()
    page.keyboard.press("Control+Enter")
    expect(dialog(page)).to_be_visible()
    assert dialog(page).locator("mark").inner_text() == WORD
    assert "прайшоў" in dialog(page).locator("[data-quote]").inner_text()
    page.get_by_label("Ваш каментар (неабавязкова)").fill("Па-беларуску «фестываль».")
    dialog(page).get_by_role("button", name="Паведаміць").click()
    expect(dialog(page).get_by_role("status")).to_have_text("Дзякуй! Рэдакцыя паглядзіць.")

    log_in_as_editor(page, site)
    page.goto(f"{site.url}/admin/typo-reports/")
    row = page.locator("tr.typo-report")
    assert row.locator("mark").inner_text() == WORD
    assert "Па-беларуску «фестываль»." in row.inner_text()
    assert page.get_by_role("heading", name="Фестываль у Менску").is_visible()
    row.get_by_role("button", name="Выпраўлена").click()
    page.wait_for_load_state()
    assert page.locator("tr.typo-report").count() == 0


def test_escape_closes_the_dialog_and_focus_returns(page, site, story):
    open_story(page, site, story)
    kicker = page.locator(".kicker a")
    kicker.focus()
    page.evaluate(SELECT_JS, [".article__body", WORD])
    page.keyboard.press("Control+Enter")
    expect(dialog(page)).to_be_visible()
    expect(page.locator("#typo-remark")).to_be_focused()
    # Tab goes round the dialog's controls and never leaves it.
    for _ in range(5):
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.closest('dialog') !== null")
    page.keyboard.press("Escape")
    expect(dialog(page)).to_be_hidden()
    expect(kicker).to_be_focused()
    # The dialog's close event comes a moment after it hides; then the selection is back.
    page.wait_for_function("(word) => getSelection().toString() === word", arg=WORD)


def test_close_button_returns_to_the_reading_place(page, site, story):
    open_story(page, site, story)
    page.locator(".article__body b").dblclick()
    page.keyboard.press("Control+Enter")
    dialog(page).get_by_role("button", name="Закрыць").click()
    expect(dialog(page)).to_be_hidden()
    expect(page.locator("#main")).to_be_focused()
    # The dialog's close event comes a moment after it hides; then the selection is back.
    page.wait_for_function("(word) => getSelection().toString() === word", arg=WORD)


def test_ctrl_enter_without_a_selection_explains_what_to_do(page, site, story):
    open_story(page, site, story)
    page.evaluate(SELECT_JS, [".site-footer", "©"])
    page.keyboard.press("Control+Enter")
    expect(dialog(page)).to_be_visible()
    assert "Вылучыце ў артыкуле тэкст з памылкай" in dialog(page).inner_text()
    assert not dialog(page).get_by_role("button", name="Паведаміць").is_visible()


def test_a_touch_reader_reports_through_the_button(browser, site, story):
    context = browser.new_context(
        locale="be-BY", has_touch=True, is_mobile=True, viewport={"width": 390, "height": 800}
    )
    page = context.new_page()
    open_story(page, site, story)
    page.evaluate(SELECT_JS, [".article__body", WORD])
    button = page.get_by_role("button", name="Паведаміць пра памылку")
    button.wait_for()
    button.tap()
    assert dialog(page).locator("mark").inner_text() == WORD
    context.close()


def test_context_keeps_words_of_neighbouring_paragraphs_apart(page, site, story):
    open_story(page, site, story)
    page.evaluate(SELECT_JS, [".article__body", "вулічнай"])
    page.keyboard.press("Control+Enter")
    expect(dialog(page)).to_be_visible()
    # The lede ends one area; within the body the two paragraphs are separate blocks.
    assert dialog(page).locator("[data-after]").inner_text().startswith(" музыкі. Другі абзац.")
    dialog(page).get_by_role("button", name="Паведаміць").click()
    expect(dialog(page).get_by_role("status")).to_have_text("Дзякуй! Рэдакцыя паглядзіць.")

    log_in_as_editor(page, site)
    page.goto(f"{site.url}/admin/typo-reports/")
    assert "вулічнай музыкі. Другі абзац." in page.locator("tr.typo-report td").first.inner_text()
