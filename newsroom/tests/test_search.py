"""Archive search in three languages, with spelling variants, highlights and odd queries."""

import pytest
from wagtail.rich_text import RichText

from newsroom.search import fold, highlight, query_terms
from testing.factories import make_article, translate_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(homes, django_capture_on_commit_callbacks):
    # The search index is updated after commit; run those callbacks inside the test.
    with django_capture_on_commit_callbacks(execute=True):
        return make_archive()


def make_archive():
    body = [("paragraph", RichText("<p>Мытнікі на мяжы затрымалі грузавік з кнігамі.</p>"))]
    border = make_article(
        title="Чарга на мяжы ў Брэсце", lede="Аўтобусы стаяць суткамі.", body=body
    )
    make_article(title="Тэатр у выгнанні", lede="Прэм'ера ў Варшаве.")
    translate_article(border, "ru", "Очередь на границе в Бресте", lede="Автобусы стоят сутками.")
    translate_article(border, "en", "Queue at the border in Brest", lede="Buses wait for days.")
    return border


def titles(client, url):
    html = client.get(url).content.decode()
    return html


def test_finds_by_headline_lede_and_body(client, archive):
    assert "Чарга на мяжы" in titles(client, "/be/search/?q=Брэсце")
    assert "Чарга на мяжы" in titles(client, "/be/search/?q=суткамі")
    assert "Чарга на мяжы" in titles(client, "/be/search/?q=грузавік")
    assert "Тэатр" not in titles(client, "/be/search/?q=грузавік")


def test_each_language_searches_its_own_edition(client, archive):
    assert "Очередь на <mark>границе</mark>" in titles(client, "/ru/search/?q=границе")
    assert "Queue at the <mark>border</mark>" in titles(client, "/en/search/?q=border")
    assert "Очередь" not in titles(client, "/be/search/?q=границе")


def test_spelling_variants_find_the_same_word(client, archive):
    # "у" for "ў" and "и" for "і", as readers type on a Russian keyboard.
    assert "Чарга" in titles(client, "/be/search/?q=Аутобусы")
    assert "Тэатр" in titles(client, "/be/search/?q=выгнанни")


def test_matches_are_highlighted(client, archive):
    html = titles(client, "/be/search/?q=мяжы")
    assert "Чарга на <mark>мяжы</mark> ў Брэсце" in html


@pytest.mark.parametrize(
    "query",
    ["", "   ", "a", "%00", "<script>alert(1)</script>", "x" * 5000, "*:()[]{}\"'", "OR AND NOT"],
)
def test_odd_queries_get_a_friendly_page(client, archive, query):
    response = client.get("/be/search/", {"q": query})
    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()


def test_unpublished_articles_are_not_found(client, archive, django_capture_on_commit_callbacks):
    archive.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        archive.unpublish()
    assert "Чарга" not in titles(client, "/be/search/?q=Брэсце")


def test_folding_and_highlighting_units():
    assert fold("Ўсё і Ё") == "усе и е"
    assert query_terms("  Мяжа, мяжы! x ") == ["мяжа", "мяжы"]
    assert str(highlight("<b>Мяжа</b>", ["мяжа"])) == "&lt;b&gt;<mark>Мяжа</mark>&lt;/b&gt;"
