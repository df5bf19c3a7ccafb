from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    """Anonymous comments, the anti-abuse pipeline, reader reports and the moderation desk."""

    name = "comments"
    verbose_name = _("Comments")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from .models import Comment, CommentPolicy, DiscussionSwitch

        # Pages show what these decide (how many comments, whether the form is open), and
        # article renders remember them until the next publication (samizdat.caching).
        for model in (CommentPolicy, DiscussionSwitch):
            uid = f"comments-{model._meta.model_name}"
            post_save.connect(purge_pages, sender=model, dispatch_uid=f"{uid}-saved")
            post_delete.connect(purge_pages, sender=model, dispatch_uid=f"{uid}-deleted")
        # Articles keep their rendered discussion until one of its comments changes.
        post_save.connect(new_discussion_stamp, sender=Comment, dispatch_uid="comment-saved")
        post_delete.connect(new_discussion_stamp, sender=Comment, dispatch_uid="comment-deleted")


def new_discussion_stamp(sender, instance, **kwargs):
    """Now, and again once committed: a block rendered in between from the old rows is
    stored under the first stamp, which nobody asks for after the second."""
    from django.db import transaction

    from .discussion import new_stamp

    new_stamp(instance.article_id)
    transaction.on_commit(lambda: new_stamp(instance.article_id))


def purge_pages(sender, created=False, **kwargs):
    """A new page-cache generation now, and again once the change is committed.

    Now, so this process's next render shows it; after the commit, so that nothing
    rendered in between from the old rows is kept under the new generation.
    """
    from django.db import transaction

    from .models import CommentPolicy

    if created and sender is CommentPolicy:
        return  # made by CommentPolicy.load() with the defaults that pages already follow

    from samizdat import caching

    caching.purge_everything()
    transaction.on_commit(caching.purge_everything)
