"""Search under a flood: results cached per normalised query, run once, limited, bounded."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection, connections
from django.test import Client
from django.test.utils import CaptureQueriesContext

from newsroom import views
from newsroom.search import results_key
from samizdat import caching
from shield import flight
from shield.concurrency import slot
from testing.factories import make_article

# Wagtail's index (SQLite) or the articles' own vectors (PostgreSQL).
SEARCH_TABLES = ("wagtailsearch_indexentry", "newsroom_articlesearchentry")
SLOW_SQL = (
    "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 200000000) "
    "SELECT count(*) FROM n"
)
MESSAGES = {
    "too_often": {
        "be": "Вы шукаеце занадта часта. Паспрабуйце яшчэ раз праз хвілінку.",
        "ru": "Вы ищете слишком часто. Попробуйте ещё раз через минутку.",
        "en": "You are searching too often. Please try again in a moment.",
    },
    "busy": {
        "be": "Пошук зараз перагружаны. Паспрабуйце яшчэ раз праз хвілінку.",
        "ru": "Поиск сейчас перегружен. Попробуйте ещё раз через минутку.",
        "en": "Search is busy right now. Please try again in a moment.",
    },
}


@pytest.fixture
def floods(homes, django_capture_on_commit_callbacks, settings):
    """One article in each language; the page cache off, so every request reaches search."""
    settings.PAGE_CACHE_SECONDS = 0
    with django_capture_on_commit_callbacks(execute=True):
        for language, title in (("be", "Паводка ў Гомелі"), ("ru", "Паводок в Гомеле")):
            make_article(title=title, language=language, section_slug=None)
        make_article(title="Flood in Gomel", language="en", section_slug=None)


def search_sql(client, url, **extra):
    """The response and how many of its queries read the search index."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    captured = queries.captured_queries
    return response, sum(any(t in query["sql"] for t in SEARCH_TABLES) for query in captured)


def stored(language, words, position=None):
    return cache.get(results_key(language, words, position, caching.generation()))


def test_the_same_query_again_runs_no_search_sql(client, floods):
    first, first_sql = search_sql(client, "/be/search/?q=паводка")
    second, second_sql = search_sql(client, "/be/search/?q=паводка")
    assert first_sql > 0
    assert second_sql == 0
    assert "<mark>Паводка</mark> ў Гомелі" in second.content.decode()
    assert second.content == first.content


def test_spelling_case_and_spacing_variants_share_one_entry(client, floods):
    _, first_sql = search_sql(client, "/be/search/?q=Гомелі паводка")
    assert first_sql > 0
    for variant in ("  гомели   ПАВОДКА ", "ГОМЕЛІ, паводка!", "гомелі\tпаводка"):
        response, sql = search_sql(client, "/be/search/", data={"q": variant})
        assert sql == 0, variant
        assert "<mark>Паводка</mark> ў <mark>Гомелі</mark>" in response.content.decode()
    # The reader's own words stay in the search box.
    response = client.get("/be/search/", data={"q": "  гомели   ПАВОДКА "})
    assert 'value="  гомели   ПАВОДКА "' in response.content.decode()


def test_language_and_page_have_entries_of_their_own(client, floods):
    search_sql(client, "/be/search/?q=гомель")
    assert search_sql(client, "/ru/search/?q=гомель")[1] > 0
    assert search_sql(client, "/be/search/?q=гомель&before=1764300000000000-9")[1] > 0
    assert search_sql(client, "/be/search/?q=гомель&after=1764300000000000-9")[1] > 0
    assert search_sql(client, "/be/search/?q=гомель&before=oops")[1] == 0  # the newest page


# A per-minute limit counts in windows of the wall clock: a test whose requests straddle the
# end of one would be let through. The clock stands still where a test counts requests.
NOON = "2026-06-27 12:00 +03:00"


@time_machine.travel(NOON, tick=False)
def test_a_client_searching_too_often_gets_a_translated_429(client, floods, settings):
    settings.SEARCH_RATE = "2/m"
    for language in ("be", "ru", "en"):
        cache.clear()
        address = {"REMOTE_ADDR": f"198.51.100.{len(language)}{ord(language[0])}"}
        assert client.get(f"/{language}/search/?q=першае", **address).status_code == 200
        assert client.get(f"/{language}/search/?q=другое", **address).status_code == 200
        response, sql = search_sql(client, f"/{language}/search/?q=паводка", **address)
        assert response.status_code == 429
        assert 1 <= int(response["Retry-After"]) <= 60
        assert response["Cache-Control"] == "no-store"
        assert MESSAGES["too_often"][language] in response.content.decode()
        assert sql == 0
        assert stored(language, ["паводка"]) is None  # nothing stored for the refused query
        other = client.get(f"/{language}/search/?q=паводка", REMOTE_ADDR="203.0.113.99")
        assert other.status_code == 200


