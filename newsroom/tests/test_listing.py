"""All news: newest first, 30 a page, with comment counts."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from newsroom.models import ArticlePage
from testing.factories import make_article, translate_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def forty_articles(homes):
    now = timezone.now()
    for number in range(40):
        article = make_article(title=f"Навіна {number}", publish=True)
        when = now - timedelta(minutes=number)
        ArticlePage.objects.filter(pk=article.pk).update(first_published_at=when, sort_date=when)


def headlines(html):
    return re.findall(r"Навіна (\d+)</a>", html)


def test_first_page_shows_the_newest_thirty(client, forty_articles):
    html = client.get("/be/news/").content.decode()
    assert headlines(html) == [str(n) for n in range(30)]
    assert 'href="?page=2"' in html


def test_second_page_shows_the_rest(client, forty_articles):
    html = client.get("/be/news/?page=2").content.decode()
    assert headlines(html) == [str(n) for n in range(30, 40)]


def test_page_beyond_the_end_shows_the_last_page(client, forty_articles):
    html = client.get("/be/news/?page=99999").content.decode()
    assert headlines(html) == [str(n) for n in range(30, 40)]


def test_every_headline_has_its_comment_count(client, homes):
    article = make_article()
    ArticlePage.objects.filter(pk=article.pk).update(comment_count=11)
    for url in ["/be/", "/be/news/", "/be/politics/"]:
        html = client.get(url).content.decode()
        assert f'data-comment-count="{article.pk}"' in html, url
        assert re.search(rf'data-comment-count="{article.pk}"[^>]*>.*?11</span>', html), url


def test_dates_follow_the_language(client, homes):
    article = make_article(title="Дата")
    when = timezone.make_aware(timezone.datetime(2026, 6, 27, 14, 5))
    ArticlePage.objects.filter(pk=article.pk).update(
        first_published_at=when, last_published_at=when, sort_date=when
    )
    assert "27.06.2026" in client.get(article.url).content.decode()
    english = translate_article(article, "en", "Date")
    ArticlePage.objects.filter(pk=english.pk).update(
        first_published_at=when, last_published_at=when, sort_date=when
    )
    assert "27.06.2026, 14:05" in client.get(english.url).content.decode()
