"""The lite edition: small text pages of the latest headlines and of each article."""

import re

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from wagtail.rich_text import RichText

from testing.factories import (
    make_article,
    make_author,
    make_image,
    translate_article,
)

pytestmark = pytest.mark.django_db

BUDGET = 30 * 1024
PARAGRAPH = (
    "<p>Суд у Менску прызначыў палітвязню яшчэ два гады калоніі. Праваабаронцы кажуць, што "
    "справу завялі за каментар у сацыяльных сетках, які ён напісаў тры гады таму, і што "
    "ніводнага сведкі ў судзе не слухалі.</p>"
)


def long_body(photo):
    body = []
    for number in range(40):
        body.append(("paragraph", RichText(PARAGRAPH)))
        if number % 10 == 5:
            body.append(("subheading", f"Падзагаловак {number}"))
            body.append(("quote", {"text": "Мы не здаемся.", "attribution": "Сведка з Гомеля"}))
            body.append(("photo", {"image": photo, "caption": "", "credit": ""}))
    return body


@pytest.fixture
def long_article(homes):
    photo = make_image("Square", credit="Photo: Agency via AP", caption="Плошча ўвечары")
    return make_article(
        title="Доўгі артыкул пра суд",
        lede="Першы абзац пра тое, што здарылася.",
        authors=[make_author("Ганна Лясная")],
        image=photo,
        body=long_body(photo),
    )


def lite_url(article):
    return f"/{article.locale.language_code}/lite/{article.slug}/"


def stylesheet_bytes():
    return len(open(finders.find("lite/lite.css"), "rb").read())


def test_long_article_is_text_under_the_budget(client, long_article):
    response = client.get(lite_url(long_article))
    html = response.content.decode()
    assert response.status_code == 200
    assert len(response.content) + stylesheet_bytes() < BUDGET
    assert html.count("Праваабаронцы кажуць") == 40
    for text in ["Доўгі артыкул пра суд", "Першы абзац", "Ганна Лясная", "Падзагаловак 5"]:
        assert text in html
    assert "Сведка з Гомеля" in html and "Плошча ўвечары" in html
    assert "Photo: Agency via AP" in html
    assert "<script" not in html and "<img" not in html and "style=" not in html
    assert re.findall(r'<link rel="stylesheet" href="([^"]+)"', html) == ["/static/lite/lite.css"]


def test_photos_only_when_asked_small_and_sized(client, long_article):
    html = client.get(lite_url(long_article) + "?images=1").content.decode()
    images = re.findall(r"<img [^>]*>", html)
    assert len(images) == 5  # the lead photo and four in the body
    for tag in images:
        width = int(re.search(r' width="(\d+)"', tag).group(1))
        height = int(re.search(r' height="(\d+)"', tag).group(1))
        assert 0 < width <= 320 and 0 < height <= 240
        assert 'src="/media/' in tag
    assert "<script" not in html


@pytest.mark.parametrize("value", ["0", "yes", "", "1' or 1=1", "%00", "1" * 5000])
def test_odd_image_values_lead_to_the_text_version(client, long_article, value):
    response = client.get(lite_url(long_article), {"images": value})
    assert response.status_code == 302
    assert response["Location"] == lite_url(long_article)


def test_front_page_lists_the_latest_headlines(client, homes):
    make_article(title="Старая навіна", section_slug="culture")
    newest = make_article(title="Свежая навіна")
    newest.comment_count = 7
    newest.save(update_fields=["comment_count"])
    make_article(title="English story", language="en")
    html = client.get("/be/lite/").content.decode()
    assert html.index("Свежая навіна") < html.index("Старая навіна")
    assert f'href="{lite_url(newest)}"' in html
    assert "Палітыка" in html and "Культура" in html
    assert "Каментары 7" in html
    assert "English story" not in html
    assert "<script" not in html and "<img" not in html


@pytest.mark.parametrize(
    ("language", "title", "label"),
    [
        ("be", "Навіна", "Апошнія навіны"),
        ("ru", "Новость", "Последние новости"),
        ("en", "A story", "Latest news"),
    ],
)
def test_each_language_reads_in_its_own_words(client, homes, language, title, label):
    article = make_article(title=title, language=language)
    front = client.get(f"/{language}/lite/").content.decode()
    page = client.get(lite_url(article)).content.decode()
    assert label in front and title in front
    assert f'<html lang="{language}">' in page and title in page