@pytest.mark.parametrize("language", ["be", "ru", "en"])
def test_over_the_concurrency_bound_search_answers_503(client, floods, settings, language):
    settings.SEARCH_CONCURRENCY = 1
    with slot("search", 1):  # another app server's search holds the only slot
        response, sql = search_sql(client, f"/{language}/search/?q=паводка")
    assert response.status_code == 503
    assert response["Retry-After"] == str(settings.SHIELD_RETRY_AFTER)
    assert MESSAGES["busy"][language] in response.content.decode()
    assert sql == 0
    assert stored(language, ["паводка"]) is None
    # The slot is free again: the same search now runs.
    assert client.get(f"/{language}/search/?q=паводка").status_code == 200


def test_a_search_past_its_deadline_answers_503_and_is_not_run_again(
    client, floods, settings, monkeypatch
):
    settings.SEARCH_TIMEOUT_MS = 50
    runs = []

    def slow_search(*args):
        runs.append(args)
        with connection.cursor() as cursor:
            cursor.execute(SLOW_SQL)
        raise AssertionError("the deadline did not stop the query")

    monkeypatch.setattr(views, "results_page", slow_search)
    response = client.get("/ru/search/?q=паводок")
    assert response.status_code == 503
    assert MESSAGES["busy"]["ru"] in response.content.decode()
    assert response["Retry-After"] == str(settings.SHIELD_RETRY_AFTER)
    again = client.get("/ru/search/?q=ПАВОДОК")
    assert again.status_code == 503
    assert len(runs) == 1  # the failure is remembered for a little while
    # The connection is fine afterwards and the deadline did not outlive the search.
    monkeypatch.undo()
    settings.SEARCH_TIMEOUT_MS = 2000
    assert "<mark>Flood</mark> in Gomel" in client.get("/en/search/?q=flood").content.decode()
    with connection.cursor() as cursor:
        cursor.execute(SLOW_SQL.replace("200000000", "300000"))
        assert cursor.fetchone()[0] == 300000


@pytest.mark.django_db(transaction=True)
def test_identical_searches_at_once_run_the_search_once(site_skeleton, settings, monkeypatch):
    settings.PAGE_CACHE_SECONDS = 0
    # Followers wait up to the search deadline (plus a second) for the leader; a loaded
    # machine may take seconds to bring six requests through the stack, so give them time.
    settings.SEARCH_TIMEOUT_MS = 60_000
    make_article(title="Паводка ў Гомелі", section_slug=None)
    # What a site does once (the day's salt, what it keeps between publications) is done first,
    # so the six readers below only read and meet at the search itself.
    assert Client(REMOTE_ADDR="198.51.100.99").get("/be/search/?q=снег").status_code == 200
    readers = 6
    runs, followers = [], []
    everyone_waits = threading.Event()
    real_results, real_wait = views.results_page, flight.wait_for

    def leading(*args):
        runs.append(args)
        everyone_waits.wait(timeout=50)  # lead only once the others have lost the race
        return real_results(*args)

    def following(*args):
        followers.append(args)
        if len(followers) == readers - 1:
            everyone_waits.set()
        return real_wait(*args)

    monkeypatch.setattr(views, "results_page", leading)
    monkeypatch.setattr(flight, "wait_for", following)
    start = threading.Barrier(readers)

    def read(number):
        start.wait()
        response = Client(REMOTE_ADDR=f"198.51.100.{number + 1}").get("/be/search/?q=паводка")
        connections.close_all()
        return response.status_code, response.content.decode()

    with ThreadPoolExecutor(readers) as pool:
        answers = list(pool.map(read, range(readers)))
    assert len(runs) == 1
    assert len(followers) == readers - 1
    assert [status for status, _ in answers] == [200] * readers
    assert all("<mark>Паводка</mark> ў Гомелі" in html for _, html in answers)
