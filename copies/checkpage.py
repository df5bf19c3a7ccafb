"""The page in every static copy that lets a reader check the copy in the browser
(static/copies/check.js): it is rendered for the copy only, since the live site has no
manifest to check against."""

import posixpath

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import gettext, override

# Where the page lives in the live site's URL space, so links to and from it are rewritten
# like any other page's.
PATH = "/{language}/check-copy/"
# The page must load the manifest and the files from its own copy; nothing else.
POLICY = "connect-src 'self'; form-action 'none'"


def messages():
    """What check.js says, in the active language ({placeholders} are filled in by it)."""
    return {
        "checking_signature": gettext("Checking the signature of the list of files…"),
        "checking_files": gettext(
            "The list is signed by our key. Checked {checked} of {total} files…"
        ),
        "genuine": gettext(
            "Genuine: all {total} files are exactly as we signed them ({generated})."
        ),
        "not_genuine": gettext(
            "Not genuine: {count} of {total} files differ from what we signed. "
            "Do not trust this copy."
        ),
        "changed": gettext("{name}: changed"),
        "missing": gettext("{name}: missing"),
        "bad_signature": gettext(
            "Not genuine: the list of files is not signed by this key, or it was changed."
        ),
        "other_key": gettext(
            "Not genuine: the list of files is signed by another key ({fingerprint})."
        ),
        "bad_key": gettext("This is not a minisign public key. Paste the whole key line."),
        "no_crypto": gettext(
            "This browser cannot check Ed25519 signatures (a recent browser is needed, and an "
            "https address). Check the copy with minisign instead."
        ),
        "no_manifest": gettext(
            "The signed list of files could not be loaded. Open this page from the copy's web "
            "address (not from disk), or check the copy with minisign."
        ),
        "broken": gettext("The check could not finish: {error}"),
    }


def render(language, name, public):
    """The page for `language`, to be written at `name` in the copy."""
    root = posixpath.relpath(".", posixpath.dirname(name)) + "/"
    with override(language):
        return render_to_string(
            "copies/check.html",
            {
                "language": language,
                "root": root,
                "public": public,
                "messages": messages(),
                "site_name": getattr(settings, "WAGTAIL_SITE_NAME", ""),
            },
        ).encode()
