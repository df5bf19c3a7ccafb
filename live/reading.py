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


def visible_entries(page, now=None):
    return page.entries.visible(now).select_related("author", "image")


def page_context(page, request):
    now = timezone.now()
    entries = visible_entries(page, now)
    before = getattr(request, "live_before", None)
    shown = entries.newest_first()
    if before is not None:
        shown = shown.filter(pk__lt=before)
    shown = list(shown[: ENTRIES_PER_PAGE + 1])
    older = shown[ENTRIES_PER_PAGE - 1].pk if len(shown) > ENTRIES_PER_PAGE else None
    pinned = None if before is not None else entries.filter(pinned=True).newest_first().first()
    return {
        "entries": shown[:ENTRIES_PER_PAGE],
        "older_before": older,
        "newer_shown": before is not None,
        "pinned": pinned,
        "key_events": list(entries.filter(key_event=True).newest_first()[:12]),
        "latest_id": entries.aggregate(latest=Max("pk"))["latest"] or 0,
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


def new_entries(blog_pk, after):
    """Entries after `after`, newest first, and whether there were more than one poll shows."""
    newer = visible_entries_of(blog_pk).filter(pk__gt=after).newest_first()
    found = list(newer[: UPDATES_LIMIT + 1])
    return found[:UPDATES_LIMIT], len(found) > UPDATES_LIMIT


def visible_entries_of(blog_pk):
    from .models import LiveEntry

    return LiveEntry.objects.filter(blog_id=blog_pk).visible().select_related("author", "image")
