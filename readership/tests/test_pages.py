"""The widgets in the pages: rendered on the server, the same for every reader."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from testing.factories import make_article, translate_article
from testing.readership import beacon, like

pytestmark = pytest.mark.django_db
NOON = datetime(2026, 6, 27, 12, 0, tzinfo=UTC)


@pytest.fixture
def locmem_cache(settings):
    """Cache expiry that follows time-machine's clock (Redis keeps its own)."""
    settings.REDIS_URL = ""  # and so the database buffer
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


def test_main_page_shows_now_reading_and_both_tabs_without_javascript(client, homes, buffer_kind):
    read, liked = make_article(title="Чытаюць зараз"), make_article(title="Падабаецца")
    with time_machine.travel(NOON, tick=False):
        beacon(client, read)
        like(client, liked)
        html = client.get("/be/").content.decode()
    assert "Зараз чытаюць" in html
    assert "Больш чытаныя" in html and "Больш лайканыя" in html
    now_list = html.split('data-readership-list="now_reading"')[1].split("</ol>")[0]
    liked_list = html.split('data-readership-list="most_liked"')[1].split("</ol>")[0]
    assert "Чытаюць зараз" in now_list and "Падабаецца" not in now_list
    assert "Падабаецца" in liked_list
    assert '<script type="module" src="/static/frontend/readership.js">' in html


def test_article_shows_its_like_count_and_the_board(client, homes):
    article = make_article()
    with time_machine.travel(NOON, tick=False):
        like(client, article)
        like(client, article, ip="203.0.113.9")
        response = client.get(article.url)
    html = response.content.decode()
    assert f'<span data-readership-likes="{article.pk}">2</span>' in html
    assert f'data-readership-article="{article.pk}"' in html
    assert "data-readership-board" in html


def test_the_kept_like_box_shows_each_renders_count_and_the_days_token(client, homes, settings):
    """The box is kept until the next publication; its count and token are put in fresh."""
    from readership import engagement

    settings.PAGE_CACHE_SECONDS = 0
    article = make_article()
    with time_machine.travel(NOON, tick=False):
        assert f'data-readership-likes="{article.pk}">0<' in client.get(article.url).text
        like(client, article)
        html = client.get(article.url).text
        assert f'data-readership-likes="{article.pk}">1<' in html
        assert f'data-beacon-token="{engagement.beacon_token(article.pk)}"' in html
    with time_machine.travel(NOON + timedelta(days=1), tick=False):
        html = client.get(article.url).text
        assert f'data-beacon-token="{engagement.beacon_token(article.pk)}"' in html
    assert "\x00" not in html


def test_lists_keep_to_the_language_being_read(client, homes):
    article = make_article(title="Навіна")
    english = translate_article(article, "en", "News")
    with time_machine.travel(NOON, tick=False):
        beacon(client, english)
        html = client.get("/be/").content.decode()
        english_html = client.get("/en/").content.decode()
    now_list = html.split('data-readership-list="now_reading"')[1].split("</ol>")[0]
    assert "News" not in now_list
    assert ">News</a>" in english_html.split('data-readership-list="now_reading"')[1]


def test_pages_are_the_same_for_every_reader_and_set_no_cookie(client, homes):
    article = make_article()
    with time_machine.travel(NOON, tick=False):
        like(client, article)
        mine = client.get(article.url, REMOTE_ADDR="203.0.113.7")
        theirs = client.get(article.url, REMOTE_ADDR="198.51.100.1")
    assert mine.content == theirs.content
    assert not mine.cookies
    assert b"csrfmiddlewaretoken" not in mine.content
    assert b'aria-pressed="false"' in mine.content


def test_numbers_without_javascript_are_at_most_a_minute_old(client, homes, locmem_cache):
    article = make_article(title="Новая навіна")
    with time_machine.travel(NOON, tick=False):
        client.get("/be/")  # the board is cached empty
        beacon(client, article)
    with time_machine.travel(NOON + timedelta(seconds=60), tick=False):
        now_list = client.get("/be/").content.decode().split('"now_reading"')[1].split("</ol>")[0]
    assert "Новая навіна" in now_list


def test_headlines_in_lists_are_escaped(client, homes):
    article = make_article(title="<img src=x onerror=alert(1)> Загаловак")
    with time_machine.travel(NOON, tick=False):
        beacon(client, article)
        html = client.get("/be/").content.decode()
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt; Загаловак" in html
