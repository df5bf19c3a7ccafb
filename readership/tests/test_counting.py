"""Counting views, readers and likes in both buffers, and what the flush makes of them."""

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db import connections
from django.test import Client, RequestFactory

from privacy.clients import client_hash
from readership import numbers
from readership.buffers import current_buffer
from readership.flush import flush
from readership.models import ArticleTotals, ReadingDay, ReadingHour
from readership.reading import is_published_article
from testing.factories import make_article
from testing.readership import beacon, counted_readers, like

# Mid-morning UTC, so an hour or two later is still the same day.
MORNING = datetime(2026, 6, 27, 9, 10, tzinfo=UTC)


def ids(items):
    return [item["id"] for item in items]


def fresh_board():
    """The lists as they stand now, not as cached a few seconds ago."""
    return numbers._board("be")


def test_concurrent_beacons_are_counted_exactly(
    skeleton_rebuilt_after, transactional_db, buffer_kind
):
    if buffer_kind == "database" and connections["default"].vendor == "sqlite":
        # The test database is SQLite in shared-cache memory, where concurrent writers get
        # "table is locked" at once instead of waiting as they do on a WAL file; the
        # PostgreSQL run covers this case.
        pytest.skip("concurrent writers need PostgreSQL or a SQLite file in tests")
    article = make_article()

    def read(number):
        client = Client()
        beacon(client, article, ip=f"198.51.100.{number % 20}")
        beacon(client, article, kind="heartbeat", ip=f"198.51.100.{number % 20}")
        connections.close_all()

    with time_machine.travel(MORNING, tick=False):
        # The day's salt and the article's status are made once, as the first beacon of a
        # day would; the threads then race on counting alone.
        client_hash(RequestFactory().get("/"), "readership")
        assert is_published_article(article.pk)
        with ThreadPoolExecutor(max_workers=8) as pool:
            list(pool.map(read, range(100)))
        board = fresh_board()
    assert board["most_read"][0]["readers"] == counted_readers(20, buffer_kind)
    assert board["now_reading"][0]["readers"] == 20
    with time_machine.travel(MORNING + timedelta(days=1), tick=False):
        flush()
    assert ReadingHour.objects.get(article=article).views == 100
    assert ReadingDay.objects.get(article=article).readers == counted_readers(20, buffer_kind)
    assert ArticleTotals.objects.get(article=article).views == 100


@pytest.mark.django_db
def test_a_reader_counts_once_however_many_views(client, homes, buffer_kind):
    article = make_article()
    with time_machine.travel(MORNING, tick=False):
        for _ in range(5):
            beacon(client, article)
        beacon(client, article, ip="203.0.113.99")
        assert fresh_board()["most_read"] == [
            {
                "id": article.pk,
                "title": article.title,
                "url": article.url,
                "comments": 0,
                "readers": 2,
            }
        ]


@pytest.mark.django_db
def test_a_view_25_hours_ago_is_not_in_most_read(client, homes, buffer_kind):
    old, recent = make_article(title="Учорашняя навіна"), make_article(title="Сённяшняя навіна")
    with time_machine.travel(MORNING - timedelta(hours=25), tick=False):
        beacon(client, old)
    with time_machine.travel(MORNING - timedelta(hours=23), tick=False):
        beacon(client, recent)
    with time_machine.travel(MORNING, tick=False):
        assert ids(fresh_board()["most_read"]) == [recent.pk]


@pytest.mark.django_db
def test_most_read_counts_distinct_readers_across_hours(client, homes, buffer_kind):
    """A reader back three hours in a row is one reader, not three."""
    loyal, popular = make_article(title="Адна"), make_article(title="Другая")
    with time_machine.travel(MORNING, tick=False):
        for hour in range(3):
            with time_machine.travel(MORNING + timedelta(hours=hour), tick=False):
                beacon(client, loyal)
        beacon(client, popular, ip="203.0.113.1")
        beacon(client, popular, ip="203.0.113.2")
    with time_machine.travel(MORNING + timedelta(hours=3), tick=False):
        flush()
        board = fresh_board()["most_read"]
    assert [(item["id"], item["readers"]) for item in board] == [(popular.pk, 2), (loyal.pk, 1)]


