"""Concurrency slots: a bound per process, and one across app servers kept in Redis."""

import threading
from datetime import timedelta

import pytest
import redis
import time_machine
from django.utils import timezone

from shield.concurrency import UNHELD, LocalSlots, SharedSlots, slot
from shield.refusals import Busy
from testing import free_port


@pytest.fixture
def shared_redis(request):
    """A Redis of our own (a throwaway server), emptied after the test."""
    server = request.getfixturevalue("redis_server")
    client = redis.Redis.from_url(server.url)
    yield client
    client.flushdb()


def test_a_process_bound_lets_n_in_and_takes_them_back():
    slots = LocalSlots(2)
    first, second = slots.take(), slots.take()
    assert first and second
    assert slots.take() is None
    slots.give_back(first)
    assert slots.take() is not None


def test_holding_a_slot_refuses_the_next_at_once():
    with slot("test-hold", 1, shared=False), pytest.raises(Busy), slot("test-hold", 1, False):
        pass
    with slot("test-hold", 1, shared=False):
        pass  # given back when the block ended


def test_a_slot_is_given_back_when_the_block_fails():
    with pytest.raises(ValueError), slot("test-fail", 1, shared=False):
        raise ValueError
    with slot("test-fail", 1, shared=False):
        pass


def test_shared_slots_are_counted_across_servers(shared_redis):
    # Two app servers are two SharedSlots objects on the same key.
    one = SharedSlots(shared_redis, "shield:test", 3, 30)
    other = SharedSlots(shared_redis, "shield:test", 3, 30)
    held = [one.take(), other.take(), one.take()]
    assert None not in held
    assert other.take() is None
    other.give_back(held[0])
    assert one.take() is not None


def test_a_slot_never_given_back_expires(shared_redis):
    slots = SharedSlots(shared_redis, "shield:test", 1, 30)
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        assert slots.take() is not None  # its worker dies without giving it back
        assert slots.take() is None
        traveller.shift(timedelta(seconds=29))
        assert slots.take() is None
        traveller.shift(timedelta(seconds=2))
        assert slots.take() is not None


def test_many_threads_never_hold_more_than_the_bound(shared_redis):
    slots = SharedSlots(shared_redis, "shield:test", 4, 30)
    start = threading.Barrier(16)
    taken = []

    def race():
        start.wait()
        taken.append(slots.take())

    threads = [threading.Thread(target=race) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len([token for token in taken if token]) == 4
    assert shared_redis.zcard("shield:test") == 4


def test_without_redis_requests_go_through():
    gone = redis.Redis(host="127.0.0.1", port=free_port(), socket_connect_timeout=0.2)
    slots = SharedSlots(gone, "shield:test", 1, 30)
    assert slots.take() == UNHELD
    assert slots.take() == UNHELD
    slots.give_back(UNHELD)
