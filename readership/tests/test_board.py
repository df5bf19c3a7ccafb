"""The board (Now reading, Most read, Most liked) when thousands of articles are read."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.db.models.signals import post_init
from django.test.utils import CaptureQueriesContext

from newsroom.models import ArticlePage
from readership import numbers
from readership.models import PendingCount, ReadingHour
from testing.factories import make_article
from testing.readership import beacon, counted_readers, like

pytestmark = pytest.mark.django_db
NOON = datetime(2026, 6, 27, 12, 0, tzinfo=UTC)


@pytest.fixture
def read_articles(client, homes, buffer_kind):
    """Twelve Belarusian and three Russian articles, read by 1, 3, 5... readers in turn.

    The same addresses read every article, so Redis's HyperLogLogs, when they lose a reader,
    lose them from all the articles together and the order stays (counted_readers).
    """
    articles = [make_article(title=f"Навіна {n}") for n in range(12)]
    articles += [make_article(title=f"Новость {n}", language="ru") for n in range(3)]
    with time_machine.travel(NOON, tick=False):
        for number, article in enumerate(articles):
            for reader in range(2 * (number % 12) + 1):
                beacon(client, article, ip=f"198.51.100.{reader + 1}")
        like(client, articles[3])
    return articles


def pages_loaded(call):
    loaded = []

    def count(sender, instance, **kwargs):
        loaded.append(instance.pk)

    post_init.connect(count, sender=ArticlePage)
    try:
        result = call()
    finally:
        post_init.disconnect(count, sender=ArticlePage)
    return result, loaded


def test_the_board_loads_only_the_articles_it_shows(read_articles, buffer_kind):
    with time_machine.travel(NOON, tick=False):
        board, loaded = pages_loaded(lambda: numbers.board("be"))
    belarusian = read_articles[:12]
    # The most read first; the Russian ones, read as much, are not in the Belarusian board.
    assert [item["id"] for item in board["most_read"]] == [a.pk for a in belarusian[:-6:-1]]
    readers = [item["readers"] for item in board["most_read"]]
    assert readers == [counted_readers(n, buffer_kind) for n in (23, 21, 19, 17, 15)]
    assert [item["id"] for item in board["most_liked"]] == [belarusian[3].pk]
    # Each article shown loaded once, none of the seven read but not shown.
    shown = {item["id"] for items in board.values() for item in items}
    assert sorted(loaded) == sorted(shown)


def test_the_three_editions_read_the_buffer_once(read_articles, buffer_kind):
    with time_machine.travel(NOON, tick=False):
        numbers.board("be")
        with CaptureQueriesContext(connection) as queries:
            russian = numbers.board("ru")
    assert [item["id"] for item in russian["most_read"]] == [a.pk for a in read_articles[:-4:-1]]
    readers = [item["readers"] for item in russian["most_read"]]
    assert readers == [counted_readers(n, buffer_kind) for n in (5, 3, 1)]
    tables = (PendingCount._meta.db_table, ReadingHour._meta.db_table)
    assert not [q for q in queries.captured_queries if any(t in q["sql"] for t in tables)]
    assert len(queries.captured_queries) == 2  # the Russian articles ranked, then loaded


def test_while_one_process_works_the_board_out_the_others_show_the_older_copy(
    client, read_articles, buffer_kind
):
    key = "readership:board:be"
    with time_machine.travel(NOON, tick=False):
        older = numbers.board("be")
        for reader in range(30):  # the numbers move on: the least read becomes the most
            beacon(client, read_articles[0], ip=f"203.0.113.{reader + 1}")
        cache.delete_many([key, "readership:window-counts"])  # as when they expire
        assert cache.add(f"{key}:working", 1, 5)  # another process is at it
        with CaptureQueriesContext(connection) as queries:
            assert numbers.board("be") == older
        assert queries.captured_queries == []
        cache.delete(f"{key}:working")  # it died without finishing
        newer = numbers.board("be")
    assert read_articles[0].pk not in {item["id"] for item in older["most_read"]}
    assert newer["most_read"][0]["id"] == read_articles[0].pk
    assert newer["most_read"][0]["readers"] == counted_readers(31, buffer_kind)


def test_the_first_board_after_the_cache_was_emptied_is_worked_out_once(
    read_articles, buffer_kind, monkeypatch
):
    key = "readership:board:be"
    with time_machine.travel(NOON, tick=False):
        worked_out = numbers.board("be")
        kept = [key, f"{key}:older", f"{key}:working", "readership:window-counts"]
        cache.delete_many(kept)  # as when the cache was emptied (the buffer stays)
        assert cache.add(f"{key}:working", 1, 5)  # another process is at it, nothing older

        def another_process_finishes(seconds):
            cache.set(key, worked_out, 5)

        monkeypatch.setattr(numbers.time, "sleep", another_process_finishes)
        with CaptureQueriesContext(connection) as queries:
            assert numbers.board("be") == worked_out
        assert queries.captured_queries == []
        # One that never finishes: the board is worked out here after the wait.
        cache.delete_many(kept)
        assert cache.add(f"{key}:working", 1, 5)
        monkeypatch.setattr(numbers.time, "sleep", lambda seconds: None)
        assert numbers.board("be") == worked_out
