"""JSON-LD of a live blog, read back by a real parser (extruct)."""

from datetime import timedelta

import extruct
import pytest
from django.utils import timezone

from testing.live import make_live_blog, post

pytestmark = pytest.mark.django_db


def json_ld(client, blog):
    html = client.get(blog.url).content.decode()
    found = extruct.extract(html, syntaxes=["json-ld"])["json-ld"]
    return [item for item in found if item.get("@type") == "LiveBlogPosting"]


def test_an_open_live_blog_lists_its_updates(client, homes):
    blog = make_live_blog()
    first = post(blog, "Першае.")
    post(blog, "Другое.", key_event=True, headline="Галоўнае")

    (data,) = json_ld(client, blog)

    assert data["mainEntityOfPage"]["@id"].endswith(f"/be/live/{blog.slug}/")
    assert "coverageStartTime" in data and "coverageEndTime" not in data
    updates = data["liveBlogUpdate"]
    assert [u["headline"] for u in updates] == ["Галоўнае", "Першае."]
    assert updates[1]["url"].endswith(f"#update-{first.pk}")


def test_a_closed_live_blog_says_when_coverage_ended(client, homes):
    ended = timezone.now() - timedelta(hours=1)
    blog = make_live_blog(coverage_end=ended)
    post(blog, "Апошняе.", minutes_ago=90)

    (data,) = json_ld(client, blog)
    html = client.get(blog.url).content.decode()

    assert data["coverageEndTime"] == ended.isoformat()
    assert "data-live-updates" not in html, "a closed blog is not polled"
    assert "Апошняе." in html
