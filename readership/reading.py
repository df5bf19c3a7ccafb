"""The write path: who may be counted, and recording a view, a heartbeat or a like."""

import logging
import time

from django.core.cache import cache

from newsroom.models import ArticlePage
from privacy.clients import client_hash
from samizdat import caching
from samizdat.rediscache import NotSent

from . import clock
from .buffers import UNREACHABLE, DatabaseBuffer, current_buffer

logger = logging.getLogger(__name__)

# Crawlers and tools that run scripts still say who they are; substrings, lower case.
BOT_MARKERS = (
    "bot",
    "crawl",
    "spider",
    "slurp",
    "archiver",
    "facebookexternalhit",
    "embedly",
    "preview",
    "lighthouse",
    "pingdom",
    "headlesschrome/",  # scrapers driving a browser; our own browser tests set a real agent
    "phantomjs",
    "curl/",
    "wget/",
    "python-",
    "go-http-client",
    "java/",
)


def is_bot(user_agent):
    """True for known robots and for requests without a user agent."""
    agent = (user_agent or "").lower()
    return not agent or any(marker in agent for marker in BOT_MARKERS)


# Article id -> (published, until): what this process read of the shared answer, so a
# beacon for an article being read right now costs no round trip (caching.LOCAL_PUBLISHED).
_published: dict = {}


def is_published_article(article_id):
    """Whether an id is a live article; remembered a while so beacons cost no query
    (caching.PUBLISHED_ARTICLES, and this process's copy: caching.LOCAL_PUBLISHED)."""
    known = known_published(article_id)
    if known is not None:
        return known
    key = f"readership:published:{article_id}"
    known = cache.get(key)
    if known is None:
        known = ArticlePage.objects.published().filter(pk=article_id).exists()
        cache.set(key, known, caching.PUBLISHED_ARTICLES.seconds)
    remember_published(article_id, known)
    return known


def known_published(article_id):
    """This process's recent answer for an article id, or None when it has none."""
    held = _published.get(article_id)
    # Wall-clock time, as the shared cache expires by: both bounds add up.
    if held is None or time.time() >= held[1]:
        return None
    return held[0]


def remember_published(article_id, published):
    if len(_published) >= caching.LOCAL_PUBLISHED.limit:
        _published.clear()  # a flood of made-up ids empties it; readers' articles come back
    _published[article_id] = (published, time.time() + caching.LOCAL_PUBLISHED.seconds)


@caching.on_forget
def forget_published():
    _published.clear()


def record(request, article_id, kind):
    """Count a view or a heartbeat, in the database when Redis cannot be reached.

    False when Redis stopped answering after the beacon went out: it may yet count it, so it
    is not written again, and the reader is not told it was accepted.
    """
    reader = client_hash(request, "readership")
    moment = clock.now()
    try:
        _record(current_buffer(), article_id, reader, moment, kind)
    except UNREACHABLE as error:
        if not never_reached_redis(error):
            logger.warning("Readership buffer stopped answering; a %s beacon may be lost", kind)
            return False
        # Accepted means counted: the flush adds what the database took to what Redis
        # kept (readership.flush).
        logger.warning("Readership buffer unreachable; a %s beacon went to the database", kind)
        _record(DatabaseBuffer(), article_id, reader, moment, kind)
    return True


def record_engagement(counts):
    """Add analytics counters (readership.engagement) to the buffer; no reader goes with them.

    Same promise as a view: False when Redis stopped answering mid-way (not written twice).
    """
    moment = clock.now()
    try:
        current_buffer().record_engagement(moment, counts)
    except UNREACHABLE as error:
        if not never_reached_redis(error):
            logger.warning("Readership buffer stopped answering; an engagement beacon may be lost")
            return False
        logger.warning("Readership buffer unreachable; an engagement beacon went to the database")
        DatabaseBuffer().record_engagement(moment, counts)
    return True


def never_reached_redis(error):
    return isinstance(error, NotSent) or isinstance(error.__cause__, NotSent)


def _record(buffer, article_id, reader, moment, kind):
    if kind == "view":
        buffer.record_view(article_id, reader, moment)
    else:
        buffer.record_heartbeat(article_id, reader, moment)


def like(request, article_id, liked):
    """Like or take back a like; returns the change (+1, -1 or 0 for a replay).

    In the database when Redis fails to take it. A reader's like state for the day is then
    split between the two, so a like replayed across the outage may count twice.
    """
    reader = client_hash(request, "readership")
    moment = clock.now()
    try:
        return current_buffer().record_like(article_id, reader, moment, liked)
    except UNREACHABLE as error:
        if not never_reached_redis(error):
            raise  # Redis may yet carry it out: refused (503), not written twice
        logger.warning("Readership buffer unreachable; a like went to the database")
        return DatabaseBuffer().record_like(article_id, reader, moment, liked)
