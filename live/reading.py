"""What a reader's request asks of a live blog, checked before anything is read."""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import ENTRIES_PER_PAGE, MAX_ENTRY_ID, EntryPlaces, LiveEntry, LiveEntryChange

# Entries one poll returns at most; a reader further behind is told to reload.
UPDATES_LIMIT = 50
# ?after=latest: the last places, whatever the reader's cursor. An open page polls every
# 15-30 s; this covers a blog posting and editing every few seconds. A page further behind
# (a hidden tab polls every two minutes) asks with its own cursor.
LATEST = "latest"
LATEST_PLACES = 8


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
    # Read before the entries: every place up to it is committed (places are given under
    # a lock held until commit), so the entries read next show all it covers, and a poll
    # from it misses nothing.
    latest = last_place(page.pk)
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
        "latest_id": latest,
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


def last_place(blog_pk):
    """The last place given in the blog's sequence and committed (an entry or a change)."""
    return EntryPlaces.objects.filter(blog_id=blog_pk).values_list("last", flat=True).first() or 0


def latest_entries(blog_pk, last):
    """The newest entries one poll may return, and one more to tell whether there are more."""
    found = LiveEntry.objects.filter(blog_id=blog_pk, sequence__lte=last).visible().newest_first()
    return list(found.select_related("author", "image")[: UPDATES_LIMIT + 1])


def latest_changes(blog_pk, last):
    """Edits and deletions among the last places a poll may cover: (place, entry id), oldest first.

    One per entry, its last: what readers need is the entry as it is now.
    """
    found = LiveEntryChange.objects.filter(
        blog_id=blog_pk, place__gt=last - UPDATES_LIMIT, place__lte=last
    ).order_by("place")
    newest = dict(found.values_list("entry_id", "place"))
    return sorted((place, entry_id) for entry_id, place in newest.items())


def changed_entries(blog_pk, entry_ids, last):
    """The changed entries readers may still see, by id; the others were taken away."""
    found = LiveEntry.objects.filter(blog_id=blog_pk, pk__in=entry_ids, sequence__lte=last)
    return {entry.pk: entry for entry in found.visible().select_related("author", "image")}
