"""The polled updates endpoint: new entries only, answered from the cache or with a 304."""

import json

import pytest
from django.core.cache import cache

from live.tests.factories import draft, make_live_blog, post

pytestmark = pytest.mark.django_db


@pytest.fixture
def blog(homes):
    return make_live_blog()


def updates(client, blog, query="", **headers):
    return client.get(f"/be/live/{blog.slug}/updates/{query}", headers=headers)


def renders():
    return cache.get("live:renders") or 0


def test_a_poll_returns_only_the_entries_after_the_one_the_reader_has(client, blog):
    seen = post(blog, "Ужо бачыў.")
    new = post(blog, "Новае.")

    response = updates(client, blog, f"?after={seen.pk}")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Новае." in html and "Ужо бачыў." not in html
    assert f'data-latest="{new.pk}"' in html and 'data-count="1"' in html


def test_json_lists_the_new_entries_with_their_share_addresses(client, blog):
    seen = post(blog, "Ужо бачыў.")
    new = post(blog, "Новае.", key_event=True, headline="Галоўнае")

    data = json.loads(updates(client, blog, f"?after={seen.pk}&format=json").content)

    assert data["latest"] == new.pk and data["count"] == 1
    assert data["entries"][0]["url"] == f"/be/live/{blog.slug}/#update-{new.pk}"
    assert data["entries"][0]["key_event"] is True


def test_polls_between_two_entries_are_304s_or_stored_answers(
    client, blog, django_capture_on_commit_callbacks
):
    seen = post(blog, "Ужо бачыў.")
    first = updates(client, blog, f"?after={seen.pk}")
    etag = first["ETag"]

    again = updates(client, blog, f"?after={seen.pk}", if_none_match=etag)
    other_reader = updates(client, blog, f"?after={seen.pk}")

    assert again.status_code == 304
    assert other_reader.status_code == 200 and other_reader["ETag"] == etag
    assert renders() == 1, "one render for everyone polling with the same cursor"
    assert "no-cache" in first["Cache-Control"] and "public" in first["Cache-Control"]

    with django_capture_on_commit_callbacks(execute=True):
        new = post(blog, "Свежае.")
    after_entry = updates(client, blog, f"?after={seen.pk}", if_none_match=etag)

    assert after_entry.status_code == 200
    assert f'id="update-{new.pk}"' in after_entry.content.decode()
    assert renders() == 2


def test_drafts_and_future_entries_are_not_in_updates(client, blog):
    seen = post(blog, "Ужо бачыў.")
    draft(blog, "Чарнавік.")
    post(blog, "Пазней.", minutes_ago=-30, status="scheduled")

    html = updates(client, blog, f"?after={seen.pk}").content.decode()

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
    gone_id = gone.pk
    with django_capture_on_commit_callbacks(execute=True):
        services.delete_entry(gone, None)
    later = post(blog, "Пасля.")

    response = updates(client, blog, f"?after={gone_id}")

    assert response.status_code == 200
    assert f'id="update-{later.pk}"' in response.content.decode()


def test_an_unknown_live_blog_is_a_404(client, homes):
    assert client.get("/be/live/niama-takoha/updates/?after=1").status_code == 404


def test_a_repeated_poll_is_answered_without_a_database_query(client, blog):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    seen = post(blog, "Ужо бачыў.")
    first = updates(client, blog, f"?after={seen.pk}")

    with CaptureQueriesContext(connection) as queries:
        not_modified = updates(client, blog, f"?after={seen.pk}", if_none_match=first["ETag"])
        stored = updates(client, blog, f"?after={seen.pk}")

    assert (not_modified.status_code, stored.status_code) == (304, 200)
    assert stored.content == first.content
    assert len(queries) == 0, [q["sql"] for q in queries]
