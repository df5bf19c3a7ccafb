"""What makes a day's group sums out of date, caught where it happens (see analytics.rollup).

Each costs at most a query or two, and only when something that was summed changes: a
page saved without a new section, or a comment posted today, asks nothing more.
"""

from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver

from comments.models import Comment
from newsroom.models import ArticleByline, ArticlePage
from readership import clock

from . import rollup


@receiver(pre_save, sender=ArticlePage)
def section_changed(sender, instance, update_fields=None, **kwargs):
    if instance.pk is None or (update_fields is not None and "section" not in update_fields):
        return
    before = list(ArticlePage.objects.filter(pk=instance.pk).values_list("section_id", flat=True))
    if before and before[0] != instance.section_id:
        rollup.article_moved(instance.pk)


@receiver(pre_delete, sender=ArticlePage)
def article_deleted(sender, instance, **kwargs):
    rollup.article_moved(instance.pk)


@receiver(pre_save, sender=ArticleByline)
def byline_changed(sender, instance, **kwargs):
    if instance.pk is not None:
        before = ArticleByline.objects.filter(pk=instance.pk).values_list("author_id", flat=True)
        if list(before) == [instance.author_id]:
            return
    rollup.article_moved(instance.page_id)


@receiver(post_delete, sender=ArticleByline)
def byline_removed(sender, instance, **kwargs):
    rollup.article_moved(instance.page_id)


@receiver(post_save, sender=Comment)
@receiver(post_delete, sender=Comment)
def comment_changed(sender, instance, **kwargs):
    rollup.comment_changed(instance.created_at, clock.now().date())