@pytest.mark.django_db
def test_most_liked_counts_likes_of_the_last_7_days(client, homes, buffer_kind):
    old, recent = make_article(title="Даўняя"), make_article(title="Свежая")
    with time_machine.travel(MORNING - timedelta(days=8), tick=False):
        like(client, old, ip="203.0.113.1")
        like(client, old, ip="203.0.113.2")
    with time_machine.travel(MORNING - timedelta(days=6), tick=False):
        flush()
        like(client, recent)
    with time_machine.travel(MORNING, tick=False):
        flush()
        board = fresh_board()
        assert [(item["id"], item["likes"]) for item in board["most_liked"]] == [(recent.pk, 1)]
        # All-time likes still count the old ones on the button.
        assert numbers.like_counts([old.pk]) == {old.pk: 2}


@pytest.mark.django_db
def test_now_reading_keeps_a_reader_five_minutes_after_the_last_heartbeat(
    client, homes, buffer_kind
):
    article = make_article()
    with time_machine.travel(MORNING, tick=False):
        beacon(client, article)
    with time_machine.travel(MORNING + timedelta(minutes=4), tick=False):
        beacon(client, article, kind="heartbeat")
    with time_machine.travel(MORNING + timedelta(minutes=8), tick=False):
        assert ids(fresh_board()["now_reading"]) == [article.pk]
    with time_machine.travel(MORNING + timedelta(minutes=9, seconds=1), tick=False):
        assert fresh_board()["now_reading"] == []


@pytest.mark.django_db
def test_now_reading_ranks_articles_by_readers(client, homes, buffer_kind):
    busy, quiet = make_article(title="Шмат чытачоў"), make_article(title="Мала чытачоў")
    with time_machine.travel(MORNING, tick=False):
        for number in range(3):
            beacon(client, busy, ip=f"203.0.113.{number}")
        beacon(client, quiet)
        board = fresh_board()
    assert [(item["id"], item["readers"]) for item in board["now_reading"]] == [
        (busy.pk, 3),
        (quiet.pk, 1),
    ]


@pytest.mark.django_db
def test_reader_counted_today_is_a_new_reader_tomorrow(client, homes, buffer_kind):
    """The daily salt changes the hash: the same browser is a new reader the next day."""
    article = make_article()
    evening = MORNING.replace(hour=23, minute=30)
    with time_machine.travel(evening, tick=False):
        beacon(client, article)
        beacon(client, article)
    with time_machine.travel(evening + timedelta(hours=1), tick=False):
        beacon(client, article)
        # Within 24 hours but across midnight: two hashes, so two readers.
        assert fresh_board()["most_read"][0]["readers"] == 2
    with time_machine.travel(evening + timedelta(days=2), tick=False):
        flush()
    days = ReadingDay.objects.filter(article=article).order_by("day")
    assert [(day.day, day.views, day.readers) for day in days] == [
        (evening.date(), 2, 1),
        (evening.date() + timedelta(days=1), 1, 1),
    ]


@pytest.mark.django_db
def test_replayed_like_counts_once_and_unlike_takes_it_back(client, homes, buffer_kind):
    article = make_article()
    with time_machine.travel(MORNING, tick=False):
        assert like(client, article).json() == {"article": article.pk, "liked": True, "likes": 1}
        assert like(client, article).json()["likes"] == 1
        assert like(client, article, ip="203.0.113.50").json()["likes"] == 2
        assert like(client, article, liked=False).json()["likes"] == 1
        assert like(client, article, liked=False).json()["likes"] == 1
        assert like(client, article).json()["likes"] == 2
    with time_machine.travel(MORNING + timedelta(hours=2), tick=False):
        flush()
        assert ArticleTotals.objects.get(article=article).likes == 2
        assert numbers.like_counts([article.pk]) == {article.pk: 2}


