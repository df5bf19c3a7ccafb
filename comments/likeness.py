"""What makes two comments the same, and a name something a reader can see.

Spammers repeat a comment with a zero-width character added, a letter in the other case,
a doubled space or a Cyrillic letter that looks Latin. The duplicate check compares
fingerprints in which all of these come out the same; the stored text is never changed.
"""

import hashlib
import unicodedata

# Letters that draw nothing but are not format characters (Hangul fillers, Braille blank,
# Khmer inherent vowels): a name of nothing but these shows as a blank.
BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u17b4\u17b5")
INVISIBLE_CATEGORIES = frozenset({"Cf", "Cc", "Mn", "Me", "Zs", "Zl", "Zp"})
# Embeddings, overrides and isolates: in a name they turn the text around it.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

# Cyrillic and Greek lower-case letters that look like Latin ones (after casefold), folded to
# the Latin letter; ё to е first, as readers write either.
HOMOGLYPHS = str.maketrans(
    {
        "ё": "e",
        "а": "a",
        "в": "b",
        "е": "e",
        "і": "i",
        "ј": "j",
        "к": "k",
        "м": "m",
        "н": "h",
        "о": "o",
        "р": "p",
        "с": "c",
        "т": "t",
        "у": "y",
        "х": "x",
        "ѕ": "s",
        "ԁ": "d",
        "һ": "h",
        "ӏ": "l",
        "α": "a",
        "ε": "e",
        "ι": "i",
        "κ": "k",
        "ν": "v",
        "ο": "o",
        "ρ": "p",
        "τ": "t",
        "υ": "u",
        "χ": "x",
    }
)


def is_invisible(character):
    return character in BLANK_LETTERS or unicodedata.category(character) in INVISIBLE_CATEGORIES


def only_invisible(text):
    """True for a non-empty text that shows nothing."""
    return bool(text) and all(is_invisible(character) for character in text)


def has_bidi_controls(text):
    return any(character in BIDI_CONTROLS for character in text)


def fingerprint(text):
    """A short digest under which repeats of one comment with cosmetic changes coincide."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    visible = "".join(
        " " if character.isspace() else character
        for character in folded
        if character.isspace() or not is_invisible(character)
    )
    words = " ".join(visible.translate(HOMOGLYPHS).split())
    return hashlib.blake2b(words.encode(), digest_size=16).hexdigest()
