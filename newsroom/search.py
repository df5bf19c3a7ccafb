"""Archive search: Wagtail's search backend over folded text, with highlighted results.

Belarusian and Russian spell many words alike but for a few letters (ў/у, і/и, ё/е), and
readers type either, often without ё. Text is indexed and queried in a folded form that
maps those letters together; folding is one character for one character, so positions in
the folded text are positions in the original and highlights land on the right words.
"""

import hashlib
import re

from django.conf import settings
from django.core.paginator import Paginator
from django.utils.html import escape
from django.utils.safestring import mark_safe

FOLD = str.maketrans({"ў": "у", "і": "и", "ё": "е", "’": "'", "ʼ": "'"})
MAX_QUERY = 200
MAX_TERMS = 8
RESULTS_PER_PAGE = 20
MAX_PAGE = 10_000
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


def search_articles(queryset, terms, page_number):
    """A page of ranked results for the folded terms (all must match)."""
    results = queryset.search(" ".join(terms), operator="and")
    return Paginator(results, RESULTS_PER_PAGE).get_page(page_number)


def page_number(raw):
    """The page asked for as a number; anything odd is the first page."""
    try:
        return min(max(int(raw), 1), MAX_PAGE)
    except (TypeError, ValueError):
        return 1


def results_key(language, terms, page, generation):
    """One cache entry per language, folded words and page: "Мяжа  мяжы" and "мяжа мяжы" share it.

    The page cache's generation is part of it, so an unpublished article leaves the results
    as soon as it leaves the pages.
    """
    words = " ".join(terms)
    digest = hashlib.blake2b(f"{language}\n{page}\n{words}".encode(), digest_size=16)
    return f"search:{generation}:{digest.hexdigest()}"


def results_page(queryset, terms, page, request):
    """A page of results as plain data that the cache can keep: no model instances."""
    found = search_articles(queryset, terms, page)
    paginator = found.paginator
    return {
        "count": paginator.count,
        "number": found.number,
        "num_pages": paginator.num_pages,
        "previous": found.previous_page_number() if found.has_previous() else None,
        "next": found.next_page_number() if found.has_next() else None,
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
        "fresh_for": settings.SEARCH_CACHE_SECONDS,
        "failed_for": settings.SEARCH_CACHE_SECONDS // 2,
        "wait": settings.SEARCH_TIMEOUT_MS / 1000 + 1,
        "lock_for": settings.SEARCH_TIMEOUT_MS // 1000 + 5,
        "retry_after": settings.SHIELD_RETRY_AFTER,
    }
