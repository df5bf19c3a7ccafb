"""Readable Latin slugs for Belarusian and Russian headlines.

A generic transliterator reads every Cyrillic text as Russian; a Belarusian reader expects
"г" as "h" (Hrodna, not Grodna) and "ў" as "w". So each language has its own table, close to
the national romanisation systems but in plain ASCII so that links survive every messenger.
"""

import re

from django.utils.text import slugify
from unidecode import unidecode

_COMMON = {
    "а": "a", "б": "b", "в": "v", "д": "d", "ж": "zh", "з": "z", "й": "j", "к": "k",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "ы": "y", "ь": "",
    "э": "e", "ю": "ju", "я": "ja", "ё": "jo", "е": "e", "’": "", "'": "", "ʼ": "",
}  # fmt: skip

TABLES = {
    "be": {**_COMMON, "г": "h", "ґ": "g", "і": "i", "ў": "w", "е": "e", "ё": "jo"},
    "ru": {**_COMMON, "г": "g", "и": "i", "щ": "shch", "ъ": "", "й": "y", "ю": "yu",
           "я": "ya", "ё": "yo", "х": "kh"},
}  # fmt: skip

MAX_SLUG_LENGTH = 80


def transliterate(text, language):
    """Cyrillic text as ASCII using the table of the given language (Russian by default)."""
    table = TABLES.get(language, TABLES["ru"])
    out = []
    for char in text:
        lower = char.lower()
        if lower in table:
            latin = table[lower]
            out.append(latin.capitalize() if char != lower else latin)
        else:
            out.append(char)
    # Anything the tables do not know (Ukrainian letters, accents, symbols) goes through
    # unidecode rather than being dropped.
    return unidecode("".join(out))


def slug_for(headline, language):
    """A lowercase ASCII slug for a headline, cut at a word boundary."""
    slug = slugify(transliterate(headline, language))
    if len(slug) > MAX_SLUG_LENGTH:
        slug = slug[:MAX_SLUG_LENGTH].rsplit("-", 1)[0]
    return slug or "article"


def is_ascii_slug(slug):
    return bool(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug or ""))
