"""Purges for live blogs, run by `manage.py worker` off the editors' request path."""

from django_tasks import task

from samizdat import pagecache, queue


def paths_showing(blog):
    """What shows a live blog's entries: its page, updates, the lite page and the feeds."""
    language = blog.language_code
    return [
        blog.live_path,
        blog.updates_path,
        f"/{language}/lite/live/{blog.slug}/",
        f"/{language}/feed/",
        f"/{language}/feed/atom/",
    ]


def purge_blog(blog):
    from . import state

    state.bump(blog.pk)
    for path in paths_showing(blog):
        pagecache.purge_path(path)


@task(backend=queue.BACKEND)
def purge_live_blog(blog_pk):
    from .models import LiveBlogPage

    blog = LiveBlogPage.objects.filter(pk=blog_pk).select_related("locale").first()
    if blog is not None:
        purge_blog(blog)
