"""The polled updates endpoint: new entries only, answered from the cache or with a 304."""

import json

import pytest
from django.core.management import call_command

from live import state
from testing.live import draft, make_live_blog, post

pytestmark = pytest.mark.django_db


@pytest.fixture
def blog(homes):
    return make_live_blog()


def updates(client, blog, query="", **headers):
    return client.get(f"/be/live/{blog.slug}/updates/{query}", headers=headers)


def renders():
    return state.renders()


def test_a_poll_returns_only_the_entries_after_the_one_the_reader_has(client, blog):
    seen = post(blog, "Ужо бачыў.")
    new = post(blog, "Новае.")

    response = updates(client, blog, f"?after={seen.sequence}")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Новае." in html and "Ужо бачыў." not in html
    assert f'data-latest="{new.sequence}"' in html and 'data-count="1"' in html


def test_json_lists_the_new_entries_with_their_share_addresses(client, blog):
    seen = post(blog, "Ужо бачыў.")
    new = post(blog, "Новае.", key_event=True, headline="Галоўнае")

    data = json.loads(updates(client, blog, f"?after={seen.sequence}&format=json").content)

    assert data["latest"] == new.sequence and data["count"] == 1
    assert data["entries"][0]["url"] == f"/be/live/{blog.slug}/#update-{new.pk}"
    assert data["entries"][0]["key_event"] is True


def test_polls_between_two_entries_are_304s_or_stored_answers(
    client, blog, django_capture_on_commit_callbacks
):
    seen = post(blog, "Ужо бачыў.")
    first = updates(client, blog, f"?after={seen.sequence}")
    etag = first["ETag"]

    again = updates(client, blog, f"?after={seen.sequence}", if_none_match=etag)
    other_reader = updates(client, blog, f"?after={seen.sequence}")

    assert again.status_code == 304
    assert other_reader.status_code == 200 and other_reader["ETag"] == etag
    assert renders() == 1, "one render for everyone polling with the same cursor"
    assert "max-age=0" in first["Cache-Control"] and "public" in first["Cache-Control"]

    with django_capture_on_commit_callbacks(execute=True):
        new = post(blog, "Свежае.")
    after_entry = updates(client, blog, f"?after={seen.sequence}", if_none_match=etag)

    assert after_entry.status_code == 200
    assert f'id="update-{new.pk}"' in after_entry.content.decode()
    assert renders() == 2


def test_drafts_and_future_entries_are_not_in_updates(client, blog):
    seen = post(blog, "Ужо бачыў.")
    draft(blog, "Чарнавік.")
    post(blog, "Пазней.", minutes_ago=-30, status="scheduled")

    html = updates(client, blog, f"?after={seen.sequence}").content.decode()

    assert 'data-count="0"' in html
    assert "Чарнавік." not in html and "Пазней." not in html


@pytest.mark.parametrize(
    "query", ["?after=abc", "?after=-1", "?after=99999999999999999999", "?after=1.5", "?after=٣"]
)
def test_a_cursor_that_is_not_an_entry_number_is_a_400_in_the_readers_language(client, blog, query):
    response = updates(client, blog, query)

    assert response.status_code == 400
    assert "нумар" in json.loads(response.content)["error"]


@pytest.mark.parametrize("query", ["?after=99999999999", "?after=", "?after=0"])
def test_a_cursor_past_or_before_every_entry_is_a_200(client, blog, query):
    entry = post(blog, "Адно.")

    response = updates(client, blog, query)

    assert response.status_code == 200
    shown = f'id="update-{entry.pk}"' in response.content.decode()
    assert shown == (query != "?after=99999999999")


def test_a_deleted_entrys_id_as_the_cursor_still_answers(
    client, blog, django_capture_on_commit_callbacks
):
    from live import services

    gone = post(blog, "Памылка.")
    gone_place = gone.sequence
    with django_capture_on_commit_callbacks(execute=True):
        services.delete_entry(gone, None)
    later = post(blog, "Пасля.")

    response = updates(client, blog, f"?after={gone_place}")

    assert response.status_code == 200
    assert f'id="update-{later.pk}"' in response.content.decode()


