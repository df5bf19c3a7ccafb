"""The lite edition's live page: text only, no script, a reload shows new entries."""

import pytest

from testing.live import make_live_blog, post

pytestmark = pytest.mark.django_db


def test_the_lite_live_page_is_text_only_and_pages_back(client, homes):
    blog = make_live_blog()
    entries = [post(blog, f"Паведамленне {n}.") for n in range(25)]

    response = client.get(f"/be/lite/live/{blog.slug}/")
    html = response.content.decode()

    assert response.status_code == 200
    assert "<script" not in html and "<img" not in html
    assert "Паведамленне 24." in html and "Паведамленне 0." not in html
    older = f"?before={entries[5].sequence}"
    assert older in html
    assert "Паведамленне 0." in client.get(f"/be/lite/live/{blog.slug}/{older}").content.decode()


def test_a_reload_of_the_lite_page_shows_a_new_entry(
    client, homes, django_capture_on_commit_callbacks
):
    from django.core.management import call_command

    blog = make_live_blog()
    post(blog, "Першае.")
    client.get(f"/be/lite/live/{blog.slug}/")
    with django_capture_on_commit_callbacks(execute=True):
        post(blog, "Навейшае.")
    call_command("worker", "--once")

    assert "Навейшае." in client.get(f"/be/lite/live/{blog.slug}/").content.decode()


@pytest.mark.parametrize("before", ["abc", "-1", "1e5", "99999999999999999999"])
def test_junk_in_before_is_a_400_on_both_pages(client, homes, before):
    blog = make_live_blog()

    for path in (f"/be/live/{blog.slug}/", f"/be/lite/live/{blog.slug}/"):
        response = client.get(f"{path}?before={before}")
        assert response.status_code == 400
        assert "нумарам" in response.content.decode()


def test_an_empty_or_huge_before_is_a_200(client, homes):
    blog = make_live_blog()
    entry = post(blog, "Адно.")

    for query in ("?before=", "?before=99999999999"):
        response = client.get(f"/be/live/{blog.slug}/{query}")
        assert response.status_code == 200
        assert f'id="update-{entry.pk}"' in response.content.decode()
