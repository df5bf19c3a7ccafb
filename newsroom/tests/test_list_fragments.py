"""Lists kept between publications (All news, sections, the main page) never hide a change.

Their HTML is stored under the articles they list and those articles' comment counts, so
the next render after a publication or a new comment shows it. The page cache is off, so
every request renders.
"""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from newsroom.models import ArticlePage
from testing.factories import hours_ago, make_article, make_image, section

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


# 15:00 in Minsk: four hours earlier is still the same day there.
AFTERNOON = datetime(2026, 6, 27, 12, 0, tzinfo=UTC)


def read(url):
    response = Client().get(url)
    assert response.status_code == 200
    return response.content.decode()


def count_of(html, article):
    """The number in an article's comment count badge."""
    start = html.index(f'data-comment-count="{article.pk}"')
    start = html.index("</span>", start) + len("</span>")
    return int(html[start : html.index("<", start)])


@pytest.mark.parametrize("url", ["/be/news/", "/be/politics/", "/be/"])
def test_a_comment_count_moved_without_publication_shows_at_once(homes, url):
    article = make_article(title="Навіна ў спісе", image=make_image())
    assert count_of(read(url), article) == 0
    ArticlePage.objects.filter(pk=article.pk).update(comment_count=4)
    assert count_of(read(url), article) == 4


@pytest.mark.parametrize("url", ["/be/news/", "/be/politics/", "/be/"])
def test_a_new_article_is_listed_on_the_next_render(homes, url):
    make_article(title="Ранейшая навіна", published_at=hours_ago(3))
    assert "Пазнейшая навіна" not in read(url)
    make_article(title="Пазнейшая навіна")
    html = read(url)
    assert "Пазнейшая навіна" in html
    assert html.index("Пазнейшая навіна") < html.index("Ранейшая навіна")


@pytest.mark.parametrize("url", ["/be/news/", "/be/politics/", "/be/"])
def test_an_unpublished_article_leaves_the_list(homes, url):
    article = make_article(title="Навіна, якую знімуць")
    assert "Навіна, якую знімуць" in read(url)
    article.refresh_from_db()  # the factory's instance predates its publication
    article.unpublish()
    assert "Навіна, якую знімуць" not in read(url)


def test_a_section_says_so_when_its_last_article_leaves(homes):
    article = make_article(title="Адзіная ў раздзеле")
    assert "Адзіная ў раздзеле" in read(section().url)
    article.refresh_from_db()  # the factory's instance predates its publication
    article.unpublish()
    html = read(section().url)
    assert "Адзіная ў раздзеле" not in html
    assert "У гэтай рубрыцы пакуль няма артыкулаў." in html


def test_the_main_page_renders_the_same_from_its_stored_lists(homes):
    make_article(title="Галоўная навіна", image=make_image())
    make_article(title="Другая навіна", published_at=hours_ago(1), section_slug="culture")
    first, second = read("/be/"), read("/be/")
    assert "Галоўная навіна" in first and "Другая навіна" in first
    assert first == second


@pytest.mark.parametrize("url", ["/be/news/", "/be/politics/", "/be/"])
@time_machine.travel(AFTERNOON, tick=False)  # the five articles' hours all fall on one day
def test_a_kept_list_says_yesterday_once_the_day_is_over(homes, url):
    """Lists group headlines under "Today" and "Yesterday": a stored list lasts one day."""
    for number in range(5):  # the main page lists those after the lead story and the top two
        make_article(title=f"Навіна пад поўнач {number}", published_at=hours_ago(number))
    assert ">Сёння<" in read(url)
    with time_machine.travel(timezone.now() + timedelta(days=1)):
        html = read(url)
    assert ">Учора<" in html and ">Сёння<" not in html
