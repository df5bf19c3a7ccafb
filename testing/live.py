"""Live blogs for tests: real pages published through Wagtail, entries saved as editors do."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from live import services
from live.models import EntryStatus, LiveBlogPage, LiveEntry
from newsroom.slugs import slug_for
from testing.factories import news_index, section


def make_live_blog(title="Пратэсты ў Мінску: online", language="be", coverage_end=None):
    blog = LiveBlogPage(
        title=title,
        slug=slug_for(title, language),
        lede="Што вядома на гэты час.",
        section=section("politics", language),
        coverage_end=coverage_end,
        live=False,
    )
    news_index(language).add_child(instance=blog)
    blog.save_revision().publish()
    blog.refresh_from_db()
    return blog


def make_editor(username="redaktar"):
    user, _ = get_user_model().objects.get_or_create(
        username=username, defaults={"first_name": "Ганна", "last_name": "Рэдактарка"}
    )
    return user


def post(blog, text="Людзі выходзяць на вуліцы.", editor=None, minutes_ago=0, **fields):
    entry = LiveEntry(
        blog=blog,
        text=f"<p>{text}</p>",
        publish_at=timezone.now() - timedelta(minutes=minutes_ago),
        **fields,
    )
    return services.save_entry(entry, editor)


def draft(blog, text="Яшчэ не праверана."):
    return post(blog, text, status=EntryStatus.DRAFT)
