"""Bylines as newsrooms write them, and author pages that list an author's articles."""

import json
import re

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.test import override_settings
from wagtail.models import Locale

from newsroom.models import Author
from samizdat import cdn
from testing.factories import hours_ago, make_article, make_author, make_image

pytestmark = pytest.mark.django_db

migration = __import__(
    "newsroom.migrations.0006_bylines_with_roles_and_author_pages", fromlist=["give_authors_slugs"]
)


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def byline_of(page_html):
    match = re.search(r'<span class="byline">(.*?)</span>\s*<time', page_html, re.S)
    assert match, "no byline"
    return re.sub(r"<[^>]+>", "", match.group(1)).strip()


@pytest.fixture
def staff(homes):
    return {
        "reporter": make_author("Алеся Дзямідава", bio="Піша пра суды."),
        "second": make_author("Сцяпан Жук"),
        "translator": make_author("Ганна Лясная"),
        "photographer": make_author("Павел Кавальчук"),
        "pseudonym": make_author("Ян Невядомы", is_pseudonym=True),
    }


def test_byline_names_each_person_with_their_part(client, staff):
    article = make_article(
        title="Суд у Гродне",
        authors=[
            (staff["reporter"], "reporting"),
            (staff["second"], "reporting"),
            (staff["translator"], "translation"),
            (staff["photographer"], "photos"),
        ],
    )
    assert byline_of(html(client, article.url)) == (
        "Рэпартаж: Алеся Дзямідава, Сцяпан Жук · Пераклад: Ганна Лясная · Фота: Павел Кавальчук"
    )


def test_byline_links_to_author_pages_root_relative(client, staff):
    article = make_article(title="Навіна", authors=[staff["reporter"]])
    page = html(client, article.url)
    assert '<a href="/be/authors/alesja-dzjamidava/">Алеся Дзямідава</a>' in page


def test_a_sole_writer_stands_alone_in_the_byline(client, staff):
    article = make_article(title="Калонка", authors=[staff["second"]])
    assert byline_of(html(client, article.url)) == "Сцяпан Жук"


def test_author_page_lists_their_articles_in_that_language(client, staff):
    mine = make_article(title="Мой артыкул", authors=[staff["reporter"]])
    make_article(title="Чужы артыкул", authors=[staff["second"]])
    make_article(title="My article", language="en", authors=[staff["reporter"]])
    page = html(client, "/be/authors/alesja-dzjamidava/")
    assert "<h1" in page and "Алеся Дзямідава" in page
    assert "Піша пра суды." in page
    assert f'href="{mine.url}"' in page
    assert "Чужы артыкул" not in page
    assert "My article" not in page
    assert "My article" in html(client, "/en/authors/alesja-dzjamidava/")


@override_settings(NEWS_PAGE_SIZE=2)
def test_author_page_is_paginated_newest_first(client, staff):
    for hours in range(5):
        make_article(
            title=f"Артыкул {hours}", authors=[staff["second"]], published_at=hours_ago(hours)
        )
    first = html(client, "/be/authors/stsjapan-zhuk/")
    assert first.index("Артыкул 0") < first.index("Артыкул 1")
    assert "Артыкул 2" not in first
    assert 'href="?page=2"' in first
    assert "Артыкул 4" in html(client, "/be/authors/stsjapan-zhuk/?page=3")


def test_unknown_author_is_not_found(client, homes):
    assert client.get("/be/authors/nobody/").status_code == 404


def test_pseudonym_page_shows_the_name_and_articles_and_nothing_more(client, staff):
    pseudonym = staff["pseudonym"]
    # Written straight to the database, past the check, as an old row might be.
    Author.objects.filter(pk=pseudonym.pk).update(bio="Сапраўды жыве ў Віцебску.")
    make_article(title="Ананімны рэпартаж", authors=[pseudonym])
    page = html(client, f"/be/authors/{pseudonym.slug}/")
    assert "Ян Невядомы" in page and "Ананімны рэпартаж" in page
    assert "Віцебску" not in page
    assert "author-page__photo" not in page


def test_a_pseudonym_refuses_a_photo_or_a_bio(staff):
    pseudonym = staff["pseudonym"]
    pseudonym.bio = "Былы супрацоўнік мясцовай газеты."
    with pytest.raises(ValidationError, match="псеўданім|pseudonym|Псеўданім"):
        pseudonym.full_clean()
    pseudonym.bio = ""
    pseudonym.photo = make_image()
    with pytest.raises(ValidationError):
        pseudonym.full_clean()


def test_author_page_is_cached_and_shows_a_new_article_once_published(client, staff):
    make_article(title="Першы", authors=[staff["second"]])
    url = "/be/authors/stsjapan-zhuk/"
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    make_article(title="Другі", authors=[staff["second"]])
    assert "Другі" in html(client, url)


def test_publishing_purges_the_author_pages_at_a_proxy_too(staff):
    article = make_article(
        title="Навіна", authors=[staff["second"], (staff["translator"], "translation")]
    )
    paths = cdn.page_paths(article)
    assert {"/be/authors/stsjapan-zhuk/", "/be/authors/hanna-ljasnaja/"} <= paths


def test_sitemap_lists_author_pages_of_each_language(client, staff):
    make_article(title="Навіна", authors=[staff["second"]])
    make_article(title="News", language="en", authors=[staff["second"]])
    sitemap = html(client, "/sitemap.xml")
    assert "/be/authors/stsjapan-zhuk/</loc>" in sitemap
    assert "/en/authors/stsjapan-zhuk/</loc>" in sitemap
    assert "/ru/authors/stsjapan-zhuk/</loc>" not in sitemap


def test_structured_data_names_authors_and_translator(client, staff):
    article = make_article(
        title="Навіна",
        authors=[(staff["reporter"], "reporting"), (staff["translator"], "translation")],
    )
    found = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', html(client, article.url)
    )
    data = json.loads(found.group(1))
    assert [person["name"] for person in data["author"]] == ["Алеся Дзямідава"]
    assert data["author"][0]["url"].endswith("/be/authors/alesja-dzjamidava/")
    assert [person["name"] for person in data["translator"]] == ["Ганна Лясная"]


def test_lite_edition_shows_the_byline_with_parts(client, staff):
    article = make_article(
        title="Лёгкая", authors=[staff["second"], (staff["photographer"], "photos")]
    )
    page = html(client, f"/be/lite/{article.slug}/")
    assert "Сцяпан Жук · Фота: Павел Кавальчук" in page


def test_translated_author_page_uses_the_translated_name(client, staff):
    russian = staff["second"].copy_for_translation(Locale.objects.get(language_code="ru"))
    russian.name = "Степан Жук"
    russian.save()
    make_article(title="Новость", language="ru", authors=[staff["second"]])
    page = html(client, "/ru/authors/stsjapan-zhuk/")
    assert "Степан Жук" in page and "Новость" in page


def test_existing_authors_get_slugs_unique_in_their_language(homes):
    first = make_author("Ганна Лясная")
    second = make_author("Ганна Лясная ")
    Author.objects.filter(pk__in=[first.pk, second.pk]).update(slug="")
    migration.give_authors_slugs(apps, None)
    migration.give_authors_slugs(apps, None)  # repeating changes nothing
    slugs = sorted(
        Author.objects.filter(pk__in=[first.pk, second.pk]).values_list("slug", flat=True)
    )
    assert slugs == ["hanna-ljasnaja", "hanna-ljasnaja-2"]
