"""Bounded concurrency: at most N requests of a kind at once, in this process or site-wide.

Site-wide bounds live in Redis as a sorted set of held slots, each with an expiry time, so a
worker that dies holding a slot gives it back after SLOT_SECONDS. Taking a slot is one Lua
script (one round trip), giving it back one ZREM. Without Redis, or for paths where even
that is too much, a semaphore in this process does the job with no round trip at all.

redis-py's Lock is a mutex, not a counting semaphore, and none of our dependencies has one
with expiring slots, hence the few lines of Lua below.
"""

import logging
import secrets
import threading
import time
from contextlib import contextmanager, suppress

from django.conf import settings
from django.core.cache import cache
from redis.exceptions import RedisError

from .refusals import Busy

log = logging.getLogger(__name__)

# KEYS[1] the set; ARGV: now, expiry of a new slot, limit, token, key lifetime in ms.
TAKE_SCRIPT = """
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then
    redis.call('ZADD', KEYS[1], ARGV[2], ARGV[4])
    redis.call('PEXPIRE', KEYS[1], ARGV[5])
    return 1
end
return 0
"""
UNHELD = "unheld"  # Redis is unreachable: we let the request through (fail open)


class LocalSlots:
    """A bound for this process only: costs nothing, counts only this worker's threads."""

    def __init__(self, limit):
        self.semaphore = threading.BoundedSemaphore(limit)

    def take(self):
        return "local" if self.semaphore.acquire(blocking=False) else None

    def give_back(self, token):
        self.semaphore.release()


class SharedSlots:
    """A bound across every app server, kept in Redis; slots expire if never given back."""

    def __init__(self, redis, key, limit, seconds):
        self.redis, self.key, self.limit, self.seconds = redis, key, limit, seconds
        # Registering only hashes the script here; Redis runs it by that hash (EVALSHA).
        self.take_script = redis.register_script(TAKE_SCRIPT)

    def take(self):
        token = secrets.token_hex(8)
        now = time.time()
        try:
            taken = self.take_script(
                keys=[self.key],
                args=[now, now + self.seconds, self.limit, token, int(self.seconds * 1000)],
            )
        except RedisError:
            log.warning("Concurrency bound %s skipped: Redis is unreachable", self.key)
            return UNHELD
        return token if taken else None

    def give_back(self, token):
        if token == UNHELD:
            return
        with suppress(RedisError):  # if Redis is gone, the slot expires by itself
            self.redis.zrem(self.key, token)


_local_slots = {}
_local_lock = threading.Lock()


def slots_for(name, limit, shared=True):
    """The slots of a bound: in Redis when shared and configured, else in this process."""
    if shared and settings.REDIS_URL:
        from django_redis import get_redis_connection

        key = cache.make_key(f"shield:slots:{name}")
        return SharedSlots(
            get_redis_connection("default"), key, limit, settings.SHIELD_SLOT_SECONDS
        )
    with _local_lock:
        return _local_slots.setdefault((name, limit), LocalSlots(limit))


@contextmanager
def slot(name, limit, shared=True):
    """Hold one of `limit` slots named `name` for the block, or raise Busy at once."""
    slots = slots_for(name, limit, shared)
    token = slots.take()
    if token is None:
        raise Busy(settings.SHIELD_RETRY_AFTER)
    try:
        yield
    finally:
        slots.give_back(token)
