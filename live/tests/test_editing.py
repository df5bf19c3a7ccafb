"""Editors post, edit and delete entries; readers' cached copies follow, off the request path."""

import pytest
from django.core.management import call_command

from live import services
from live.models import EntryAction, LiveEntry, LiveEntryChange
from testing.live import make_editor, make_live_blog, post

pytestmark = pytest.mark.django_db


@pytest.fixture
def blog(homes):
    return make_live_blog()


@pytest.fixture
def editor(blog):
    user = make_editor()
    user.is_superuser = True
    user.is_staff = True
    user.save()
    return user


def page(client, blog):
    return client.get(f"/be/live/{blog.slug}/")


def test_a_posted_entry_reaches_the_cached_page_once_the_worker_purges_it(
    client, blog, django_capture_on_commit_callbacks
):
    post(blog, "Першае.")
    page(client, blog)
    assert page(client, blog).get("X-Page-Cache") == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        post(blog, "Другое.")
    assert "Другое." not in page(client, blog).content.decode(), "not purged on the request"

    call_command("worker", "--once")

    assert "Другое." in page(client, blog).content.decode()


def test_a_deleted_entry_is_gone_from_every_cached_copy_at_once(
    client, blog, django_capture_on_commit_callbacks
):
    kept = post(blog, "Застаецца.")
    gone = post(blog, "Памылковае паведамленне.")
    cached = [
        f"/be/live/{blog.slug}/",
        f"/be/live/{blog.slug}/updates/",
        "/be/feed/",
        f"/be/live/{blog.slug}/updates/?after={kept.sequence}",
    ]
    for path in cached:
        assert "Памылковае" in client.get(path).content.decode() or path == "/be/feed/"

    with django_capture_on_commit_callbacks(execute=True):
        services.delete_entry(gone, None)

    for path in cached:
        assert "Памылковае" not in client.get(path).content.decode(), path


def test_an_entry_taken_back_to_draft_leaves_the_cached_page_at_once(
    client, blog, django_capture_on_commit_callbacks
):
    entry = post(blog, "Неправеранае.")
    assert "Неправеранае." in page(client, blog).content.decode()

    entry.status = "draft"
    with django_capture_on_commit_callbacks(execute=True):
        services.save_entry(entry, None)

    assert "Неправеранае." not in page(client, blog).content.decode()


def test_the_editor_posts_from_the_one_screen_form(client, blog, editor):
    client.force_login(editor)

    response = client.post(
        f"/admin/live/{blog.pk}/",
        {
            "text": '{"blocks": [{"key": "a", "type": "unstyled", "text": "З месца падзей.", '
            '"depth": 0, "inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}}',
            "key_event": "on",
            "headline": "Затрыманні",
            "status": "published",
            "publish_at": "2026-12-06 05:00",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    entry = LiveEntry.objects.get(blog=blog)
    assert "З месца падзей." in entry.text
    assert entry.key_event and entry.author == editor
    assert LiveEntryChange.objects.get(entry_id=entry.pk).action == EntryAction.POSTED


def test_edits_and_deletes_are_kept_in_the_history(client, blog, editor):
    client.force_login(editor)
    entry = post(blog, "Першая версія.", editor=editor)
    screen = client.get(f"/admin/live/{blog.pk}/{entry.pk}/")
    assert screen.status_code == 200

    entry.text = "<p>Другая версія.</p>"
    services.save_entry(entry, editor)
    response = client.post(f"/admin/live/{blog.pk}/{entry.pk}/delete/")

    assert response.status_code == 302
    assert not LiveEntry.objects.filter(pk=entry.pk).exists()
    changes = LiveEntryChange.objects.filter(entry_id=entry.pk).order_by("pk")
    actions = list(changes.values_list("action", "text"))
    assert [a for a, _ in actions] == ["posted", "edited", "deleted"]
    assert "Першая версія." in actions[0][1] and "Другая версія." in actions[1][1]


def test_a_key_event_without_a_title_is_refused_and_nothing_is_stored(client, blog, editor):
    client.force_login(editor)

    response = client.post(
        f"/admin/live/{blog.pk}/",
        {"text": "", "key_event": "on", "status": "published", "publish_at": "2026-12-06 05:00"},
    )

    assert response.status_code == 200
    assert not LiveEntry.objects.exists()


def test_readers_without_edit_rights_cannot_open_the_screen(client, blog):
    client.force_login(make_editor("chytach"))

    assert client.get(f"/admin/live/{blog.pk}/").status_code in (302, 403)


def test_delete_asks_first_and_a_look_at_the_question_deletes_nothing(client, blog, editor):
    client.force_login(editor)
    entry = post(blog, "Застанецца.")

    question = client.get(f"/admin/live/{blog.pk}/{entry.pk}/delete/")

    assert question.status_code == 200
    assert "Застанецца." in question.content.decode()
    assert LiveEntry.objects.filter(pk=entry.pk).exists()


def test_a_new_entry_left_without_a_time_is_of_the_moment_it_is_posted(
    client, blog, editor, time_machine
):
    from datetime import timedelta

    from django.utils import timezone

    client.force_login(editor)
    time_machine.move_to(timezone.now(), tick=False)
    assert client.get(f"/admin/live/{blog.pk}/").status_code == 200  # the form is opened
    time_machine.move_to(timezone.now() + timedelta(minutes=7), tick=False)

    response = client.post(
        f"/admin/live/{blog.pk}/",
        {
            "text": '{"blocks": [{"key": "a", "type": "unstyled", "text": "Зараз.", '
            '"depth": 0, "inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}}',
            "status": "published",
            "publish_at": "",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    entry = LiveEntry.objects.get(blog=blog)
    assert entry.publish_at == timezone.now()
    assert entry.sequence is not None


def test_an_update_with_only_an_empty_paragraph_is_refused(client, blog, editor):
    client.force_login(editor)

    response = client.post(
        f"/admin/live/{blog.pk}/",
        {
            "text": '{"blocks": [{"key": "a", "type": "unstyled", "text": "  ", '
            '"depth": 0, "inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}}',
            "status": "published",
        },
    )

    assert response.status_code == 200
    assert (
        "Write the update" in response.content.decode() or "Напішыце" in response.content.decode()
    )
    assert not LiveEntry.objects.exists()
