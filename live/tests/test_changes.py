"""Edits and deletions reach open pages through the polled endpoint, as new entries do."""

import json
import re

import pytest

from live import services, state
from live.reading import LATEST_PLACES
from testing.live import make_live_blog, post

pytestmark = pytest.mark.django_db


@pytest.fixture
def blog(homes):
    return make_live_blog()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what a change leaves for after its commit (the updates' purge), as a request does."""

    def run(change, *args):
        with django_capture_on_commit_callbacks(execute=True):
            return change(*args)

    return run


def updates(client, blog, query, **headers):
    return client.get(f"/be/live/{blog.slug}/updates/{query}", headers=headers)


def latest_of(response):
    return int(re.search(r'data-latest="(\d+)"', response.content.decode())[1])


def edit(entry, text):
    entry.text = f"<p>{text}</p>"
    return services.save_entry(entry, None)


def test_an_edit_reaches_a_reader_whose_page_showed_the_old_text(client, blog, committed):
    entry = committed(post, blog, "Першая версія.")
    cursor = latest_of(updates(client, blog, "?after=0"))

    committed(edit, entry, "Выпраўленая версія.")
    answer = updates(client, blog, f"?after={cursor}").content.decode()

    assert 'data-count="0"' in answer, "an edit is not a new entry"
    change = re.search(r'<div class="live-change" data-entry="(\d+)" data-place="(\d+)">', answer)
    assert change and int(change[1]) == entry.pk and int(change[2]) > cursor
    assert "Выпраўленая версія." in answer and "Першая версія." not in answer
    assert latest_of(updates(client, blog, f"?after={cursor}")) == int(change[2])


def test_a_reader_told_of_the_edit_is_not_told_again(client, blog, committed):
    entry = committed(post, blog, "Першая версія.")
    committed(edit, entry, "Выпраўленая версія.")
    told = latest_of(updates(client, blog, "?after=0"))

    answer = updates(client, blog, f"?after={told}").content.decode()

    assert "live-change" not in answer and 'data-count="0"' in answer


def test_a_deleted_entry_is_listed_as_removed_and_its_text_is_in_no_answer(client, blog, committed):
    kept = committed(post, blog, "Застаецца.")
    gone = committed(post, blog, "Памылковае паведамленне.")
    cursor = latest_of(updates(client, blog, f"?after={kept.sequence}"))
    gone_id = gone.pk

    committed(services.delete_entry, gone, None)
    html = updates(client, blog, f"?after={cursor}").content.decode()
    data = json.loads(updates(client, blog, f"?after={cursor}&format=json").content)

    assert f'<div class="live-change" data-entry="{gone_id}" data-place="' in html
    assert "Памылковае" not in html
    assert [removed["id"] for removed in data["removed"]] == [gone_id]
    assert data["changed"] == [] and data["count"] == 0 and data["latest"] > cursor


def test_an_entry_taken_back_to_draft_is_removed_from_open_pages(client, blog, committed):
    entry = committed(post, blog, "Неправеранае.")
    cursor = latest_of(updates(client, blog, "?after=0"))

    entry.status = "draft"
    committed(services.save_entry, entry, None)
    data = json.loads(updates(client, blog, f"?after={cursor}&format=json").content)

    assert [removed["id"] for removed in data["removed"]] == [entry.pk]


def test_json_gives_the_edited_entry_as_it_is_now(client, blog, committed):
    entry = committed(post, blog, "Першая версія.")
    cursor = latest_of(updates(client, blog, "?after=0"))

    committed(edit, entry, "Другая версія.")
    data = json.loads(updates(client, blog, f"?after={cursor}&format=json").content)

    [changed] = data["changed"]
    assert changed["id"] == entry.pk and changed["place"] > cursor
    assert "Другая версія." in changed["html"]
    assert data["removed"] == [] and data["entries"] == []


def test_an_entry_edited_since_comes_as_it_is_now_to_those_with_and_without_it(
    client, blog, committed
):
    seen = committed(post, blog, "Ужо бачыў.")
    entry = committed(post, blog, "Хутка.")
    committed(edit, entry, "Хутка, выпраўлена.")

    for query in (f"?after={seen.sequence}&format=json", "?after=latest&format=json"):
        data = json.loads(updates(client, blog, query).content)
        new = {e["id"]: e["html"] for e in data["entries"]}
        assert "выпраўлена" in new[entry.pk], "a reader without it gets it as it is now"
        [changed] = data["changed"]
        assert changed["id"] == entry.pk and "выпраўлена" in changed["html"], (
            "a reader whose page shows it gets the change"
        )


def test_every_open_page_asks_the_same_question_and_gets_one_copy(client, blog, committed):
    older = committed(post, blog, "Даўно.")
    recent = committed(post, blog, "Нядаўна.")
    committed(post, blog, "Толькі што.")
    rendered = state.renders()

    first = updates(client, blog, "?after=latest")
    second = updates(client, blog, "?after=latest")
    again = updates(client, blog, "?after=latest", if_none_match=first["ETag"])

    assert first.content == second.content and second.get("X-Page-Cache") == "hit"
    assert again.status_code == 304
    assert state.renders() == rendered + 1
    html = first.content.decode()
    assert 'data-from="0"' in html
    assert all(f'id="update-{e.pk}"' in html for e in (older, recent))
    assert f'data-sequence="{recent.sequence}"' in html, "each reader picks what is after it"


def test_an_edit_or_deletion_changes_the_latest_answer_for_everyone(client, blog, committed):
    entry = committed(post, blog, "Першая версія.")
    first = updates(client, blog, "?after=latest")

    committed(edit, entry, "Другая версія.")
    edited = updates(client, blog, "?after=latest", if_none_match=first["ETag"])
    entry_id = entry.pk
    committed(services.delete_entry, entry, None)
    deleted = updates(client, blog, "?after=latest", if_none_match=edited["ETag"])

    assert edited.status_code == 200 and "Другая версія." in edited.content.decode()
    assert deleted.status_code == 200 and "версія" not in deleted.content.decode()
    assert f'<div class="live-change" data-entry="{entry_id}"' in deleted.content.decode()


def test_the_latest_answer_covers_only_the_last_places(client, blog, committed):
    entries = [committed(post, blog, f"Паведамленне {n}.") for n in range(LATEST_PLACES + 3)]

    html = updates(client, blog, "?after=latest").content.decode()

    last = entries[-1].sequence
    assert f'data-from="{last - LATEST_PLACES}"' in html
    assert f'data-latest="{last}"' in html
    assert f'id="update-{entries[2].pk}"' not in html, "a reader that far behind asks itself"
    assert f'id="update-{entries[3].pk}"' in html


def test_the_page_gives_its_readers_the_place_after_the_last_change(client, blog, committed):
    entry = committed(post, blog, "Першая версія.")
    committed(edit, entry, "Другая версія.")

    page = client.get(f"/be/live/{blog.slug}/").content.decode()

    after_edit = latest_of(updates(client, blog, "?after=0"))
    assert re.search(r'data-live-updates="[^"]+" data-latest="(\d+)"', page)[1] == str(after_edit)
    assert after_edit > entry.sequence


@pytest.mark.parametrize("query", ["?after=LATEST", "?after=latest1", "?after=abc", "?after=-1"])
def test_a_cursor_that_is_neither_a_place_nor_latest_is_a_400(client, blog, query):
    response = updates(client, blog, query)

    assert response.status_code == 400
    assert "нумар" in json.loads(response.content)["error"]


def test_a_deleted_entrys_id_or_place_as_the_cursor_answers_without_the_entry(
    client, blog, committed
):
    gone = committed(post, blog, "Памылка.")
    gone_id, gone_place = gone.pk, gone.sequence
    committed(services.delete_entry, gone, None)
    later = committed(post, blog, "Пасля.")

    for cursor in (gone_id, gone_place, 99999999999):
        response = updates(client, blog, f"?after={cursor}")
        assert response.status_code == 200
        assert "Памылка." not in response.content.decode()
    answer = updates(client, blog, f"?after={gone_place}").content.decode()
    assert f'id="update-{later.pk}"' in answer


def test_latest_entries_stored_by_the_release_before_changes_are_not_read(client, blog):
    from django.core.cache import cache
    from django.utils import timezone

    entry = post(blog, "Адно.")
    version = state.version(blog.pk)
    # What the release before stored under its key: a plain list of entries.
    cache.set(f"live:recent:{blog.pk}:{version}:{timezone.localdate().isoformat()}", [{}])

    response = updates(client, blog, "?after=latest")

    assert response.status_code == 200 and f'id="update-{entry.pk}"' in response.content.decode()
