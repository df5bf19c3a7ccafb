"""Posting, editing and deleting entries: each one its own row, each change recorded."""

from django.db import transaction
from django.utils import timezone

from . import key_events, state
from .models import EntryAction, EntryStatus, LiveEntry, LiveEntryChange
from .tasks import purge_blog, purge_live_blog


def record(entry, action, editor):
    LiveEntryChange.objects.create(
        blog_id=entry.blog_id,
        entry_id=entry.pk,
        action=action,
        editor=editor if editor and editor.is_authenticated else None,
        status=entry.status,
        text=entry.text,
    )


def announce(entry):
    """Readers see a change once the worker purged what shows it; pollers at once."""
    blog_pk = entry.blog_id

    entry_pk = entry.pk

    def after_commit():
        # The version is a single cache write: pollers see the entry on their next poll
        # without waiting for the worker, and the answer they get is rendered once.
        state.bump(blog_pk)
        purge_live_blog.enqueue(blog_pk)
        if entry.status == EntryStatus.SCHEDULED and entry.publish_at > timezone.now():
            purge_live_blog.using(run_after=entry.publish_at).enqueue(blog_pk)
        key_events.tell_others(entry_pk)

    transaction.on_commit(after_commit)


@transaction.atomic
def save_entry(entry, editor):
    """Post a new entry or save an edit of one."""
    action = EntryAction.EDITED if entry.pk else EntryAction.POSTED
    if action == EntryAction.POSTED and editor and editor.is_authenticated:
        entry.author = editor
    entry.save()
    record(entry, action, editor)
    if action == EntryAction.EDITED and not visible_to_readers(entry):
        # Taken back to a draft or rescheduled: no copy may go on showing it.
        blog = entry.blog
        transaction.on_commit(lambda: purge_blog(blog))
    announce(entry)
    return entry


@transaction.atomic
def delete_entry(entry, editor):
    """Delete an entry; every cached copy that showed it goes before this returns."""
    record(entry, EntryAction.DELETED, editor)
    blog, entry_pk = entry.blog, entry.pk
    entry.delete()
    # Not left to the worker: a deleted entry must not stay in any copy a reader gets.
    transaction.on_commit(lambda: purge_blog(blog))
    transaction.on_commit(lambda: key_events.tell_others(entry_pk))


def visible_to_readers(entry):
    return entry.status != EntryStatus.DRAFT and entry.publish_at <= timezone.now()


__all__ = ["LiveEntry", "delete_entry", "save_entry", "visible_to_readers"]
