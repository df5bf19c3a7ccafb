"""Public URLs in three languages (DESIGN.md: a contract)."""

import re

import pytest

from testing.factories import make_article

pytestmark = pytest.mark.django_db


def test_root_redirects_to_belarusian_by_default(client, homes):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/be/"


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [("ru-RU,ru;q=0.9", "/ru/"), ("en-GB,en;q=0.8", "/en/"), ("de-DE,fr;q=0.5", "/be/")],
)
def test_root_redirects_to_the_readers_language(client, homes, accept_language, expected):
    response = client.get("/", headers={"accept-language": accept_language})
    assert response["Location"] == expected
    assert "Accept-Language" in response["Vary"]


@pytest.mark.parametrize("language", ["be", "ru", "en"])
def test_main_page_of_each_language(client, homes, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.content.decode()


@pytest.mark.parametrize("language", ["be", "ru", "en"])
def test_all_news_and_sections_of_each_language(client, homes, language):
    assert client.get(f"/{language}/news/").status_code == 200
    for section in ["politics", "war", "society", "culture", "climate"]:
        assert client.get(f"/{language}/{section}/").status_code == 200


def test_article_lives_under_news_with_its_slug(client, homes):
    article = make_article(title="Выбары ў Гродне")
    assert article.url == "/be/news/vybary-w-hrodne/"
    response = client.get(article.url)
    assert response.status_code == 200
    assert "Выбары ў Гродне" in response.content.decode()


def test_reader_pages_set_no_cookie(client, homes):
    article = make_article()
    for url in ["/", "/be/", "/be/news/", "/be/politics/", article.url, "/be/missing/"]:
        response = client.get(url)
        assert not response.cookies, url


def test_every_link_on_a_page_is_root_relative(client, homes):
    """Mirrors and rewriting proxies need links that keep the reader on the host they used."""
    article = make_article()
    for url in ["/be/", "/be/news/", article.url]:
        html = client.get(url).content.decode()
        # The canonical link names the main domain on purpose (DESIGN.md, mirrors).
        html = re.sub(r'<link rel="canonical"[^>]*>', "", html)
        # hreflang alternates must be absolute; they name the host the page was read on.
        alternates = re.findall(r'<link rel="alternate" hreflang="[^"]*" href="([^"]*)">', html)
        assert all(link.startswith("http://testserver/") for link in alternates), alternates
        html = re.sub(r'<link rel="alternate" hreflang[^>]*>', "", html)
        targets = re.findall(r'(?:href|src|action)="([^"]*)"', html)
        assert targets, url
        for target in targets:
            assert target.startswith(("/", "#", "?")), (url, target)


def test_unpublished_article_is_not_served(client, homes):
    article = make_article(publish=False)
    assert client.get("/be/news/" + article.slug + "/").status_code == 404


def lookup_plan(url_path):
    """The database's plan for the lookup newsroom.routing makes for each new reader URL."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Test tables are tiny, and a scan is cheapest there: ask whether an index
            # can answer, as it must on an archive of 100,000 pages.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(
                "EXPLAIN SELECT id FROM wagtailcore_page WHERE url_path = %s", [url_path]
            )
        else:
            cursor.execute(
                "EXPLAIN QUERY PLAN SELECT id FROM wagtailcore_page WHERE url_path = %s",
                [url_path],
            )
        return " ".join(str(cell) for row in cursor.fetchall() for cell in row)


def test_a_url_is_found_by_an_index_not_a_scan_of_every_page(homes):
    article = make_article("Індэкс")
    plan = lookup_plan(article.url_path)
    assert "newsroom_page_url_path" in plan, plan


@pytest.mark.parametrize("language", ["be", "ru", "en"])
def test_a_made_up_path_is_a_404_without_walking_the_page_tree(client, homes, language):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    make_article("Сапраўдная навіна")
    client.get(f"/{language}/news/warm-up/")  # the site and its root path are remembered
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/{language}/news/made-up-path/deeper/")
    assert response.status_code == 404
    assert f'<html lang="{language}">' in response.content.decode()
    # Its URL path, then Wagtail's redirects; no query per level of the tree.
    tables = [re.search(r'FROM "(\w+)"', query["sql"]).group(1) for query in queries]
    assert tables == ["wagtailcore_page", "wagtailredirects_redirect"]


def test_an_editor_s_redirect_still_answers_a_path_no_page_has(client, homes):
    from wagtail.contrib.redirects.models import Redirect

    article = make_article("Новы адрас")
    Redirect.objects.create(old_path="/be/news/old-address", redirect_page=article)
    response = client.get("/be/news/old-address/")
    assert response.status_code == 301
    assert response["Location"].endswith(article.url)
