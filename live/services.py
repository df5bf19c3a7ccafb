"""Posting, editing and deleting entries: each one its own row, each change recorded."""

from django.db import transaction
from django.utils import timezone

from . import key_events
from .models import EntryAction, EntryPlaces, EntryStatus, LiveEntry, LiveEntryChange
from .tasks import purge_blog, purge_live_blog, purge_updates


def record(entry, action, editor, place=None):
    LiveEntryChange.objects.create(
        blog_id=entry.blog_id,
        entry_id=entry.pk,
        action=action,
        editor=editor if editor and editor.is_authenticated else None,
        status=entry.status,
        text=entry.text,
        place=place,
    )


def announce(entry):
    """Pollers see a new entry at once; the pages that show it once the worker purged them."""
    blog_pk = entry.blog_id

    def after_commit():
        # Two cache writes, not a render: the first poll after them renders the answer once.
        purge_updates(blog_pk)
        purge_live_blog.enqueue(blog_pk)

    transaction.on_commit(after_commit)


def tell_others(entry):
    """After the commit, apps that post entries elsewhere (channels) look at it again."""
    entry_pk = entry.pk
    transaction.on_commit(lambda: key_events.tell_others(entry_pk))


def publish_later(entry):
    blog_pk = entry.blog_id
    run_after = entry.publish_at
    transaction.on_commit(lambda: purge_live_blog.using(run_after=run_after).enqueue(blog_pk))


def take_next_place(blog_pk):
    """The next place in the blog's sequence, under a lock on its row held until commit.

    Places are then committed in the order they are given: a reader whose cursor is at
    place N has seen every entry before it, even when two editors post at the same moment.
    """
    places, _ = EntryPlaces.objects.select_for_update().get_or_create(blog_id=blog_pk)
    places.last += 1
    places.save(update_fields=["last"])
    return places.last


def place(entry, now=None):
    """Set the entry's status and place for what the editor chose: shown now, later or never."""
    now = now or timezone.now()
    if entry.status == EntryStatus.DRAFT:
        entry.sequence = None
    elif entry.publish_at > now:
        # A time to come makes it scheduled, whichever status was picked; its place is
        # given when the worker publishes it (publish_due), after everything before it.
        entry.status, entry.sequence = EntryStatus.SCHEDULED, None
    else:
        entry.status = EntryStatus.PUBLISHED
        if entry.sequence is None:
            entry.sequence = take_next_place(entry.blog_id)


@transaction.atomic
def save_entry(entry, editor):
    """Post a new entry or save an edit of one."""
    action = EntryAction.EDITED if entry.pk else EntryAction.POSTED
    if action == EntryAction.POSTED and editor and editor.is_authenticated:
        entry.author = editor
    was_shown = entry.pk is not None and shown_before(entry.pk)
    place(entry)
    entry.save()
    # Open pages show what readers saw of it: the change takes its place after it so
    # their next poll brings the new text, or takes the entry away.
    record(entry, action, editor, take_next_place(entry.blog_id) if was_shown else None)
    if entry.status == EntryStatus.SCHEDULED:
        publish_later(entry)
    if was_shown and entry.sequence is None:
        # Taken back to a draft or rescheduled: no copy may go on showing it.
        blog = entry.blog
        transaction.on_commit(lambda: purge_blog(blog))
    elif entry.sequence is not None:
        announce(entry)
    tell_others(entry)
    return entry


def shown_before(entry_pk):
    return LiveEntry.objects.filter(pk=entry_pk).visible().exists()


@transaction.atomic
def publish_due(blog_pk, now=None):
    """Publish the blog's scheduled entries whose time has come; how many were published."""
    now = now or timezone.now()
    due = LiveEntry.objects.select_for_update().filter(
        blog_id=blog_pk, status=EntryStatus.SCHEDULED, publish_at__lte=now
    )
    published = 0
    for entry in due.order_by("publish_at", "pk"):
        place(entry, now)
        entry.save(update_fields=["status", "sequence", "updated_at"])
        record(entry, EntryAction.PUBLISHED, None)
        tell_others(entry)
        published += 1
    return published


@transaction.atomic
def delete_entry(entry, editor):
    """Delete an entry; every cached copy that showed it goes before this returns."""
    # Open pages take it away at their next poll (the change has its place, as an edit).
    change_place = take_next_place(entry.blog_id) if shown_before(entry.pk) else None
    record(entry, EntryAction.DELETED, editor, change_place)
    blog, entry_pk = entry.blog, entry.pk
    entry.delete()
    # Not left to the worker: a deleted entry must not stay in any copy a reader gets.
    transaction.on_commit(lambda: purge_blog(blog))
    transaction.on_commit(lambda: key_events.tell_others(entry_pk))


def visible_to_readers(entry):
    return entry.sequence is not None


__all__ = ["LiveEntry", "delete_entry", "publish_due", "save_entry", "visible_to_readers"]
