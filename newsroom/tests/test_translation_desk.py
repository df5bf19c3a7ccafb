"""Translating an article in the admin: its own slug, and a warning for text left untranslated."""

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import rich_text, streamfield

from newsroom.language_check import foreign_passages
from newsroom.models import ArticlePage
from newsroom.slugs import slug_for
from testing.factories import article_form, make_article, member_of, section

pytestmark = pytest.mark.django_db

HEADLINE = "Ці могуць вярнуць юрыстаў у Гомель"
BELARUSIAN_TEXT = "<p>Юрысты кажуць, што ў Гомелі і Мінску справы вядуць па-рознаму.</p>"
ENGLISH_TEXT = "<p>Lawyers say that cases are handled differently in Homiel and in Minsk.</p>"
PUBLISH = {"action-publish": "action-publish"}


@pytest.fixture
def editor(client, homes):
    client.force_login(member_of("Editors", "editor"))
    return client


@pytest.fixture
def original(homes):
    return make_article(
        title=HEADLINE,
        lede="Юрысты з Гомеля расказваюць, як іх пазбаўляюць ліцэнзій.",
        body=[("paragraph", RichText(BELARUSIAN_TEXT))],
    )


def translate_in_admin(client, article, language):
    """The admin's "Translate": a copy of the page in the other language's tree."""
    locale = Locale.objects.get(language_code=language)
    url = reverse("simple_translation:submit_page_translation", args=[article.pk])
    assert client.post(url, {"locales": [locale.pk]}).status_code == 302
    return ArticlePage.objects.get(translation_key=article.translation_key, locale=locale)


def edit(client, page, title, language, body=BELARUSIAN_TEXT, lede=None, **action):
    data = article_form(
        title,
        slug=page.slug,
        lede=lede or page.lede,
        body=streamfield([("paragraph", rich_text(body))]),
        section=section("politics", language).pk,
    )
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return client.post(url, {**data, **action}, follow=True)


def test_a_translation_takes_a_slug_from_its_own_headline(editor, original):
    english = translate_in_admin(editor, original, "en")
    assert english.slug == original.slug  # what "Translate" copies
    edit(editor, english, "Can lawyers return to Homiel", "en", body=ENGLISH_TEXT, **PUBLISH)
    english.refresh_from_db()
    assert english.slug == "can-lawyers-return-to-homiel"
    assert editor.get("/en/news/can-lawyers-return-to-homiel/").status_code == 200
    assert editor.get(f"/en/news/{original.slug}/").status_code == 404


def test_a_russian_translation_is_transliterated_by_russian_rules(editor, original):
    russian = translate_in_admin(editor, original, "ru")
    edit(editor, russian, "Юристы вернутся в Гомель", "ru")
    russian.refresh_from_db()
    # Russian rules: ю is "yu" and г is "g" (Belarusian rules give "ju" and "h").
    assert russian.get_latest_revision_as_object().slug == "yuristy-vernutsya-v-gomel"
    assert slug_for("Юристы вернутся в Гомель", "be") != "yuristy-vernutsya-v-gomel"


def test_a_translated_slug_never_takes_one_already_in_use(editor, original):
    make_article(title="Can lawyers return to Homiel", language="en")
    english = translate_in_admin(editor, original, "en")
    edit(editor, english, "Can lawyers return to Homiel", "en", body=ENGLISH_TEXT, **PUBLISH)
    english.refresh_from_db()
    assert english.slug == "can-lawyers-return-to-homiel-2"
    assert english.live


def test_a_translation_keeping_the_source_headline_keeps_its_slug(editor, original):
    english = translate_in_admin(editor, original, "en")
    edit(editor, english, HEADLINE, "en")
    assert english.get_latest_revision_as_object().slug == original.slug


def test_editor_is_warned_of_text_left_in_the_source_language(editor, original):
    english = translate_in_admin(editor, original, "en")
    response = edit(
        editor,
        english,
        "Can lawyers return to Homiel",
        "en",
        lede="Lawyers from Homiel tell how their licences are taken away.",
        **PUBLISH,
    )
    english.refresh_from_db()
    assert english.live  # a warning, not a refusal
    warnings = [str(m) for m in response.context["messages"] if m.level_tag == "warning"]
    # The editor's admin speaks Belarusian.
    assert warnings == [
        "Мова гэтага артыкула — англійская, але 1 частка, здаецца, на іншай мове: "
        "Тэкст, блок 1 (беларуская). Перакладзіце яе перад публікацыяй."
    ]


def test_the_edit_form_shows_the_language_check(editor, original):
    english = translate_in_admin(editor, original, "en")
    url = reverse("wagtailadmin_pages:edit", args=[english.pk])
    check = section_of(editor.get(url).content.decode())
    # The fresh copy is Belarusian throughout: headline, lede and the paragraph.
    assert check.count("(беларуская)") == 3
    edit(
        editor,
        english,
        "Can lawyers return to Homiel",
        "en",
        body=ENGLISH_TEXT,
        lede="Lawyers from Homiel tell how their licences are taken away.",
    )
    check = section_of(editor.get(url).content.decode())
    assert "(беларуская)" not in check
    assert "Праверка мовы: усе часткі гэтага артыкула — англійская." in check


def test_a_new_article_form_says_what_the_language_check_will_do(editor):
    response = editor.get(reverse("newsroom_new_article"), follow=True)
    check = section_of(response.content.decode())
    assert "Праверка мовы: пры захаванні кожная частка артыкула правяраецца" in check


def test_an_article_in_its_own_language_raises_no_warning(editor, original):
    assert foreign_passages(original) == []
    response = edit(editor, original, HEADLINE + " зноў", "be")
    assert not [m for m in response.context["messages"] if m.level_tag == "warning"]


def test_a_caption_typed_on_the_page_is_checked_too(homes, original):
    english = original.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title, english.lede = "Can lawyers return to Homiel", "Lawyers tell their story."
    english.body = [("paragraph", RichText(ENGLISH_TEXT))]
    english.lead_caption = "Будынак суда ў Гомелі, дзе слухалі справы юрыстаў"
    assert [(str(item["where"]), str(item["language"])) for item in foreign_passages(english)] == [
        ("Галоўны здымак", "беларуская")
    ]


def section_of(html):
    start = html.index("data-language-check")
    return html[start : html.index("</div>", start)]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Юрысты кажуць, што ў Гомелі справы вядуць інакш", "be"),
        ("Сям'я з Гродна выехала ў Польшчу", "be"),
        ("Юристы говорят, что в Гомеле дела ведут иначе", "ru"),
        ("Объявление о съезде", "ru"),
        ("Lawyers say cases in Homiel are handled differently", "en"),
        ("Мост", None),  # too short to tell
        ("Вільня — Vilnius", None),  # half and half
    ],
)
def test_the_language_of_a_text_is_told_from_its_letters(text, language):
    from newsroom.languages import detect_language

    assert detect_language(text) == language
