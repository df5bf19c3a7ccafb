"""The demo site has a live blog in each language, a day of entries, linked as translations."""

import pytest

from live.demo.loader import load_live_demo
from live.models import LiveBlogPage

pytestmark = pytest.mark.django_db


def test_each_language_gets_a_live_blog_with_a_day_of_entries(client, homes):
    added = load_live_demo()

    blogs = {blog.locale.language_code: blog for blog in LiveBlogPage.objects.live()}
    assert set(blogs) == {"be", "ru", "en"}
    for blog in blogs.values():
        assert blog.entries.visible().count() >= 30
        assert blog.entries.filter(key_event=True).count() >= 3
    assert added == sum(blog.entries.count() for blog in blogs.values())
    assert blogs["ru"].get_translation(blogs["en"].locale) == blogs["en"]

    html = client.get(blogs["en"].url).content.decode()
    assert "Polls open" in html and 'hreflang="be"' in html
    assert load_live_demo() == 0, "a second run adds nothing"
