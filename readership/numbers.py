"""The read path: Now reading, Most read, Most liked (cached a few seconds) and like counts.

The same numbers feed the server-rendered widgets and the live JSON endpoint, so a page
without JavaScript shows what the endpoint showed at most a few seconds ago
(samizdat.caching.LIVE_NUMBERS). A like count changes only with a like, which drops it, and
is kept longer (samizdat.caching.LIKE_COUNTS).
"""

import contextlib
import logging
import time

from django.core.cache import cache
from django.db.models import Sum

from newsroom.models import ArticlePage
from samizdat import caching, prepared, rediscache

from . import clock
from .buffers import UNREACHABLE, current_buffer
from .models import ArticleTotals, ReadingHour

logger = logging.getLogger(__name__)

# caching.LIVE_NUMBERS: well under the minute DESIGN.md allows for pages without JavaScript.
LIST_LENGTH = 5


def board(language):
    """The three lists for one language edition, each item ready for a template or JSON.

    Worked out by one process at a time: while it does, the others show the copy a little
    older (caching.OLDER_BOARDS: a minute, the age DESIGN.md allows), or wait for it when
    there is none (after the cache was emptied), rather than all working it out at once.
    """
    key = f"readership:board:{language}"
    found = _read(key, f"{key}:older")
    if key in found:
        return found[key]
    if not _claim(f"{key}:working"):
        if f"{key}:older" in found:
            return found[f"{key}:older"]
        waited = _wait_for(key)
        if waited is not None:
            return waited
    result = _board(language, _shared_window_counts())
    with contextlib.suppress(UNREACHABLE):
        cache.set(key, result, caching.LIVE_NUMBERS.seconds)
        cache.set(f"{key}:older", result, caching.OLDER_BOARDS.seconds)
        cache.delete(f"{key}:working")
    return result


def _read(*keys):
    try:
        return cache.get_many(keys)
    except UNREACHABLE:
        return {}


def _wait_for(key, tries=20):
    """What another process is working out, polled for up to a second (None if it did
    not come): a sleeping thread costs no CPU, working it out costs a tenth of a second."""
    for _ in range(tries):
        if rediscache.unreachable():
            return None  # nothing another process works out can reach this one
        time.sleep(0.05)
        found = _read(key).get(key)
        if found is not None:
            return found
    return None


def _claim(key):
    """Whether this process may work the numbers out now (no other is doing it, or the
    cache cannot say: a Redis that shrugs off errors answers None)."""
    try:
        return cache.add(key, 1, caching.LIVE_NUMBERS.seconds) is not False
    except UNREACHABLE:
        return True


def board_html(language, render, cached=None):
    """The board rendered by render(board), kept as long as the numbers it shows.

    cached: the kept board when the caller already read it (like_count_and_board).
    """
    key = board_html_key(language)
    if cached is None:
        cached = _read(key).get(key)
    if cached is not None:
        return cached
    html = render(board(language))
    with contextlib.suppress(UNREACHABLE):
        cache.set(key, html, caching.LIVE_NUMBERS.seconds)
    return html


def _board(language, window_counts=None):
    now, read, liked = window_counts or _window_counts()
    counted = {"now_reading": now, "most_read": read, "most_liked": liked}
    ranked = _ranked_together(language, counted, LIST_LENGTH)
    return {
        "now_reading": _listed(ranked["now_reading"], now, "readers"),
        "most_read": _listed(ranked["most_read"], read, "readers"),
        "most_liked": _listed(ranked["most_liked"], liked, "likes"),
    }


def _shared_window_counts():
    """_window_counts(), read from the buffer once for the three editions' boards."""
    key = "readership:window-counts"
    found = _read(key).get(key)
    if found is not None:
        return found
    counts = _window_counts()
    with contextlib.suppress(UNREACHABLE):
        cache.set(key, counts, caching.LIVE_NUMBERS.seconds)
    return counts


def _window_counts():
    """(now reading, read in Most read's window, liked in Most liked's), per article, of
    every language."""
    moment = clock.now()
    try:
        buffer = current_buffer()
        now = buffer.now_reading(moment)
        read = buffer.readers_in_window(moment, clock.most_read_hours())
        pending = buffer.pending_counts()
    except UNREACHABLE:
        logger.warning("Readership buffer unreachable; showing stored numbers only")
        now, read, pending = {}, {}, {}
    return dict(now), read, _likes_in_window(moment, pending)


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
    return _ranked_together(language, {"read": read}, count)["read"]


def _ranked_together(language, counted, length):
    """{name: the `length` published articles of the language with the biggest counts,
    biggest first} for each of the named counts.

    Ranked by id, and only those shown loaded, all in two queries: a day's window counts
    every article read in it, thousands, and loading each as a page cost most of a second.
    """
    candidates = {pk for counts in counted.values() for pk, count in counts.items() if count > 0}
    in_edition = set(
        ArticlePage.objects.published()
        .filter(pk__in=candidates, locale__language_code=language)
        .values_list("pk", flat=True)
    )
    shown = {name: _top(in_edition, counts, length) for name, counts in counted.items()}
    wanted = {pk for pks in shown.values() for pk in pks}
    articles = ArticlePage.objects.filter(pk__in=wanted).defer_streamfields().in_bulk()
    return {name: [articles[pk] for pk in pks if pk in articles] for name, pks in shown.items()}


def _top(articles, counts, length):
    """The `length` of these article ids counted most, biggest first (the newest on a tie)."""
    counted = [pk for pk in articles if counts.get(pk, 0) > 0]
    return sorted(counted, key=lambda pk: (-counts[pk], -pk))[:length]


def _listed(articles, counts, label):
    """The articles of a list, ready for a template or JSON."""
    return [
        {
            "id": article.pk,
            "title": article.title,
            "url": article.get_url(),
            "comments": article.comment_count,
            label: counts[article.pk],
        }
        for article in articles
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


# An article's like count is read again every minute and at its first render after Redis
# was emptied: compiled once per number of articles (samizdat.prepared).
LIKES_OF = prepared.PreparedIn(
    lambda ids: ArticleTotals.objects.filter(article_id__in=ids).values_list("article_id", "likes"),
    0,
)


def _like_counts(article_ids):
    totals = dict(LIKES_OF(article_ids))
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
