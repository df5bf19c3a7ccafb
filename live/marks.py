"""Which stories in a list are open live blogs: one query per publication, not per headline."""

from django.utils import timezone

from samizdat import caching


def open_live_blogs():
    from .models import LiveBlogPage

    return dict(LiveBlogPage.objects.live().values_list("pk", "coverage_end"))


def is_open_live_blog(page_pk):
    # Remembered until the next publication: opening or closing a blog is one.
    blogs = caching.remember(caching.SITE_LOOKUPS, "live-blogs-open", open_live_blogs)
    if page_pk not in blogs:
        return False
    end = blogs[page_pk]
    return end is None or end > timezone.now()