def test_an_unknown_live_blog_is_a_404(client, homes):
    assert client.get("/be/live/niama-takoha/updates/?after=1").status_code == 404


def test_a_repeated_poll_is_answered_without_a_database_query(client, blog):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    seen = post(blog, "Ужо бачыў.")
    first = updates(client, blog, f"?after={seen.sequence}")

    with CaptureQueriesContext(connection) as queries:
        not_modified = updates(client, blog, f"?after={seen.sequence}", if_none_match=first["ETag"])
        stored = updates(client, blog, f"?after={seen.sequence}")

    assert (not_modified.status_code, stored.status_code) == (304, 200)
    assert stored.content == first.content
    assert len(queries) == 0, [q["sql"] for q in queries]


def test_an_entry_is_rendered_once_for_pollers_at_every_cursor(
    client, blog, django_capture_on_commit_callbacks
):
    # Readers poll every 15-30 s while entries come every few seconds: at any moment they
    # hold different cursors, and each cursor is a question of its own to the page cache.
    older = post(blog, "Даўно.")
    recent = post(blog, "Нядаўна.")
    with django_capture_on_commit_callbacks(execute=True):
        new = post(blog, "Толькі што.")
    before = renders()

    answers = [
        updates(client, blog, f"?after={cursor}{fmt}")
        for cursor in (older.sequence, recent.sequence, 0)
        for fmt in ("", "&format=json")
    ]

    assert renders() == before + 1
    assert all(f"update-{new.pk}" in answer.content.decode() for answer in answers)
    assert f"update-{recent.pk}" in answers[0].content.decode()
    assert f"update-{recent.pk}" not in answers[2].content.decode()


def test_the_workers_purge_after_an_entry_renders_nothing_again(
    client, blog, django_capture_on_commit_callbacks
):
    seen = post(blog, "Ужо бачыў.")
    with django_capture_on_commit_callbacks(execute=True):
        new = post(blog, "Свежае.")
    first = updates(client, blog, f"?after={seen.sequence}")
    rendered = renders()

    call_command("worker", "--once")  # purges the live page, the lite page and the feeds
    again = updates(client, blog, f"?after={seen.sequence}", if_none_match=first["ETag"])
    page = client.get(f"/be/live/{blog.slug}/").content.decode()

    assert f"update-{new.pk}" in first.content.decode()
    assert again.status_code == 304
    assert renders() == rendered
    assert f'id="update-{new.pk}"' in page


def test_a_scheduled_entry_reaches_pollers_whose_cursor_passed_its_id(
    client, blog, django_capture_on_commit_callbacks, time_machine
):
    from datetime import timedelta

    from django.utils import timezone

    time_machine.move_to(timezone.now(), tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        later = post(blog, "Па раскладзе.", minutes_ago=-10, status="scheduled")
        now = post(blog, "Адразу.")
    assert later.pk < now.pk and later.sequence is None
    cursor = parse_latest(updates(client, blog, "?after=0"))
    assert cursor == now.sequence

    time_machine.move_to(timezone.now() + timedelta(minutes=11), tick=False)
    call_command("worker", "--once")  # publishes what is due
    answer = updates(client, blog, f"?after={cursor}").content.decode()

    assert f'id="update-{later.pk}"' in answer
    assert f'id="update-{now.pk}"' not in answer
    page = client.get(f"/be/live/{blog.slug}/").content.decode()
    assert page.index(f'id="update-{later.pk}"') < page.index(f'id="update-{now.pk}"')


def test_an_entry_published_with_a_time_to_come_waits_for_its_time(client, blog):
    entry = post(blog, "Заўтра.", minutes_ago=-60)

    assert entry.status == "scheduled" and entry.sequence is None
    assert "Заўтра." not in updates(client, blog).content.decode()


def parse_latest(response):
    import re

    return int(re.search(r'data-latest="(\d+)"', response.content.decode())[1])
