"""An article's own parts outlast other articles' publications, and nothing else does.

Publishing an article at its address starts a new cache generation (the lists) but leaves
the foundation (samizdat.caching): what an article page shows of its own live revision is
kept under that revision and read again only when the article itself is published, or when
something every article may show changes (an author, a photo, a section, a site...). On a
news day articles are published every few minutes, and every other article's page would
otherwise be rendered from nothing after each of them.

The page cache is off here, so every request renders.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.rich_text import RichText

from samizdat import caching
from testing.factories import make_article, make_author, make_image, translate_article

pytestmark = pytest.mark.django_db

# Queries that only an article's own parts make (its route, bylines, tags, photos,
# corrections, discussion settings, translations).
OWN_PARTS = {
    "route": re.compile(r'"url_path" = '),
    "bylines": re.compile(r'FROM "newsroom_articlebyline"'),
    "tags": re.compile(r'FROM "taggit_tag"'),
    "photos": re.compile(r'FROM "newsroom_newsroomrendition"'),
    "corrections": re.compile(r'FROM "corrections_correction"'),
    "discussion settings": re.compile(r'FROM "comments_discussionswitch"'),
    "translations": re.compile(r'"wagtailcore_page"\."translation_key" = '),
}


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


def read(client, article):
    response = client.get(article.url)
    assert response.status_code == 200
    return response.content.decode()


def read_counting(client, article):
    with CaptureQueriesContext(connection) as queries:
        html = read(client, article)
    made = {
        name
        for name, pattern in OWN_PARTS.items()
        for query in queries.captured_queries
        if pattern.search(query["sql"])
    }
    return html, made


def latest_news(html):
    start = html.index('id="latest-title"')
    return html[start : html.index("</section>", start)]


def story(**fields):
    return make_article(authors=[make_author()], image=make_image(), **fields)


def test_another_article_s_publication_leaves_an_article_s_parts(client, homes):
    article = story(title="Суд у Гродне")
    read(client, article)
    _html, made = read_counting(client, article)
    assert made == set()  # all kept
    foundation = caching.foundation()

    other = make_article(title="Новая навіна дня")

    assert caching.foundation() == foundation
    html, made = read_counting(client, article)
    assert made == set()
    assert other.title in latest_news(html)  # the lists are read anew
    assert '<h1 class="article__headline">Суд у Гродне</h1>' in html


def test_an_article_s_own_publication_shows_at_once(client, homes):
    article = story(title="Першая версія", body=[("paragraph", RichText("<p>Стары тэкст.</p>"))])
    read(client, article)
    read(client, article)
    foundation = caching.foundation()

    article.refresh_from_db()
    article.title = "Другая версія"
    article.body = [("paragraph", RichText("<p>Новы тэкст.</p>"))]
    article.save_revision().publish()

    assert caching.foundation() == foundation
    html, made = read_counting(client, article)
    assert "route" in made  # its remembered route held the old revision
    assert '<h1 class="article__headline">Другая версія</h1>' in html
    assert "<title>Другая версія" in html
    assert "Новы тэкст." in html
    assert "Першая версія" not in html and "Стары тэкст." not in html
    _html, made = read_counting(client, article)
    assert made == set()  # the new revision is kept in turn


def test_a_translation_published_later_joins_the_switcher(client, homes):
    article = story(title="Выбары ў Гродне")
    html = read(client, article)
    assert 'href="/ru/" hreflang="ru"' in html  # no translation yet: the main page
    foundation = caching.foundation()

    russian = translate_article(article, "ru", "Выборы в Гродно")

    assert caching.foundation() == foundation
    html, made = read_counting(client, article)
    assert made == {"translations"}
    assert f'href="{russian.url}" hreflang="ru"' in html
    assert f'hreflang="ru" href="http://testserver{russian.url}"' in html


def test_a_new_author_name_reaches_every_article(client, homes):
    author = make_author(name="Ганна Лясная")
    article = make_article(title="Рэпартаж з мяжы", authors=[author])
    assert "Ганна Лясная" in read(client, article)
    foundation = caching.foundation()

    author.name = "Ганна Палявая"
    author.save()

    assert caching.foundation() != foundation
    html, made = read_counting(client, article)
    assert "bylines" in made
    assert "Ганна Палявая" in html and "Ганна Лясная" not in html
