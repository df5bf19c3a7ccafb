"""Which of the newsroom's languages a piece of text is written in.

Belarusian and Russian share most of the Cyrillic alphabet; a few letters belong to one of
them only. Belarusian writes і, ў and the apostrophe where Russian writes и, щ and ъ, and
those letters are frequent enough that a sentence almost always carries some. English is
told apart by its Latin letters. A text without enough of them is "not known", never
guessed: a warning on a guess would teach editors to ignore warnings.
"""

import re

from django.utils.translation import gettext_lazy as _

BELARUSIAN_ONLY = set("іў")
RUSSIAN_ONLY = set("ищъ")
# An apostrophe between two Cyrillic letters (сям'я, з'езд) is Belarusian spelling.
BELARUSIAN_APOSTROPHE = re.compile(r"(?<=[а-яёіў])['’ʼ](?=[а-яёіў])")
CYRILLIC = re.compile(r"[а-яёіўґ]")
LATIN = re.compile(r"[a-z]")

# The fewest telling letters before a text counts as written in a language (a short
# caption such as "Архіўнае фота" has two).
ENOUGH = 2
# How many times more telling letters one language must have than the other.
MARGIN = 3


def detect_language(text):
    """'be', 'ru' or 'en' for a text clearly in that language, None when unsure."""
    text = (text or "").lower()
    cyrillic, latin = len(CYRILLIC.findall(text)), len(LATIN.findall(text))
    if latin > ENOUGH and latin > MARGIN * cyrillic:
        return "en"
    belarusian = sum(char in BELARUSIAN_ONLY for char in text)
    belarusian += len(BELARUSIAN_APOSTROPHE.findall(text))
    russian = sum(char in RUSSIAN_ONLY for char in text)
    if belarusian >= ENOUGH and belarusian > MARGIN * russian:
        return "be"
    if russian >= ENOUGH and russian > MARGIN * belarusian:
        return "ru"
    return None


def language_name(code):
    """The language's name in the reader's (or editor's) own language: "Belarusian"."""
    return {"be": _("Belarusian"), "ru": _("Russian"), "en": _("English")}.get(code, code)
