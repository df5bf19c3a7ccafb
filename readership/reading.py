"""The write path: who may be counted, and recording a view, a heartbeat or a like."""

import logging

from django.core.cache import cache

from newsroom.models import ArticlePage
from privacy.clients import client_hash

from . import clock
from .buffers import UNREACHABLE, current_buffer

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

PUBLISHED_SECONDS = 30


def is_bot(user_agent):
    """True for known robots and for requests without a user agent."""
    agent = (user_agent or "").lower()
    return not agent or any(marker in agent for marker in BOT_MARKERS)


def is_published_article(article_id):
    """Whether an id is a live article; remembered for 30 s so beacons cost no query."""
    key = f"readership:published:{article_id}"
    known = cache.get(key)
    if known is None:
        known = ArticlePage.objects.published().filter(pk=article_id).exists()
        cache.set(key, known, PUBLISHED_SECONDS)
    return known


def record(request, article_id, kind):
    """Count a view or a heartbeat; False when the buffer could not be reached."""
    reader = client_hash(request, "readership")
    try:
        buffer = current_buffer()
        if kind == "view":
            buffer.record_view(article_id, reader, clock.now())
        else:
            buffer.record_heartbeat(article_id, reader, clock.now())
    except UNREACHABLE:
        # Bounded loss: only beacons while Redis is unreachable (DESIGN.md, readership).
        logger.warning("Readership buffer unreachable; a %s beacon was not counted", kind)
        return False
    return True


def like(request, article_id, liked):
    """Like or take back a like; returns the change (+1, -1 or 0 for a replay)."""
    reader = client_hash(request, "readership")
    return current_buffer().record_like(article_id, reader, clock.now(), liked)