@pytest.mark.django_db
def test_an_unlike_without_a_like_changes_nothing(client, homes, buffer_kind):
    article = make_article()
    with time_machine.travel(MORNING, tick=False):
        assert like(client, article).json()["likes"] == 1
        for number in range(3):
            stranger = f"198.51.100.{number + 1}"
            assert like(client, article, liked=False, ip=stranger).json()["likes"] == 1
        # The stranger who unliked first may still like, and that counts.
        assert like(client, article, ip="198.51.100.1").json()["likes"] == 2
        assert current_buffer().pending_counts()[article.pk][1] == 2
    with time_machine.travel(MORNING + timedelta(hours=2), tick=False):
        flush()
        assert ArticleTotals.objects.get(article=article).likes == 2


@pytest.mark.django_db
def test_known_bots_are_not_counted(client, homes, buffer_kind):
    article = make_article()
    bots = [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0)",
        "facebookexternalhit/1.1",
        "curl/8.5.0",
        "python-requests/2.32",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/130.0 Safari/537.36",
        "",
    ]
    with time_machine.travel(MORNING, tick=False):
        for number, agent in enumerate(bots):
            assert beacon(client, article, ip=f"203.0.113.{number}", agent=agent).status_code == 202
            like(client, article, ip=f"203.0.113.{number}", agent=agent)
        board = fresh_board()
    assert board == {"now_reading": [], "most_read": [], "most_liked": []}
    assert numbers.like_counts([article.pk]) == {article.pk: 0}


@pytest.mark.django_db
def test_flush_writes_only_closed_hours(client, homes, buffer_kind):
    article = make_article()
    with time_machine.travel(MORNING, tick=False):
        beacon(client, article)
        flush()
        assert not ReadingHour.objects.exists()
    # The hour closed at 10:00; the flush waits a minute for late writers.
    with time_machine.travel(MORNING.replace(minute=0) + timedelta(hours=1, seconds=30)):
        flush()
        assert not ReadingHour.objects.exists()
    with time_machine.travel(MORNING.replace(minute=0) + timedelta(hours=1, seconds=61)):
        flush()
    assert ReadingHour.objects.get(article=article).views == 1


@pytest.mark.django_db
def test_flushing_again_counts_nothing_twice(client, homes, buffer_kind):
    article = make_article()
    with time_machine.travel(MORNING, tick=False):
        beacon(client, article)
        beacon(client, article, ip="203.0.113.2")
        like(client, article)
    with time_machine.travel(MORNING + timedelta(days=1), tick=False):
        flush()
        flush()
    hour = ReadingHour.objects.get(article=article)
    assert (hour.views, hour.likes) == (2, 1)
    totals = ArticleTotals.objects.get(article=article)
    assert (totals.views, totals.likes) == (2, 1)
    assert ReadingDay.objects.get(article=article).readers == 2


@pytest.mark.django_db
def test_a_flush_that_dies_before_clearing_redis_is_rerun_without_double_counting(
    client, homes, settings, redis_server
):
    """Redis is cleared after the database commit; in between, a crash leaves the hour."""
    from testing import use_redis

    use_redis(settings, redis_server.url)
    buffer = current_buffer()
    buffer.redis.flushdb()
    article = make_article()
    with time_machine.travel(MORNING, tick=False):
        beacon(client, article)
        beacon(client, article, ip="203.0.113.2")
        like(client, article)
    # What the buffer held before the flush, as a crash would have left it.
    keys = buffer.redis.keys("samizdat:readership:*")
    saved = {key: buffer.redis.dump(key) for key in keys}
    with time_machine.travel(MORNING + timedelta(hours=2), tick=False):
        flush()
        for key, value in saved.items():
            buffer.redis.restore(key, 0, value, replace=True)
        flush()
    totals = ArticleTotals.objects.get(article=article)
    assert (totals.views, totals.likes) == (2, 1)
    assert ReadingHour.objects.get(article=article).views == 2
    buffer.redis.flushdb()