def test_switcher_leads_to_the_lite_translation_or_front_page(client, homes):
    article = make_article(title="Навіна з перакладам")
    russian = translate_article(article, "ru", "Новость с переводом")
    html = client.get(lite_url(article)).content.decode()
    assert f'href="{lite_url(russian)}" hreflang="ru"' in html
    assert 'href="/en/lite/" hreflang="en"' in html
    back = client.get(lite_url(russian)).content.decode()
    assert f'href="{lite_url(article)}" hreflang="be"' in back


def test_links_go_to_full_version_and_back(client, long_article):
    html = client.get(lite_url(long_article)).content.decode()
    assert f'href="{long_article.url}"' in html
    assert 'href="/be/lite/"' in html
    full = client.get(long_article.url).content.decode()
    assert f'<a href="{lite_url(long_article)}">' in full
    assert f'<link rel="alternate" type="text/html" href="{lite_url(long_article)}"' in full


@pytest.mark.parametrize("query", ["", "?images=1"])
def test_every_link_is_root_relative(client, long_article, query):
    for url in ["/be/lite/", lite_url(long_article) + query]:
        html = client.get(url).content.decode()
        for link in re.findall(r'(?:href|src)="([^"]*)"', html):
            assert link.startswith("/") and not link.startswith("//"), link


def test_unpublished_drafts_and_unknown_articles_are_not_found(client, homes):
    draft = make_article(title="Чарнавік", publish=False)
    gone = make_article(title="Знятая навіна")
    gone.refresh_from_db()
    gone.unpublish()
    english = make_article(title="Only in English", language="en")
    for url in [
        lite_url(draft),
        lite_url(gone),
        "/be/lite/nonexistent/",
        f"/be/lite/{english.slug}/",
    ]:
        assert client.get(url).status_code == 404, url
    front = client.get("/be/lite/").content.decode()
    assert "Чарнавік" not in front and "Знятая навіна" not in front


def test_a_draft_edit_of_a_live_article_is_not_shown(client, homes):
    article = make_article(title="Першая рэдакцыя")
    article.title = "Чарнавая рэдакцыя"
    article.save_revision()
    html = client.get(lite_url(article)).content.decode()
    assert "Першая рэдакцыя" in html and "Чарнавая рэдакцыя" not in html


def test_query_count_stays_fixed_as_the_newsroom_grows(
    client, homes, settings, django_assert_max_num_queries
):
    settings.PAGE_CACHE_SECONDS = 0  # count the queries of rendering, not of a cache hit
    photo = make_image("p")
    one_photo = [("photo", {"image": make_image("b"), "caption": "", "credit": ""})]
    first = make_article(title="Першая", image=photo, authors=[make_author()], body=one_photo)
    small = {"/be/lite/": "Першая", lite_url(first) + "?images=1": "<img "}
    budgets = {}
    for url, expected in small.items():
        client.get(url)  # renditions are made once
        # One request per block: each request empties the connection's query log.
        with django_assert_max_num_queries(12) as queries:
            assert expected in client.get(url).content.decode()
        budgets[url] = len(queries)

    authors = [make_author(f"Аўтар {n}") for n in range(5)]
    images = [make_image(f"i{n}") for n in range(5)]
    body = [("photo", {"image": image, "caption": "", "credit": ""}) for image in images]
    big = make_article(title="Вялікая", image=photo, authors=authors, body=body)
    for number in range(20):
        make_article(title=f"Навіна {number}", section_slug="culture")
    client.get(lite_url(big) + "?images=1")
    with django_assert_max_num_queries(budgets["/be/lite/"]):
        assert "Навіна 19" in client.get("/be/lite/").content.decode()
    with django_assert_max_num_queries(budgets[lite_url(first) + "?images=1"]):
        assert client.get(lite_url(big) + "?images=1").content.decode().count("<img ") == 6


def test_lite_pages_are_cached_and_purged_on_publish(homes):
    article = make_article(title="Кэшаваная")
    for url in ["/be/lite/", lite_url(article), lite_url(article) + "?images=1"]:
        assert "X-Page-Cache" not in Client().get(url)
        assert Client().get(url)["X-Page-Cache"] == "hit"
    article.title = "Выпраўленая"
    article.save_revision().publish()
    make_article(title="Навейшая")
    assert "Выпраўленая" in Client().get(lite_url(article)).content.decode()
    assert "Навейшая" in Client().get("/be/lite/").content.decode()
