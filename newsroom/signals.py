"""Keep the full-page cache honest when pages change (samizdat.pagecache)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from samizdat import caching, cdn

from . import photo_sizes


def new_generation():
    """A new page-cache generation now, and again once the change is committed.

    Now, so this process's next render shows it; after the commit, because another process
    that read the new number before the commit rendered the old rows under it.
    """
    caching.purge_everything()
    transaction.on_commit(caching.purge_everything)


def new_publication():
    """A new generation (lists) that leaves the foundation (articles' own parts), now and
    again once committed, as new_generation()."""
    caching.new_publication()
    transaction.on_commit(caching.new_publication)


def article_published(instance=None, **kwargs):
    """An article published at its address changes the lists and its own parts, which are
    kept under its live revision: nothing else an article page shows. Any other page
    published (a section's title is every article's kicker) changes the foundation."""
    from .models import ArticlePage

    if not isinstance(instance, ArticlePage):
        purge_pages(instance, **kwargs)
        return
    new_publication()
    cdn.purge(cdn.page_paths(instance))
    photo_sizes.queue_for(instance)


def purge_pages(instance=None, **kwargs):
    # Any page may be listed on the main page, All news, a section or a feed, so a change
    # to one starts a new cache generation rather than hunting for every list it is in.
    new_generation()
    from wagtail.models import Page

    if isinstance(instance, Page):
        cdn.purge(cdn.page_paths(instance.specific))


def lists_showing(page):
    """The newsroom's pages that list this one: its edition's main page and All news (its
    ancestors), its section and its people's author pages (samizdat.cdn.add_paths)."""
    paths = {ancestor.url for ancestor in page.get_ancestors()[1:]}
    section = getattr(page, "section", None)
    if section is not None:
        paths.add(section.url)
    author_urls = getattr(page, "author_urls", None)
    if author_urls is not None:
        paths.update(author_urls())
    return {path for path in paths if path}


def connect():
    from .images import NewsroomImage

    cdn.add_paths(lists_showing)
    page_published.connect(article_published, dispatch_uid="pagecache-published")
    # A new address changes every link to the page: Wagtail sends this once committed.
    page_slug_changed.connect(purge_pages, dispatch_uid="pagecache-slug-changed")
    page_unpublished.connect(purge_pages, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(purge_pages, dispatch_uid="pagecache-moved")
    post_delete.connect(purge_deleted_page, dispatch_uid="pagecache-deleted")
    # A photo saved to the library gets its sizes from the worker (photo_sizes).
    post_save.connect(photo_sizes.queue_for_photo, sender=NewsroomImage, dispatch_uid="photo-sizes")
    for model in shown_models():
        uid = f"pagecache-{model._meta.label_lower}"
        post_save.connect(purge_pages, sender=model, dispatch_uid=f"{uid}-saved")
        post_delete.connect(purge_pages, sender=model, dispatch_uid=f"{uid}-deleted")


def shown_models():
    """Models that pages show or that samizdat.caching keeps, besides pages themselves."""
    from wagtail.models import Locale, PageViewRestriction, Site

    from .models import Author, NewsroomImage

    return [Site, Locale, PageViewRestriction, Author, NewsroomImage]


def purge_deleted_page(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        new_generation()
        # The specific page (the article, not its Page row) still knows where it was shown.
        if type(instance) is not Page:
            cdn.purge(cdn.page_paths(instance))
