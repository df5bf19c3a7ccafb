"""Two editors posting at once both land, each entry its own row and place (PostgreSQL)."""

import threading

import pytest
from django.db import connection, connections

from live import services
from live.models import EntryAction, LiveEntry, LiveEntryChange
from testing.live import make_editor, make_live_blog


@pytest.mark.django_db(transaction=True)
def test_two_editors_posting_at_once_keep_both_entries(site_skeleton):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers; the race needs PostgreSQL (CI runs it there)")
    blog = make_live_blog()
    editors = [make_editor("pershy"), make_editor("druhi")]
    start = threading.Barrier(len(editors))
    errors = []

    def post_many(editor):
        try:
            start.wait()
            for number in range(10):
                entry = LiveEntry(blog_id=blog.pk, text=f"<p>{editor.username} {number}</p>")
                services.save_entry(entry, editor)
        except Exception as error:  # noqa: BLE001 (reported by the assertion below)
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=post_many, args=(editor,)) for editor in editors]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert LiveEntry.objects.filter(blog=blog).count() == 20
    for editor in editors:
        assert LiveEntry.objects.filter(blog=blog, author=editor).count() == 10
    posted = LiveEntryChange.objects.filter(blog=blog, action=EntryAction.POSTED)
    assert posted.count() == 20
    # Each its own place, none given twice and none skipped: the places are taken under
    # the blog's lock, so a reader's cursor cannot pass an entry still being committed.
    places = LiveEntry.objects.filter(blog=blog).order_by("pk").values_list("sequence", flat=True)
    assert sorted(places) == list(range(1, 21))
