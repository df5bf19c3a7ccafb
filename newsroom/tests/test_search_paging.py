"""Search results newest first, paged by the key of the last article seen, at fixed cost."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsroom.search import RESULTS_PER_PAGE
from testing import forget_cached_state
from testing.factories import make_article

pytestmark = pytest.mark.django_db

NOON = datetime(2026, 3, 1, 12, tzinfo=UTC)
HEADLINE = re.compile(r'<h2 class="teaser__headline"><a href="[^"]*">(.*?)</a></h2>')
LINK = re.compile(r'<a rel="(prev|next)" href="\?q=[^&]*&amp;(after|before)=([0-9-]+)">')
NEWEST_FIRST = {
    "be": "Артыкулы з усімі вашымі словамі, ад найноўшых.",
    "ru": "Статьи со всеми вашими словами, сначала новые.",
    "en": "Articles with all your words, newest first.",
}


def publish_floods(count, django_capture_on_commit_callbacks, first=0):
    """Flood reports an hour apart, newest last; every third shares its neighbour's minute,
    so ties on the date are broken by the id. A story on another subject between each."""
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(first, first + count):
            when = NOON + timedelta(hours=number - number % 3 // 2)
            make_article(title=f"Паводка нумар {number}", published_at=when, section_slug=None)
            make_article(title=f"Выбары нумар {number}", published_at=when, section_slug=None)


def read(client, url):
    """Headlines on the page, without highlights, and its links: {"prev": ..., "next": ...}."""
    html = client.get(url).content.decode()
    headlines = [re.sub("</?mark>", "", title) for title in HEADLINE.findall(html)]
    links = {rel: f"/be/search/?q=паводка&{way}={key}" for rel, way, key in LINK.findall(html)}
    return headlines, links, html


def test_every_match_once_newest_first_through_older_and_newer_links(
    client, homes, django_capture_on_commit_callbacks
):
    publish_floods(47, django_capture_on_commit_callbacks)
    pages, url, links = [], "/be/search/?q=паводка", {}
    while url:
        headlines, links, _ = read(client, url)
        pages.append(headlines)
        url = links.get("next")
    assert [len(page) for page in pages] == [20, 20, 7]
    # Hour by hour back in time; the two reports of a shared hour, the later filed first.
    assert [title for page in pages for title in page] == [
        f"Паводка нумар {number}" for number in range(46, -1, -1)
    ]
    # Back from the last page through the newer links: the same pages again.
    back, url = [], links.get("prev")
    while url:
        headlines, links, _ = read(client, url)
        back.append(headlines)
        url = links.get("prev")
    assert back == pages[-2::-1]
    assert "prev" not in links  # the newest page has nothing newer


def test_the_newest_page_shows_no_newer_link_and_says_how_results_are_ordered(
    client, homes, django_capture_on_commit_callbacks
):
    publish_floods(3, django_capture_on_commit_callbacks)
    headlines, links, html = read(client, "/be/search/?q=паводка")
    assert headlines == ["Паводка нумар 2", "Паводка нумар 1", "Паводка нумар 0"]
    assert links == {}
    assert NEWEST_FIRST["be"] in html


@pytest.mark.parametrize("language", ["be", "ru", "en"])
def test_the_order_is_told_in_each_language(
    client, homes, django_capture_on_commit_callbacks, language
):
    title = {"be": "Паводка ў Гомелі", "ru": "Паводок в Гомеле", "en": "Flood in Gomel"}[language]
    word = title.split()[0]
    with django_capture_on_commit_callbacks(execute=True):
        make_article(title=title, language=language, section_slug=None)
    html = client.get(f"/{language}/search/", {"q": word}).content.decode()
    assert NEWEST_FIRST[language] in html


@pytest.mark.parametrize(
    "key", ["oops", "12-", "-5", "1" * 30 + "-1", "9" * 18 + "-1", "17000000000000000-x"]
)
def test_a_broken_key_in_the_link_shows_the_newest_results(
    client, homes, django_capture_on_commit_callbacks, key
):
    publish_floods(2, django_capture_on_commit_callbacks)
    for way in ("before", "after"):
        response = client.get("/be/search/", {"q": "паводка", way: key})
        assert response.status_code == 200
        assert read(client, f"/be/search/?q=паводка&{way}={key}")[0][0] == "Паводка нумар 1"


def search_queries(client, url):
    # The results cache, the day's salt and the generation the page memos hang on: every
    # round starts from the same nothing, however quickly it follows the last.
    forget_cached_state()
    client.get("/be/search/?q=снег")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries.captured_queries)


def test_queries_per_search_stay_fixed_as_the_archive_grows(
    client, homes, django_capture_on_commit_callbacks, settings
):
    settings.PAGE_CACHE_SECONDS = 0
    publish_floods(RESULTS_PER_PAGE + 5, django_capture_on_commit_callbacks)
    small_first = search_queries(client, "/be/search/?q=паводка")
    small_deep = search_queries(client, read(client, "/be/search/?q=паводка")[1]["next"])
    publish_floods(3 * RESULTS_PER_PAGE, django_capture_on_commit_callbacks, first=100)
    large_first = search_queries(client, "/be/search/?q=паводка")
    url = "/be/search/?q=паводка"
    for _ in range(3):
        url = read(client, url)[1]["next"]
    large_deep = search_queries(client, url)
    assert small_first == small_deep == large_first == large_deep


def test_a_draft_is_not_searched_until_it_is_published(
    client, homes, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article(title="Паводка ў Гомелі", section_slug=None)
    article.title = "Паводка ў Мазыры"
    with django_capture_on_commit_callbacks(execute=True):
        revision = article.save_revision()
    assert read(client, "/be/search/?q=мазыры")[0] == []
    assert read(client, "/be/search/?q=гомели")[0] == ["Паводка ў Гомелі"]
    with django_capture_on_commit_callbacks(execute=True):
        revision.publish()
    assert read(client, "/be/search/?q=мазыры")[0] == ["Паводка ў Мазыры"]
    assert read(client, "/be/search/?q=гомели")[0] == []
