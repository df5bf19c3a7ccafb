"""Archive search: Wagtail's search backend over folded text, with highlighted results.

Belarusian and Russian spell many words alike but for a few letters (ў/у, і/и, ё/е), and
readers type either, often without ё. Text is indexed and queried in a folded form that
maps those letters together; folding is one character for one character, so positions in
the folded text are positions in the original and highlights land on the right words.
"""

import re

from django.core.paginator import Paginator
from django.utils.html import escape
from django.utils.safestring import mark_safe

FOLD = str.maketrans({"ў": "у", "і": "и", "ё": "е", "’": "'", "ʼ": "'"})
MAX_QUERY = 200
MAX_TERMS = 8
RESULTS_PER_PAGE = 20
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
