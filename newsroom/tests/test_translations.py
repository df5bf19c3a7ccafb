"""Linked translations: the language switcher, hreflang and per-language names."""

import pytest
from wagtail.models import Locale

from testing.factories import make_article, make_author, section, translate_article

pytestmark = pytest.mark.django_db


def switcher_links(html):
    start = html.index('class="languages"')
    return html[start : html.index("</nav>", start)]


def test_switcher_leads_to_the_same_article_in_another_language(client, homes):
    article = make_article(title="Выбары ў Гродне")
    russian = translate_article(article, "ru", "Выборы в Гродно")
    links = switcher_links(client.get(article.url).content.decode())
    assert f'href="{russian.url}" hreflang="ru"' in links
    # No English translation: the switcher leads to the English main page instead.
    assert 'href="/en/" hreflang="en"' in links


def test_hreflang_alternates_name_only_real_translations(client, homes):
    article = make_article(title="Выбары ў Гродне")
    russian = translate_article(article, "ru", "Выборы в Гродно")
    html = client.get(russian.url).content.decode()
    # Search engines take only absolute alternates: on the host the page was read on.
    be = f"http://testserver{article.url}"
    assert f'<link rel="alternate" hreflang="be" href="{be}">' in html
    ru = f"http://testserver{russian.url}"
    assert f'<link rel="alternate" hreflang="ru" href="{ru}">' in html
    assert 'hreflang="en"' not in html.split("</head>")[0]


def test_unpublished_translation_is_not_offered(client, homes):
    article = make_article()
    draft = article.copy_for_translation(Locale.objects.get(language_code="en"))
    draft.title = "Draft"
    draft.save_revision()
    links = switcher_links(client.get(article.url).content.decode())
    assert 'href="/en/" hreflang="en"' in links


def test_translated_article_is_filed_under_its_own_languages_section(homes):
    article = make_article(section_slug="culture")
    english = translate_article(article, "en", "A new theatre season")
    assert english.section == section("culture", "en")
    assert english.url.startswith("/en/news/")


def test_byline_shows_the_authors_name_in_the_articles_language(client, homes):
    author = make_author("Ганна Лясная")
    english_name = author.copy_for_translation(Locale.objects.get(language_code="en"))
    english_name.name = "Hanna Liasnaja"
    english_name.save()
    article = make_article(authors=[author])
    english = translate_article(article, "en", "News of the day")
    assert "Ганна Лясная" in client.get(article.url).content.decode()
    assert "Hanna Liasnaja" in client.get(english.url).content.decode()


@pytest.mark.parametrize(
    ("language", "label"), [("be", "Галоўная"), ("ru", "Главная"), ("en", "Main")]
)
def test_interface_speaks_the_readers_language(client, homes, language, label):
    html = client.get(f"/{language}/").content.decode()
    assert f">{label}</a>" in html
