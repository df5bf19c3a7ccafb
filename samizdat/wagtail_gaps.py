"""Wagtail's strings that editors meet and that the admin would still show in English.

Wagtail ships a catalogue per language holding only what its translators finished; a string
it lacks falls back to English. Ours, in samizdat/wagtail_locale (see LOCALE_PATHS), fill the
gaps. This lists what is still missing by asking Django's own translation machinery, so a
string translated anywhere Django looks (Wagtail, locale/, wagtail_locale/) counts:

    .venv/bin/python -m samizdat.wagtail_gaps be
"""

import importlib.util
import os
import re
import sys
from functools import lru_cache
from pathlib import Path

import polib

WAGTAIL = Path(importlib.util.find_spec("wagtail").origin).parent
# Wagtail's packages whose screens editors work in: pages, images, snippets (authors), the
# dashboard, sign-in and account (admin, users), Translate, and the core's history labels.
EDITORS_PACKAGES = ["", "admin", "images", "snippets", "users", "contrib/simple_translation"]
# Source files of screens an editor here never opens: workflows are off (the status panel's
# template is called workflow.html all the same, so it stays), reports, permissions, groups,
# users and API tokens belong to administrators, and no notification e-mail is sent.
NOT_EDITORS = (
    "workflows",
    "workflow_history",
    "notifications",
    "reports",
    "permissions",
    "styleguide",
    "task",
    "apps.py",
    "api",
    "models/sites.py",
    "password_required",
    "groups",
    "wagtailusers/users",
    "views/users.py",
    "bulk_actions/user",
)
# ...and strings about those screens that Wagtail keeps in files editors' screens share.
NOT_EDITORS_WORDS = ("workflow", "task", "api token", "moderation", "reviewer")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}")
LETTER = re.compile(r"[A-Za-z]")


def editors_msgids(package):
    """(domain, entry) of Wagtail's source strings in one package that editors meet."""
    path = WAGTAIL / package / "locale" / "en" / "LC_MESSAGES"
    for domain in ("django", "djangojs"):
        if not (path / f"{domain}.po").exists():
            continue
        for entry in polib.pofile(str(path / f"{domain}.po")):
            if any(word in entry.msgid.lower() for word in NOT_EDITORS_WORDS):
                continue
            files = [file for file, _line in entry.occurrences]
            if any(not any(part in file for part in NOT_EDITORS) for file in files):
                yield domain, entry


def untranslated(language, domain, entry):
    """Whether the language shows this string in English (one of placeholders only never does)."""
    from django.utils import translation

    if not LETTER.search(PLACEHOLDER.sub("", entry.msgid)):
        return False
    if domain == "djangojs":
        key = (entry.msgid, 0) if entry.msgid_plural else entry.msgid
        return not js_catalogue(language, tuple(map(str, translation_paths()))).get(key)
    with translation.override(language):
        if entry.msgid_plural:
            return translation.ngettext(entry.msgid, entry.msgid_plural, 5) == entry.msgid_plural
        if entry.msgctxt:
            return translation.pgettext(entry.msgctxt, entry.msgid) == entry.msgid
        return translation.gettext(entry.msgid) == entry.msgid


def translation_paths():
    from django.conf import settings

    return settings.LOCALE_PATHS


@lru_cache
def js_catalogue(language, _locale_paths):
    """The admin's JavaScript catalogue as Wagtail serves it (its package and LOCALE_PATHS)."""
    from django.utils.translation.trans_real import DjangoTranslation
    from django.views.i18n import JavaScriptCatalog

    paths = JavaScriptCatalog().get_paths(["wagtail.admin"])
    return DjangoTranslation(language, domain="djangojs", localedirs=paths)._catalog


def gaps(language):
    """(package, domain, msgid) of every editors' string the language still lacks."""
    found = []
    for package in EDITORS_PACKAGES:
        for domain, entry in editors_msgids(package):
            if untranslated(language, domain, entry):
                found.append((package or "wagtail", domain, entry.msgid))
    return found


def scripts_msgids():
    """The admin scripts' strings editors meet (singular ones: what gettext() is asked for)."""
    return sorted(
        {
            entry.msgid
            for domain, entry in editors_msgids("admin")
            if domain == "djangojs" and LETTER.search(PLACEHOLDER.sub("", entry.msgid))
        }
    )


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samizdat.settings.dev")
    import django

    django.setup()
    for package, domain, msgid in gaps(sys.argv[1]):
        print(f"{package}\t{domain}\t{msgid!r}")
