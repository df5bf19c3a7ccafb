"""Keep the full-page cache honest when pages change (samizdat.pagecache)."""

from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished, post_page_move

from samizdat import pagecache


def purge_pages(**kwargs):
    # Any page may be listed on the main page, All news, a section or a feed, so a change
    # to one starts a new cache generation rather than hunting for every list it is in.
    pagecache.purge_everything()


def connect():
    page_published.connect(purge_pages, dispatch_uid="pagecache-published")
    page_unpublished.connect(purge_pages, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(purge_pages, dispatch_uid="pagecache-moved")
    post_delete.connect(purge_deleted_page, dispatch_uid="pagecache-deleted")


def purge_deleted_page(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        pagecache.purge_everything()
