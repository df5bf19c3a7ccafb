"""A queryset compiled once gives what the ORM gives, one query a call (samizdat.prepared)."""

from uuid import uuid4

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page

from newsroom import routing
from newsroom.models import ArticlePage
from samizdat.prepared import Prepared
from testing.factories import make_article, make_image, translate_article

pytestmark = pytest.mark.django_db

ARTICLE = Prepared(
    lambda pk: ArticlePage.objects.select_related("locale", "section", "lead_image").filter(pk=pk),
    0,
)


def fields_of(page):
    """What a loaded page holds: its own columns and the related objects it was given."""
    own = {field.attname: getattr(page, field.attname) for field in page._meta.concrete_fields}
    related = {
        name: value and (type(value), value.pk, value.__dict__.get("title"))
        for name, value in page._state.fields_cache.items()
    }
    return own, related


def test_an_article_with_its_related_rows_is_what_the_orm_loads():
    article = make_article("Суд у Гродне", image=make_image())
    plain = make_article("Без фота", section_slug=None)  # no section, no photo: NULL joins

    for page in (article, plain):
        expected = ArticlePage.objects.select_related("locale", "section", "lead_image").get(
            pk=page.pk
        )
        with CaptureQueriesContext(connection) as queries:
            [loaded] = ARTICLE(page.pk)
            assert fields_of(loaded) == fields_of(expected)
            assert loaded.locale.language_code == "be"
        assert len(queries) == 1  # nothing loaded afterwards: the joins came with it

    assert fields_of(ARTICLE(plain.pk)[0])[1]["section"] is None
    assert ARTICLE(-5) == []


def test_dates_come_back_as_the_orm_gives_them():
    article = make_article("Навіна з датай")
    [loaded] = ARTICLE(article.pk)
    expected = ArticlePage.objects.get(pk=article.pk)
    assert loaded.first_published_at == expected.first_published_at
    assert loaded.first_published_at.tzinfo is not None  # SQLite's cursor gives naive ones


def test_values_lists_and_a_value_used_twice():
    first, second = make_article("Першая"), make_article("Другая")
    pair = Prepared(
        lambda path: Page.objects.filter(url_path=path).order_by("pk").values_list("pk", "title"),
        "/",
    )
    assert pair(first.url_path) == [(first.pk, "Першая")]
    either = Prepared(
        lambda a, b: ArticlePage.objects.filter(pk__in=[a, b]).order_by("-pk")
        .values_list("pk", flat=True),
        0,
        0,
    )  # fmt: skip
    assert either(first.pk, second.pk) == [second.pk, first.pk]
    assert either(first.pk, first.pk) == [first.pk]
    with pytest.raises(TypeError):
        either(first.pk)


def test_querysets_that_would_lose_what_they_load_are_refused():
    article = make_article("Навіна")
    with_prefetch = Prepared(
        lambda pk: ArticlePage.objects.prefetch_related("tags").filter(pk=pk), 0
    )
    specific = Prepared(lambda pk: Page.objects.filter(pk=pk).specific(), 0)
    lost_value = Prepared(lambda pk: ArticlePage.objects.filter(pk=abs(pk)), 0)
    for prepared in (with_prefetch, specific, lost_value):
        with pytest.raises(ValueError):
            prepared(article.pk)


def test_a_reader_url_is_found_with_two_prepared_queries():
    article = make_article("Навіна на старонцы", image=make_image())
    site = article.get_site()
    path = article.url_path.removeprefix(site.root_page.url_path)
    # Looked up as a request in the article's language is (the root path is per language).
    with translation.override("be"):
        routing.find_page(site, path)  # the site's root path and the page type are remembered
        with CaptureQueriesContext(connection) as queries:
            found = routing.find_page(site, path)
    assert found.pk == article.pk and type(found) is ArticlePage
    assert fields_of(found) == fields_of(
        ArticlePage.objects.select_related(*routing.RELATED["newsroom.articlepage"]).get(
            pk=article.pk
        )
    )
    assert len(queries) == 2  # the page's type by its URL path, then the page with its joins
    with translation.override("be"):
        assert routing.find_page(site, "news/no-such-article/") is None


def test_a_translation_key_finds_the_live_translations():
    article = make_article("Навіна па-беларуску")
    english = translate_article(article, "en", "The news in English")
    translations = Prepared(
        lambda key: Page.objects.filter(live=True, translation_key=key).order_by("path"), uuid4()
    )
    found = translations(article.translation_key)
    assert [page.pk for page in found] == [article.pk, english.pk]
    assert [page.pk for page in translations(str(article.translation_key))] == [
        article.pk,
        english.pk,
    ]
    assert translations(uuid4()) == []
