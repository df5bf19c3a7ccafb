"""A translator opening a fresh translation sees, above the headline, what is still untranslated."""

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale

from e2e.test_admin import sign_in
from testing.factories import make_article

pytestmark = pytest.mark.e2e


def test_the_language_check_stands_above_the_headline_of_a_fresh_translation(browser, site):
    original = make_article(
        title="Ці могуць вярнуць юрыстаў у Гомель",
        lede="Юрысты з Гомеля расказваюць, як іх пазбаўляюць ліцэнзій.",
    )
    english = original.copy_for_translation(Locale.objects.get(language_code="en"))
    english.save_revision()
    page, _ = sign_in(browser, site, language="be")
    page.goto(f"{site.url}/admin/pages/{english.pk}/edit/")
    check = page.locator("[data-language-check]")
    expect(check).to_be_visible()
    expect(check).to_contain_text("Загаловак (беларуская)")
    expect(check).to_contain_text("Лід (беларуская)")
    # The check comes before the headline field, where a translator starts.
    headline = page.locator("#id_title")
    assert check.bounding_box()["y"] < headline.bounding_box()["y"]
