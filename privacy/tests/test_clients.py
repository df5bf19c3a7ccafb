"""Hashed clients and their daily salts (DESIGN.md, privacy)."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.test import RequestFactory
from django.utils.module_loading import autodiscover_modules

from privacy import clients
from privacy.clients import (
    address_hash,
    agent_group,
    ban_tokens,
    client_address,
    client_hash,
    destroy_old_salts,
    today,
)
from privacy.limits import too_many
from privacy.models import DailySalt
from samizdat import caching, jobs

pytestmark = pytest.mark.django_db
NOON = datetime(2026, 6, 27, 12, 0, tzinfo=datetime.now().astimezone().tzinfo)


def reader(ip="203.0.113.7", agent="Mozilla/5.0 Reader", **headers):
    return RequestFactory().get("/", REMOTE_ADDR=ip, HTTP_USER_AGENT=agent, **headers)


def agent_of_another_group(request):
    """A user agent that falls in another group today than the request's own."""
    own = agent_group(request, today())
    return next(
        agent
        for agent in (f"Mozilla/5.0 Reader {n}" for n in range(1000))
        if agent_group(reader(agent=agent), today()) != own
    )


@time_machine.travel(NOON, tick=False)
def test_same_reader_same_day_same_hash():
    assert client_hash(reader(), "comments") == client_hash(reader(), "comments")


@time_machine.travel(NOON, tick=False)
def test_hash_differs_by_reader_and_by_purpose():
    other_agent = agent_of_another_group(reader())
    assert client_hash(reader(), "comments") != client_hash(reader(ip="203.0.113.8"), "comments")
    assert client_hash(reader(), "comments") != client_hash(reader(agent=other_agent), "comments")
    assert client_hash(reader(), "comments") != client_hash(reader(), "readership")


@time_machine.travel(NOON, tick=False)
def test_one_address_is_at_most_agent_groups_readers(settings):
    settings.AGENT_GROUPS = 8
    hashes = {client_hash(reader(agent=f"Agent/{n}"), "readership") for n in range(200)}
    assert len(hashes) == 8


@time_machine.travel(NOON, tick=False)
def test_address_hash_ignores_the_user_agent_but_not_the_address():
    assert address_hash(reader(), "search") == address_hash(reader(agent="Other"), "search")
    assert address_hash(reader(), "search") != address_hash(reader(ip="203.0.113.8"), "search")
    assert address_hash(reader(), "search") != address_hash(reader(), "comments")


def forwarded(chain, proxy="127.0.0.1"):
    return reader(ip=proxy, HTTP_X_FORWARDED_FOR=chain)


def test_without_trusted_proxies_the_forwarded_header_is_ignored(settings):
    settings.TRUSTED_PROXY_HOPS = 0
    assert client_address(forwarded("198.51.100.1")) == "127.0.0.1"


def test_one_hop_takes_the_entry_nginx_added_not_what_the_client_wrote(settings):
    settings.TRUSTED_PROXY_HOPS = 1
    assert client_address(forwarded("198.51.100.1, 203.0.113.7")) == "203.0.113.7"
    assert client_address(forwarded("203.0.113.7")) == "203.0.113.7"
    assert client_address(reader(ip="203.0.113.9")) == "203.0.113.9"


def test_two_hops_take_the_entry_the_cdn_added(settings):
    settings.TRUSTED_PROXY_HOPS = 2
    chain = "10.9.9.9, 198.51.100.1, 203.0.113.7, 192.0.2.10"
    assert client_address(forwarded(chain)) == "203.0.113.7"
    # Straight to nginx, past the CDN: nginx's entry is the only one and it is real.
    assert client_address(forwarded("203.0.113.7")) == "203.0.113.7"


def test_forwarded_headers_sent_twice_are_read_as_one_list(settings):
    settings.TRUSTED_PROXY_HOPS = 1
    # What a server makes of two X-Forwarded-For lines: one value joined by a comma.
    assert client_address(forwarded("198.51.100.1,203.0.113.7")) == "203.0.113.7"


def test_an_ipv6_client_is_its_whole_64_network(settings):
    one = client_address(reader(ip="2001:db8:1:2::1"))
    assert one == client_address(reader(ip="2001:db8:1:2:ffff::9")) == "2001:db8:1:2::/64"
    assert one != client_address(reader(ip="2001:db8:1:3::1"))
    assert client_address(reader(ip="::ffff:203.0.113.7")) == "203.0.113.7"


@pytest.mark.parametrize(
    ("ip", "network"),
    [
        ("2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::/64"),
        ("2001:db8:0:0:1::", "2001:db8::/64"),
        ("::1", "::/64"),
        ("fe80::1%eth0", "fe80::/64"),
        ("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "ffff:ffff:ffff:ffff::/64"),
        ("2001:db8:a:b:c:d:e:f", "2001:db8:a:b::/64"),
    ],
)
def test_a_64_network_is_written_one_way_however_the_address_was(ip, network):
    """Limit keys hash this text: two spellings of one /64 must be one client."""
    assert client_address(reader(ip=ip)) == network


@time_machine.travel(NOON, tick=False)
def test_a_ban_holds_for_the_address_whatever_the_user_agent():
    assert ban_tokens(reader()) == ban_tokens(reader(agent="Something else/1.0"))


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
def test_rate_limit_counts_per_hashed_address():
    agents = [reader(agent=f"Agent/{n}") for n in range(4)]
    assert [too_many(request, "test", "3/m") for request in agents] == [False] * 3 + [True]
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


def test_an_idle_app_server_forgets_a_destroyed_salt_within_ten_minutes(monkeypatch):
    """No newer salt reaches a process that serves nobody; its copy still has a time limit."""
    now = [1000.0]
    monkeypatch.setattr(clients, "clock", lambda: now[0])
    with time_machine.travel(NOON, tick=False):
        first = client_hash(reader(), "readership")
        # The worker, another process, destroys the row (here early, to tell them apart).
        DailySalt.objects.all().delete()
        now[0] += caching.DAILY_SALTS.seconds - 1
        assert client_hash(reader(), "readership") == first
        now[0] += 2
        assert client_hash(reader(), "readership") != first
