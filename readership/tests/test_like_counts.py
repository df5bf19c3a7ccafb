"""Like counts: kept until a like or the flush changes them, read for the asked articles alone."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from readership import numbers
from readership.buffers import current_buffer
from readership.flush import flush
from readership.models import ArticleTotals
from testing.factories import make_article
from testing.readership import beacon, like

pytestmark = pytest.mark.django_db
MORNING = datetime(2026, 6, 27, 9, 10, tzinfo=UTC)


def likes_of(client, article):
    return client.get(f"/api/readership/live?ids={article.pk}").json()["likes"][str(article.pk)]


def totals_read(queries):
    return [q for q in queries.captured_queries if ArticleTotals._meta.db_table in q["sql"]]


def test_a_like_count_outlives_the_live_numbers(client, homes, buffer_kind, settings):
    article = make_article()
    with time_machine.travel(MORNING, tick=False):
        like(client, article)
        assert likes_of(client, article) == 1
    # Now reading and the lists are read again after a few seconds; the count is not.
    with time_machine.travel(MORNING + timedelta(seconds=30), tick=False):
        with CaptureQueriesContext(connection) as queries:
            assert likes_of(client, article) == 1
        assert totals_read(queries) == []
    if "redis" in settings.CACHES["default"]["BACKEND"]:
        # Redis expires keys by its own clock, which time_machine does not move.
        assert 30 < cache.ttl(f"readership:likes:{article.pk}") <= 60
        return
    with time_machine.travel(MORNING + timedelta(seconds=61), tick=False):
        with CaptureQueriesContext(connection) as queries:
            assert likes_of(client, article) == 1
        assert len(totals_read(queries)) == 1


def test_the_flush_leaves_like_counts_right(client, homes, buffer_kind):
    article, other = make_article(title="liked-twice"), make_article(title="liked-once")
    with time_machine.travel(MORNING, tick=False):
        like(client, article)
        like(client, article, ip="198.51.100.9")
        like(client, other)
        assert numbers.like_counts([article.pk, other.pk]) == {article.pk: 2, other.pk: 1}
    with time_machine.travel(MORNING + timedelta(hours=2), tick=False):
        # What a read racing the flush could keep: the totals already added to, the buffer
        # not yet emptied.
        cache.set(f"readership:likes:{article.pk}", 4, 60)
        assert flush() >= 1
        assert ArticleTotals.objects.get(article=article).likes == 2
        assert numbers.like_counts([article.pk, other.pk]) == {article.pk: 2, other.pk: 1}
        like(client, other, ip="198.51.100.9")  # in a new hour, pending again
        assert numbers.like_counts([other.pk]) == {other.pk: 2}


def test_pending_likes_are_read_for_the_asked_articles_alone(client, homes, buffer_kind):
    asked = make_article(title="asked")
    unasked, only_read = make_article(title="unasked"), make_article(title="only-read")
    with time_machine.travel(MORNING, tick=False):
        like(client, asked)
        like(client, unasked)
        beacon(client, only_read)
    with time_machine.travel(MORNING + timedelta(hours=1), tick=False):
        like(client, asked, ip="198.51.100.9")
        pending = current_buffer().pending_likes([asked.pk, only_read.pk])
    # Two hours of the asked article's likes summed; nothing of the article not asked for.
    assert pending.get(asked.pk) == 2
    assert unasked.pk not in pending
    assert pending.get(only_read.pk, 0) == 0
