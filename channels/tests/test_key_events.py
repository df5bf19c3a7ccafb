"""Live blog key events posted to the language's channel from the worker.

Against the local server that answers like the Bot API (test_telegram.py says why).
"""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from channels.models import KeyEventPost
from live import services
from live.models import EntryStatus
from mirrors import hosts
from samizdat import queue
from testing.factories import make_image
from testing.live import make_live_blog, post

from .test_telegram import bot_api  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def blog(homes, bot_api):  # noqa: F811
    hosts.remember(
        hosts.Snapshot(alternatives=({"proto": "https", "url": "https://mirror.example"},)),
        seconds=float("inf"),
    )
    return make_live_blog()


@pytest.fixture
def worker(django_capture_on_commit_callbacks):
    """Run what an editor's change queued, as `manage.py worker` does, after the commit."""

    class Worker:
        def after(self, change, *args, **kwargs):
            with django_capture_on_commit_callbacks(execute=True):
                result = change(*args, **kwargs)
            queue.run_queued_tasks()
            return result

    return Worker()


def key_event(blog, worker, headline="Міліцыя затрымала арганізатараў", **fields):
    text = "Каля 40 чалавек <b>затрыманыя</b> &amp; вывезеныя."
    return worker.after(post, blog, text, key_event=True, headline=headline, **fields)


def test_a_key_event_is_posted_once_with_its_headline_text_and_links(blog, worker, bot_api):  # noqa: F811
    worker.after(post, blog, "Звычайнае паведамленне.")
    assert bot_api.calls == []  # only key events go to the channel
    entry = key_event(blog, worker)
    [call] = bot_api.calls
    assert call["method"] == "sendMessage"
    assert call["fields"]["chat_id"] == "@samizdat_be"
    text = call["fields"]["text"]
    assert text.startswith(
        "<b>Міліцыя затрымала арганізатараў</b>\n\nКаля 40 чалавек затрыманыя &amp; вывезеныя."
    )
    path = f"/be/live/{blog.slug}/#update-{entry.pk}"
    assert f"http://127.0.0.1:8000{path}" in text
    assert f"https://mirror.example{path}" in text
    worker.after(services.save_entry, entry, None)  # saved again, nothing changed
    assert len(bot_api.calls) == 1
    assert KeyEventPost.objects.get(entry_id=entry.pk).page_id == blog.pk


def test_a_key_event_with_a_photo_uploads_it(blog, worker, bot_api):  # noqa: F811
    key_event(blog, worker, image=make_image())
    [call] = bot_api.calls
    assert call["method"] == "sendPhoto"
    assert call["photo"][:4] in (b"\x89PNG", b"\xff\xd8\xff\xe0", b"\xff\xd8\xff\xdb", b"GIF8")
    assert call["fields"]["caption"].startswith("<b>Міліцыя затрымала арганізатараў</b>")


def test_a_new_headline_edits_the_post_and_unflagging_deletes_it(blog, worker, bot_api):  # noqa: F811
    entry = key_event(blog, worker)
    message_id = KeyEventPost.objects.get(entry_id=entry.pk).message_id
    entry.headline = "Арганізатараў вызвалілі"
    worker.after(services.save_entry, entry, None)
    edit = bot_api.calls[-1]
    assert edit["method"] == "editMessageText"
    assert edit["fields"]["message_id"] == message_id
    assert edit["fields"]["text"].startswith("<b>Арганізатараў вызвалілі</b>")
    entry.key_event = False
    worker.after(services.save_entry, entry, None)
    assert bot_api.calls[-1]["method"] == "deleteMessage"
    assert bot_api.calls[-1]["fields"] == {"chat_id": "@samizdat_be", "message_id": message_id}
    assert not KeyEventPost.objects.exists()


def test_a_deleted_key_event_takes_its_post_with_it(blog, worker, bot_api):  # noqa: F811
    entry = key_event(blog, worker)
    worker.after(services.delete_entry, entry, None)
    assert [c["method"] for c in bot_api.calls] == ["sendMessage", "deleteMessage"]
    assert not KeyEventPost.objects.exists()


def test_a_scheduled_key_event_is_posted_when_readers_can_see_it(blog, worker, bot_api):  # noqa: F811
    at = timezone.now() + timedelta(minutes=30)
    key_event(blog, worker, status=EntryStatus.SCHEDULED, minutes_ago=-30)
    assert bot_api.calls == []
    with time_machine.travel(at - timedelta(minutes=1)):
        queue.run_queued_tasks()
    assert bot_api.calls == []
    with time_machine.travel(at + timedelta(seconds=5)):
        queue.run_queued_tasks()
    assert [c["method"] for c in bot_api.calls] == ["sendMessage"]


def test_a_draft_key_event_is_not_posted(blog, worker, bot_api):  # noqa: F811
    key_event(blog, worker, status=EntryStatus.DRAFT)
    assert bot_api.calls == []
    assert not KeyEventPost.objects.exists()


def test_a_rate_limited_key_event_waits_for_retry_after(blog, worker, bot_api):  # noqa: F811
    bot_api.limited = 1
    entry = key_event(blog, worker)
    assert entry.pk and not KeyEventPost.objects.exists()  # posting the entry went on
    with time_machine.travel(timezone.now() + timedelta(seconds=5)):
        queue.run_queued_tasks()  # retry_after (7 s) has not passed
    assert len(bot_api.calls) == 1
    with time_machine.travel(timezone.now() + timedelta(seconds=8)):
        queue.run_queued_tasks()
    assert [c["method"] for c in bot_api.calls] == ["sendMessage", "sendMessage"]
    assert KeyEventPost.objects.count() == 1


def test_unpublishing_the_live_blog_deletes_its_key_events_posts(blog, worker, bot_api):  # noqa: F811
    key_event(blog, worker)
    key_event(blog, worker, headline="Другая падзея")
    blog.refresh_from_db()
    worker.after(blog.unpublish)
    deleted = [c["fields"]["message_id"] for c in bot_api.calls if c["method"] == "deleteMessage"]
    assert sorted(deleted) == [101, 102]
    assert not KeyEventPost.objects.exists()


def test_key_events_saved_before_the_blog_was_published_are_posted_with_it(
    blog,
    worker,
    bot_api,  # noqa: F811
):
    blog.unpublish()
    key_event(blog, worker)
    worker.after(post, blog, "Звычайнае паведамленне.")
    assert bot_api.calls == [] and not KeyEventPost.objects.exists()
    blog.refresh_from_db()
    worker.after(blog.save_revision().publish)
    headlines = sorted(c["fields"]["text"].split("\n")[0] for c in bot_api.calls)
    assert headlines == sorted([f"<b>{blog.title}</b>", "<b>Міліцыя затрымала арганізатараў</b>"])
    worker.after(blog.save_revision().publish)  # published again: nothing new to post
    assert len(bot_api.calls) == 2
