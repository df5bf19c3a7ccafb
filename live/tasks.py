"""Purges for live blogs, and scheduled entries published, by `manage.py worker`."""

from django_tasks import task

from samizdat import pagecache, queue


def paths_showing(blog):
    """What shows a live blog's entries besides its updates: its page, the lite page, feeds."""
    language = blog.language_code
    return [
        blog.live_path,
        f"/{language}/lite/live/{blog.slug}/",
        f"/{language}/feed/",
        f"/{language}/feed/atom/",
    ]


def purge_updates(blog_pk):
    """Pollers get the new answer: a new version of the entries, then of the endpoint's copies.

    In this order: a poll rendered between the two reads the new entries; one rendered
    before the purge is not kept (the page cache's purge mark).
    """
    from . import state
    from .models import LiveBlogPage

    state.bump(blog_pk)
    found = LiveBlogPage.objects.filter(pk=blog_pk).values_list("locale__language_code", "slug")
    for language, slug in found:
        pagecache.purge_path(f"/{language}/live/{slug}/updates/")


def purge_blog(blog):
    """Every copy that shows the blog's entries, the updates endpoint's too."""
    purge_updates(blog.pk)
    for path in paths_showing(blog):
        pagecache.purge_path(path)


@task(backend=queue.BACKEND)
def purge_live_blog(blog_pk):
    """Publish the entries whose time has come, then purge the pages that show the blog.

    The updates endpoint was purged when the entry was committed (services.announce);
    purging it again here would make every poller's answer render a second time.
    """
    from .models import LiveBlogPage
    from .services import publish_due

    blog = LiveBlogPage.objects.filter(pk=blog_pk).select_related("locale").first()
    if blog is None:
        return
    if publish_due(blog_pk):
        purge_updates(blog_pk)
    for path in paths_showing(blog):
        pagecache.purge_path(path)
