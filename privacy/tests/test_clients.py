"""Hashed clients and their daily salts (DESIGN.md, privacy)."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.test import RequestFactory
from django.utils.module_loading import autodiscover_modules

from privacy.clients import ban_tokens, client_hash, destroy_old_salts
from privacy.limits import too_many
from privacy.models import DailySalt
from samizdat import jobs

pytestmark = pytest.mark.django_db
NOON = datetime(2026, 6, 27, 12, 0, tzinfo=datetime.now().astimezone().tzinfo)


def reader(ip="203.0.113.7", agent="Mozilla/5.0 Reader"):
    return RequestFactory().get("/", REMOTE_ADDR=ip, HTTP_USER_AGENT=agent)


@time_machine.travel(NOON, tick=False)
def test_same_reader_same_day_same_hash():
    assert client_hash(reader(), "comments") == client_hash(reader(), "comments")


@time_machine.travel(NOON, tick=False)
def test_hash_differs_by_reader_and_by_purpose():
    assert client_hash(reader(), "comments") != client_hash(reader(ip="203.0.113.8"), "comments")
    assert client_hash(reader(), "comments") != client_hash(reader(agent="Other"), "comments")
    assert client_hash(reader(), "comments") != client_hash(reader(), "readership")


def test_next_day_brings_a_new_salt_and_a_new_hash():
    with time_machine.travel(NOON, tick=False):
        first = client_hash(reader(), "readership")
    with time_machine.travel(NOON + timedelta(days=1), tick=False):
        second = client_hash(reader(), "readership")
    assert first != second
    assert DailySalt.objects.count() == 2


def test_hash_never_contains_the_address():
    token = client_hash(reader(ip="127.0.0.2"), "comments")
    assert "127.0.0.2" not in token and len(token) == 32
    assert not DailySalt.objects.filter(secret__contains="127.0.0.2").exists()


def test_salts_are_destroyed_after_48_hours():
    with time_machine.travel(NOON, tick=False):
        client_hash(reader(), "readership")
    with time_machine.travel(NOON + timedelta(hours=47), tick=False):
        assert destroy_old_salts() == 0
        assert DailySalt.objects.filter(day=NOON.date()).exists()
    with time_machine.travel(NOON + timedelta(hours=73), tick=False):
        assert destroy_old_salts() == 1
        assert not DailySalt.objects.filter(day=NOON.date()).exists()


def test_a_salt_outlives_its_day_by_48_hours_and_not_by_more():
    """A day's salt hashes that day's readers; 48 hours after the day ends it is gone."""
    day_ends = datetime(2026, 6, 28, tzinfo=UTC)
    with time_machine.travel(day_ends - timedelta(minutes=1), tick=False):
        client_hash(reader(), "readership")
    day = (day_ends - timedelta(minutes=1)).date()
    with time_machine.travel(day_ends + timedelta(hours=48, minutes=-1), tick=False):
        assert destroy_old_salts() == 0
        assert DailySalt.objects.filter(day=day).exists()
    with time_machine.travel(day_ends + timedelta(hours=48), tick=False):
        assert destroy_old_salts() == 1
        assert not DailySalt.objects.filter(day=day).exists()


def test_the_worker_destroys_salts_at_least_every_ten_minutes():
    autodiscover_modules("jobs")
    job = jobs.find("destroy_old_salts")
    assert job.interval <= 600
    with time_machine.travel(NOON, tick=False):
        client_hash(reader(), "readership")
    with time_machine.travel(NOON + timedelta(days=3), tick=False):
        job.func()
    assert not DailySalt.objects.exists()


@time_machine.travel(NOON, tick=False)  # one window of the per-minute limit
def test_rate_limit_counts_per_hashed_client():
    request = reader()
    assert [too_many(request, "test", "3/m") for _ in range(4)] == [False, False, False, True]
    assert too_many(reader(ip="198.51.100.1"), "test", "3/m") is False


def test_ban_token_outlives_the_daily_hash_but_not_two_periods():
    with time_machine.travel(NOON, tick=False):
        token = ban_tokens(reader())[0]
        daily = client_hash(reader(), "comments")
    with time_machine.travel(NOON + timedelta(days=5), tick=False):
        assert token in ban_tokens(reader())
        assert daily != client_hash(reader(), "comments")
        assert token not in ban_tokens(reader(ip="198.51.100.9"))
    with time_machine.travel(NOON + timedelta(days=61), tick=False):
        destroy_old_salts()
        assert token not in ban_tokens(reader())


def test_an_app_server_keeps_no_secret_the_worker_destroyed():
    with time_machine.travel(NOON, tick=False):
        first = client_hash(reader(), "readership")
    for days in (1, 2, 3):
        with time_machine.travel(NOON + timedelta(days=days), tick=False):
            client_hash(reader(), "readership")
    # The worker is another process: it destroys the rows, not this process's copies.
    DailySalt.objects.filter(day__lt=(NOON + timedelta(days=2)).date()).delete()
    with time_machine.travel(NOON, tick=False):
        assert client_hash(reader(), "readership") != first
