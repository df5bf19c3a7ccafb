"""The editors' list of a live blog's entries reaches every entry, page by page."""

import re

import pytest

from live.admin_views import ENTRIES_PER_ADMIN_PAGE
from live.models import EntryPlaces, LiveEntry
from testing.live import make_editor, make_live_blog

pytestmark = pytest.mark.django_db

ENTRIES = 2 * ENTRIES_PER_ADMIN_PAGE + 20  # three pages, the last one short


@pytest.fixture
def blog(homes):
    blog = make_live_blog()
    LiveEntry.objects.bulk_create(
        LiveEntry(blog=blog, text=f"<p>Паведамленне {n}.</p>", sequence=n)
        for n in range(1, ENTRIES + 1)
    )
    EntryPlaces.objects.create(blog=blog, last=ENTRIES)
    return blog


@pytest.fixture
def desk(client, blog):
    editor = make_editor()
    editor.is_superuser = editor.is_staff = True
    editor.save()
    client.force_login(editor)
    return client


def listed(response):
    """The entries' ids the list shows, in its order."""
    return [int(pk) for pk in re.findall(r"<td>#(\d+) ", response.content.decode())]


def test_every_entry_is_on_one_of_the_lists_pages(desk, blog):
    ids = list(blog.entries.order_by("-id").values_list("pk", flat=True))

    pages = [desk.get(f"/admin/live/{blog.pk}/", {"p": n}) for n in (1, 2, 3)]

    assert [listed(page) for page in pages] == [
        ids[:ENTRIES_PER_ADMIN_PAGE],
        ids[ENTRIES_PER_ADMIN_PAGE : 2 * ENTRIES_PER_ADMIN_PAGE],
        ids[2 * ENTRIES_PER_ADMIN_PAGE :],
    ]


def test_the_first_page_links_to_the_last_one(desk, blog):
    html = desk.get(f"/admin/live/{blog.pk}/").content.decode()

    assert f'href="/admin/live/{blog.pk}/?p=3"' in html
    assert f'href="/admin/live/{blog.pk}/?p=2"' in html


def test_the_oldest_entry_can_be_opened_from_the_last_page(desk, blog):
    oldest = blog.entries.order_by("id").first()

    last_page = desk.get(f"/admin/live/{blog.pk}/", {"p": 3}).content.decode()

    assert f'href="/admin/live/{blog.pk}/{oldest.pk}/"' in last_page


@pytest.mark.parametrize(("asked", "shown"), [("abc", 1), ("-1", 3), ("999999999999", 3), ("", 1)])
def test_a_page_number_that_is_not_one_shows_the_first_or_last_page(desk, blog, asked, shown):
    ids = list(blog.entries.order_by("-id").values_list("pk", flat=True))
    start = (shown - 1) * ENTRIES_PER_ADMIN_PAGE

    response = desk.get(f"/admin/live/{blog.pk}/", {"p": asked})

    assert response.status_code == 200
    assert listed(response) == ids[start : start + ENTRIES_PER_ADMIN_PAGE]


def test_a_short_blog_has_no_page_numbers(desk, homes):
    small = make_live_blog(title="Кароткая стужка")
    LiveEntry.objects.create(blog=small, text="<p>Адно.</p>", sequence=1)

    response = desk.get(f"/admin/live/{small.pk}/")

    assert len(listed(response)) == 1 and 'class="pagination"' not in response.content.decode()
