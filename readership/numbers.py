"""The read path: Now reading, Most read, Most liked (cached a few seconds) and like counts.

The same numbers feed the server-rendered widgets and the live JSON endpoint, so a page
without JavaScript shows what the endpoint showed at most a few seconds ago
(samizdat.caching.LIVE_NUMBERS). A like count changes only with a like, which drops it, and
is kept longer (samizdat.caching.LIKE_COUNTS).
"""

import contextlib
import logging

from django.core.cache import cache
from django.db.models import Sum

from newsroom.models import ArticlePage
from samizdat import caching

from . import clock
from .buffers import UNREACHABLE, current_buffer
from .models import ArticleTotals, ReadingHour

logger = logging.getLogger(__name__)

# caching.LIVE_NUMBERS: well under the minute DESIGN.md allows for pages without JavaScript.
LIST_LENGTH = 5


def board(language):
    """The three lists for one language edition, each item ready for a template or JSON."""
    key = f"readership:board:{language}"
    try:
        cached = cache.get(key)
    except UNREACHABLE:
        cached = None
    if cached is not None:
        return cached
    result = _board(language)
    with contextlib.suppress(UNREACHABLE):
        cache.set(key, result, caching.LIVE_NUMBERS.seconds)
    return result


def board_html(language, render, cached=None):
    """The board rendered by render(board), kept as long as the numbers it shows.

    cached: the kept board when the caller already read it (like_count_and_board).
    """
    key = board_html_key(language)
    if cached is None:
        try:
            cached = cache.get(key)
        except UNREACHABLE:
            cached = None
    if cached is not None:
        return cached
    html = render(board(language))
    with contextlib.suppress(UNREACHABLE):
        cache.set(key, html, caching.LIVE_NUMBERS.seconds)
    return html


def _board(language):
    moment = clock.now()
    try:
        buffer = current_buffer()
        now = buffer.now_reading(moment)
        read = buffer.readers_in_window(moment, clock.most_read_hours())
        pending = buffer.pending_counts()
    except UNREACHABLE:
        logger.warning("Readership buffer unreachable; showing stored numbers only")
        now, read, pending = {}, {}, {}
    liked = _likes_in_window(moment, pending)
    return {
        "now_reading": _articles(language, now, "readers"),
        "most_read": _articles(language, read, "readers"),
        "most_liked": _articles(language, liked, "likes"),
    }


def _likes_in_window(moment, pending):
    since = clock.hour_of(moment) - clock.DAY * clock.most_liked_days() + clock.HOUR
    liked = {
        row["article_id"]: row["likes"]
        for row in ReadingHour.objects.filter(hour__gte=since)
        .values("article_id")
        .annotate(likes=Sum("likes"))
    }
    for article, (_, likes) in pending.items():
        liked[article] = liked.get(article, 0) + likes
    return liked


def most_read(language, count):
    """The edition's most read articles over Most read's window (a day), biggest first.

    Uncached, for an editor composing a digest: the same numbers as the Most read list,
    as many articles as asked for.
    """
    try:
        read = current_buffer().readers_in_window(clock.now(), clock.most_read_hours())
    except UNREACHABLE:
        logger.warning("Readership buffer unreachable; no Most read for the digest")
        return []
    return _ranked(language, read)[:count]


def _ranked(language, counts):
    candidates = [article for article, count in counts.items() if count > 0]
    articles = ArticlePage.objects.published().filter(
        pk__in=candidates, locale__language_code=language
    )
    return sorted(articles.defer_streamfields(), key=lambda a: (-counts[a.pk], -a.pk))


def _articles(language, counts, label):
    """The top articles of a count, published in the language, biggest first."""
    ranked = _ranked(language, counts)
    return [
        {
            "id": article.pk,
            "title": article.title,
            "url": article.get_url(),
            "comments": article.comment_count,
            label: counts[article.pk],
        }
        for article in ranked[:LIST_LENGTH]
    ]


def board_html_key(language):
    return f"readership:board-html:{language}"


def like_count_and_board(article_id, language):
    """An article's likes and the kept board HTML of its language (None when not kept),
    read in one round trip: an article page shows both."""
    board_key = board_html_key(language)
    counts, found = _likes_and([article_id], [board_key])
    return counts[article_id], found.get(board_key)


def like_counts(article_ids):
    """Likes of each article: flushed totals plus what waits in the buffer, never below 0."""
    return _likes_and(article_ids, [])[0]


def _likes_and(article_ids, also):
    """like_counts(), and what the cache holds of the keys `also`, in one round trip."""
    article_ids = sorted(set(article_ids))
    keys = {article: f"readership:likes:{article}" for article in article_ids}
    try:
        cached = cache.get_many([*keys.values(), *also])
    except UNREACHABLE:
        cached = {}
    counts = {a: cached[k] for a, k in keys.items() if k in cached}
    missing = [article for article in article_ids if article not in counts]
    if missing:
        fresh = _like_counts(missing)
        counts.update(fresh)
        with contextlib.suppress(UNREACHABLE):
            cache.set_many({keys[a]: n for a, n in fresh.items()}, caching.LIKE_COUNTS.seconds)
    return counts, {key: cached[key] for key in also if key in cached}


def _like_counts(article_ids):
    totals = dict(
        ArticleTotals.objects.filter(article_id__in=article_ids).values_list("article_id", "likes")
    )
    try:
        pending = current_buffer().pending_likes(article_ids)
    except UNREACHABLE:
        pending = {}
    return {
        article: max(0, totals.get(article, 0) + pending.get(article, 0)) for article in article_ids
    }


def forget_like_count(article_id):
    """After a like the reader sees the new number at once, not the cached one."""
    forget_like_counts([article_id])


def forget_like_counts(article_ids):
    with contextlib.suppress(UNREACHABLE):
        cache.delete_many([f"readership:likes:{article}" for article in article_ids])


def comment_counts(article_ids):
    return dict(ArticlePage.objects.filter(pk__in=article_ids).values_list("pk", "comment_count"))