@pytest.mark.django_db
def test_a_flush_that_dies_in_the_database_buffer_leaves_everything_pending(
    client, homes, settings
):
    """The database buffer is cleared in the flush's own transaction: all or nothing."""
    from django.db import transaction

    settings.REDIS_URL = ""
    article = make_article()
    with time_machine.travel(MORNING, tick=False):
        beacon(client, article)
    with time_machine.travel(MORNING + timedelta(hours=2), tick=False):
        with pytest.raises(RuntimeError), transaction.atomic():
            flush()
            raise RuntimeError("the worker was killed")
        assert not ReadingHour.objects.exists()
        flush()
    assert ReadingHour.objects.get(article=article).views == 1
    assert ArticleTotals.objects.get(article=article).views == 1


@pytest.mark.django_db
def test_old_hours_are_rolled_up_into_days(client, homes, buffer_kind):
    article = make_article()
    with time_machine.travel(MORNING, tick=False):
        beacon(client, article)
        like(client, article)
    with time_machine.travel(MORNING + timedelta(hours=1), tick=False):
        beacon(client, article, ip="203.0.113.2")
    with time_machine.travel(MORNING + timedelta(days=1), tick=False):
        flush()
        assert ReadingHour.objects.filter(article=article).count() == 2
    with time_machine.travel(MORNING + timedelta(days=10), tick=False):
        flush()
        assert not ReadingHour.objects.exists()
    day = ReadingDay.objects.get(article=article)
    assert (day.day, day.views, day.readers, day.likes) == (MORNING.date(), 2, 2, 1)
    assert numbers.like_counts([article.pk]) == {article.pk: 1}


@pytest.mark.django_db
def test_bulk_views_count_like_single_beacons(homes, buffer_kind):
    first, second = make_article(title="Першая"), make_article(title="Другая")
    events = [(first.pk, f"reader-{n % 7}", MORNING) for n in range(30)]
    events += [(second.pk, f"reader-{n}", MORNING + timedelta(hours=1)) for n in range(5)]
    current_buffer().record_views(events, batch=8)
    with time_machine.travel(MORNING + timedelta(days=1), tick=False):
        flush()
    assert ReadingHour.objects.get(article=first).views == 30
    assert ReadingDay.objects.get(article=first).readers == 7
    assert ReadingDay.objects.get(article=second).readers == 5


@pytest.mark.django_db
def test_the_worker_runs_the_flush(homes, client, buffer_kind):
    from django.core.management import call_command

    from samizdat import jobs

    article = make_article()
    with time_machine.travel(MORNING, tick=False):
        beacon(client, article)
    with time_machine.travel(MORNING + timedelta(hours=2), tick=False):
        call_command("worker", "--once")
    assert "readership_flush" in jobs.names()
    assert ReadingHour.objects.get(article=article).views == 1


@pytest.mark.django_db
def test_a_backlog_of_old_readers_is_trimmed_in_steps(homes, settings, redis_server):
    """After an outage Now reading may hold many stale readers; they go without a timeout."""
    from testing import use_redis

    use_redis(settings, redis_server.url)
    buffer = current_buffer()
    buffer.redis.flushdb()
    article = make_article()
    old = MORNING - timedelta(hours=1)
    buffer.record_views((article.pk, f"reader-{n}", old) for n in range(25_000))
    buffer.record_heartbeat(article.pk, "still-here", MORNING)
    assert buffer.now_reading(MORNING) == {article.pk: 1}
    assert buffer.redis.zcard("samizdat:readership:now") == 1
    buffer.redis.flushdb()
