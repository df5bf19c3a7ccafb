"""Answers shared for a short time, computed once however many ask at the same moment.

The first asker takes a lock in the shared cache (cache.add is atomic in Redis, in the
default SQLite cache files and in local memory) and computes; the others wait briefly for
its answer and, if it does not come, are refused with Busy rather than computing it
themselves: a stampede of identical requests costs one computation.
"""

import time

from django.core.cache import cache

from .refusals import Busy

POLL_SECONDS = 0.05
FAILED = "failed"


def answer_once(key, compute, *, fresh_for, failed_for, wait, lock_for, retry_after):
    """compute() once for everyone asking for `key`; its answer is kept `fresh_for` seconds.

    A computation that raises Busy (e.g. a query past its deadline) is remembered as failed
    for `failed_for` seconds, so the same slow request is not run again and again.
    """
    stored = cache.get(key)
    if stored is None:
        lock = f"{key}:lock"
        # django-redis answers None instead of False when Redis is down: compute then.
        if cache.add(lock, 1, lock_for) is False:
            stored = wait_for(key, lock, wait)
        else:
            stored = lead(key, lock, compute, fresh_for, failed_for)
    if stored is None or stored == FAILED:
        raise Busy(retry_after)
    return stored["answer"]


def lead(key, lock, compute, fresh_for, failed_for):
    """Compute as the one asker; the answer is stored before the lock goes, for the waiters."""
    try:
        stored = {"answer": compute()}
    except Busy as refusal:
        if refusal.lasting:
            cache.set(key, FAILED, failed_for)
        cache.delete(lock)
        raise
    except BaseException:
        cache.delete(lock)
        raise
    cache.set(key, stored, fresh_for)
    cache.delete(lock)
    return stored


def wait_for(key, lock, seconds):
    """The leader's answer, or None when it gave up or did not answer within `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        time.sleep(POLL_SECONDS)  # a follower waits for another request, not for a clock
        found = cache.get_many([key, lock])
        if key in found:
            return found[key]
        if lock not in found:
            return None
    return None
