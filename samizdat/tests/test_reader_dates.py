"""Every date a reader sees reads 27.06.2026 and 14:05, in every edition, English included.

Where a page shows only the date, only the time or "Today", the full date and time are in
the title (shown on hover). Each page type is read in be, ru and en two days after the
story, so lists show the date rather than "Yesterday".
"""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from comments.models import Comment, Status, refresh_comment_count
from corrections.models import Correction
from testing.factories import make_article, make_author, make_image, translate_article
from testing.live import make_live_blog, post

pytestmark = pytest.mark.django_db

MINSK = ZoneInfo("Europe/Minsk")
STORY_TIME = datetime(2026, 6, 27, 14, 5, tzinfo=MINSK)
READ_TIME = STORY_TIME + timedelta(days=2)
LANGUAGES = ["be", "ru", "en"]
HEADLINES = {"be": "Чарга на мяжы ў Брэсце", "ru": "Очередь на границе в Бресте", "en": "Border"}
FULL = "27.06.2026, 14:05"
HOVER = "27.06.2026 14:05"
TIME = re.compile(r"<time([^>]*)>(.*?)</time>", re.S)
MONTH_NAMES = re.compile(
    r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|"
    r"(студз|лют|сакав|крас|трав|чэрв|ліп|жн|верас|кастр|ліст|снеж|"
    r"январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр)",
    re.I,
)


@pytest.fixture
def newsroom(homes, django_capture_on_commit_callbacks):
    """In each language an article with a comment and a correction, and a live blog."""
    with time_machine.travel(STORY_TIME, tick=False):
        author = make_author("Ганна Лясная")
        # The search index is updated after commit; run those callbacks inside the test.
        with django_capture_on_commit_callbacks(execute=True):
            original = make_article(
                title=HEADLINES["be"], authors=[author], image=make_image(size=(800, 450))
            )
            articles = {"be": original}
            for language in ["ru", "en"]:
                articles[language] = translate_article(original, language, HEADLINES[language])
        blogs = {}
        for language, article in articles.items():
            Comment.objects.create(
                article=article,
                author_name="Чытач",
                text="Дзякуй.",
                status=Status.PUBLISHED,
                client="0" * 32,
                language=language,
            )
            refresh_comment_count(article.pk)
            Correction.objects.create(article=article, text="Назва ўдакладнена.")
            blogs[language] = make_live_blog(title=f"Live {language}", language=language)
            post(blogs[language], "Першае.", key_event=True, headline="Пачатак")
    return {"articles": articles, "blogs": blogs, "author": author}


def read(client, url):
    with time_machine.travel(READ_TIME, tick=False):
        response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def assert_newsroom_dates(html, expected):
    """Each <time> reads 27.06.2026, 14:05 or a part of it, with the rest on hover."""
    shown = []
    for attributes, text in TIME.findall(html):
        text = text.strip()
        shown.append(text)
        assert not MONTH_NAMES.search(text), f"a month in words: {text}"
        assert re.fullmatch(r"(\d\d\.\d\d\.\d{4}|[^\W\d]+)?(, )?(\d\d:\d\d)?", text), text
        day_only = re.search(r'datetime="\d{4}-\d\d-\d\d"', attributes)
        if text != FULL and not day_only:
            assert re.search(r'title="\d\d\.\d\d\.\d{4} \d\d:\d\d"', attributes), (attributes, text)
    assert expected in html, f"{expected} not among {shown}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_article_its_comments_and_corrections(client, newsroom, language):
    html = read(client, newsroom["articles"][language].url)
    assert_newsroom_dates(html, f">{FULL}</time>")
    assert_newsroom_dates(html, f'title="{HOVER}">27.06.2026</time>')  # comment, correction
    assert html.count(f'title="{HOVER}">27.06.2026</time>') == 2


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_main_page(client, newsroom, language):
    assert_newsroom_dates(read(client, f"/{language}/"), f'title="{HOVER}">{FULL}</time>')


@pytest.mark.parametrize("language", LANGUAGES)
def test_all_news_and_a_section(client, newsroom, language):
    section = newsroom["articles"][language].section
    for url in [f"/{language}/news/", section.url]:
        html = read(client, url)
        assert_newsroom_dates(html, '<time datetime="2026-06-27">27.06.2026</time>')
        assert_newsroom_dates(html, f'title="{HOVER}">14:05</time>')


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_author_page(client, newsroom, language):
    html = read(client, f"/{language}/authors/{newsroom['author'].slug}/")
    assert HEADLINES[language] in html
    assert_newsroom_dates(html, f'title="{HOVER}">14:05</time>')


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_results(client, newsroom, language):
    word = {"be": "Брэсце", "ru": "Бресте", "en": "Border"}[language]
    html = read(client, f"/{language}/search/?q={word}")
    assert_newsroom_dates(html, f'title="{HOVER}">27.06.2026</time>')


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_live_blog_and_its_entries(client, newsroom, language):
    html = read(client, newsroom["blogs"][language].url)
    assert_newsroom_dates(html, f">{FULL}</time>")  # the blog and an entry of another day
    assert_newsroom_dates(html, f'title="{HOVER}">14:05</time>')  # key events


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_lite_edition(client, newsroom, language):
    article, blog = newsroom["articles"][language], newsroom["blogs"][language]
    for url in [
        f"/{language}/lite/",
        f"/{language}/lite/{article.slug}/",
        f"/{language}/lite/live/{blog.slug}/",
    ]:
        assert_newsroom_dates(read(client, url), f">{FULL}</time>")
