"""What a reader's request asks of a live blog, checked before anything is read."""

from django.conf import settings
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import ENTRIES_PER_PAGE, MAX_ENTRY_ID

# Entries one poll returns at most; a reader further behind is told to reload.
UPDATES_LIMIT = 50


class BadCursor(ValueError):
    """An ?after= or ?before= that is not an entry id."""


def parse_cursor(raw, name):
    """None for an absent or empty value; the id; BadCursor for anything else."""
    if raw is None or raw == "":
        return None
    if not raw.isascii() or not raw.isdigit() or len(raw) > 19 or int(raw) > MAX_ENTRY_ID:
        raise BadCursor(_("“%(name)s” must be an entry number.") % {"name": name})
    return int(raw)


def visible_entries(page):
    return page.entries.visible().select_related("author", "image")


def page_context(page, request):
    now = timezone.now()
    entries = visible_entries(page)
    before = getattr(request, "live_before", None)
    shown = entries.newest_first()
    if before is not None:
        shown = shown.filter(sequence__lt=before)
    shown = list(shown[: ENTRIES_PER_PAGE + 1])
    older = shown[ENTRIES_PER_PAGE - 1].sequence if len(shown) > ENTRIES_PER_PAGE else None
    pinned = None if before is not None else entries.filter(pinned=True).newest_first().first()
    return {
        "entries": shown[:ENTRIES_PER_PAGE],
        "older_before": older,
        "newer_shown": before is not None,
        "pinned": pinned,
        "key_events": list(entries.filter(key_event=True).newest_first()[:12]),
        "latest_id": entries.aggregate(latest=Max("sequence"))["latest"] or 0,
        "today": timezone.localdate(now),
        "is_open": page.is_open,
        "new_labels": new_labels(),
        "poll_seconds": settings.LIVE_POLL_SECONDS,
    }


def new_labels():
    """ "N new updates" in each plural form the page's script may need (Intl.PluralRules)."""
    samples = {"one": 1, "few": 2, "many": 5, "other": 5}
    return {
        form: ngettext("%(count)s new update", "%(count)s new updates", n) % {"count": "{n}"}
        for form, n in samples.items()
    }


def latest_entries(blog_pk):
    """The newest entries one poll may return, and one more to tell whether there are more."""
    from .models import LiveEntry

    found = LiveEntry.objects.filter(blog_id=blog_pk).visible().newest_first()
    return list(found.select_related("author", "image")[: UPDATES_LIMIT + 1])
