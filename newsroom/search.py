"""Archive search: articles holding every folded word, newest first, with highlights.

Belarusian and Russian spell many words alike but for a few letters (ў/у, і/и, ё/е), and
readers type either, often without ё. Text is indexed and queried in a folded form that
maps those letters together; folding is one character for one character, so positions in
the folded text are positions in the original and highlights land on the right words.
"""

import hashlib
import re
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.contrib.postgres.search import SearchQuery
from django.db import connections
from django.db.models import Q
from django.utils.html import escape
from django.utils.safestring import mark_safe

from samizdat import caching

FOLD = str.maketrans({"ў": "у", "і": "и", "ё": "е", "’": "'", "ʼ": "'"})
# Folded text is already lower case and spelled one way; no stemming, so both backends agree.
SEARCH_CONFIG = "simple"
MAX_QUERY = 200
MAX_TERMS = 8
RESULTS_PER_PAGE = 20
# Links to older and newer results carry the key of the last article seen: "before" or
# "after" with microseconds since EPOCH and the article's id.
DIRECTIONS = ("before", "after")
CURSOR = re.compile(r"(\d{1,18})-(\d{1,12})")
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# Older matches newest first; newer ones read upwards from the key, then turned round.
ORDER = {"before": ("-sort_date", "-page_ptr_id"), "after": ("sort_date", "page_ptr_id")}
WORD = re.compile(r"\w+", re.UNICODE)


def fold(text):
    return (text or "").lower().translate(FOLD)


def query_terms(raw):
    """Up to MAX_TERMS folded words of at least two letters; the rest is noise."""
    words = WORD.findall(fold(raw[:MAX_QUERY]))
    return [word for word in words if len(word) > 1][:MAX_TERMS]


def highlight(text, terms):
    """Escaped text with every occurrence of the terms (in folded form) wrapped in <mark>."""
    if not terms:
        return escape(text)
    pattern = re.compile("|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True)))
    folded = fold(text)
    if len(folded) != len(text):  # lower() changed a length: highlight nothing, never misplace
        return escape(text)
    pieces, last = [], 0
    for match in pattern.finditer(folded):
        pieces += [escape(text[last : match.start()]), mark_safe("<mark>")]
        pieces += [escape(text[match.start() : match.end()]), mark_safe("</mark>")]
        last = match.end()
    pieces.append(escape(text[last:]))
    return mark_safe("".join(str(piece) for piece in pieces))  # noqa: S308


def matches(articles, terms, limit):
    """The first `limit` articles holding every term, in the queryset's order.

    PostgreSQL reads the articles' own vectors (newsroom.models.ArticleSearchEntry), so the
    planner can walk the newest articles for a common word; other databases ask Wagtail's
    backend (FTS5 on SQLite), in date order rather than ranked.
    """
    if connections[articles.db].vendor == "postgresql":
        return list(holding(articles, terms)[:limit])
    words = " ".join(terms)
    return list(articles.search(words, operator="and", order_by_relevance=False)[:limit])


def holding(articles, terms):
    """On PostgreSQL: the articles whose vectors hold every term."""
    query = SearchQuery(" ".join(terms), search_type="plain", config=SEARCH_CONFIG)
    return articles.filter(search_entry__vector=query)


def read_position(get):
    """Where a page starts: ("before", key) for older matches, ("after", key) for newer
    ones, None for the newest. A key is (sort_date, pk) of the last article seen."""
    for direction in DIRECTIONS:
        found = CURSOR.fullmatch(get.get(direction) or "")
        if found:
            micros, pk = (int(group) for group in found.groups())
            try:
                return direction, (EPOCH + timedelta(microseconds=micros), pk)
            except OverflowError:
                return None
    return None


def cursor(article):
    """An article's key for a link, in whole microseconds (no float rounding)."""
    return f"{(article.sort_date - EPOCH) // timedelta(microseconds=1)}-{article.pk}"


def position_label(position):
    """The position as text for the cache key: the same page, the same entry."""
    if position is None:
        return "newest"
    direction, (sort_date, pk) = position
    return f"{direction}:{sort_date.isoformat()}:{pk}"


def search_page(articles, terms, position):
    """A page of matches newest first, seeking from the key in the link: every page costs
    what the first does, and no query counts or skips the matches before it.

    Returns the articles and the keys for links to newer and older matches (or None).
    """
    direction, key = position or ("before", None)
    found = matches(in_page_order(articles, position), terms, RESULTS_PER_PAGE + 1)
    more, found = len(found) > RESULTS_PER_PAGE, found[:RESULTS_PER_PAGE]
    if direction == "after":
        found.reverse()
        newer, older = more, True
    else:
        newer, older = key is not None, more
    if not found:
        return found, None, None
    return found, cursor(found[0]) if newer else None, cursor(found[-1]) if older else None


def in_page_order(articles, position):
    """Articles past the position, in the order its page reads them."""
    direction, key = position or ("before", None)
    articles = articles.filter(sort_date__isnull=False)
    if key is not None:
        articles = articles.filter(seek(direction, key))
    return articles.order_by(*ORDER[direction])


def seek(direction, key):
    """Articles past the key; the first condition alone lets the database start from the
    key in the article_sort_date index."""
    sort_date, pk = key
    if direction == "before":
        return Q(sort_date__lte=sort_date) & (Q(sort_date__lt=sort_date) | Q(page_ptr_id__lt=pk))
    return Q(sort_date__gte=sort_date) & (Q(sort_date__gt=sort_date) | Q(page_ptr_id__gt=pk))


def results_key(language, terms, position, generation):
    """One cache entry per language, folded words and page: "Мяжа  мяжы" and "мяжа мяжы" share it.

    The page cache's generation is part of it, so an unpublished article leaves the results
    as soon as it leaves the pages.
    """
    words = " ".join(terms)
    place = position_label(position)
    digest = hashlib.blake2b(f"{language}\n{place}\n{words}".encode(), digest_size=16)
    return f"search:{generation}:{digest.hexdigest()}"


def results_page(queryset, terms, position, request):
    """A page of results as plain data that the cache can keep: no model instances."""
    found, newer, older = search_page(queryset, terms, position)
    return {
        "newer": newer,
        "older": older,
        "hits": [
            {
                "url": article.get_url(request),
                "title": highlight(article.title, terms),
                "lede": highlight(article.lede, terms),
                "published_at": article.published_at,
            }
            for article in found
        ],
    }


def shield_options():
    return {
        "fresh_for": caching.SEARCH_RESULTS.seconds,
        "failed_for": caching.SEARCH_RESULTS.seconds // 2,
        "wait": settings.SEARCH_TIMEOUT_MS / 1000 + 1,
        "lock_for": settings.SEARCH_TIMEOUT_MS // 1000 + 5,
        "retry_after": settings.SHIELD_RETRY_AFTER,
    }
