"""Publishing and unpublishing queue the channel post's work; they never wait for it."""

from django.db import transaction
from wagtail import hooks
from wagtail.signals import page_published, page_unpublished

from newsroom.models import ArticlePage


def on_published(sender, instance, **kwargs):
    from .models import TelegramSettings
    from .tasks import publish_article

    if not isinstance(instance, ArticlePage):
        return
    config = TelegramSettings.load()
    if config.has_token and config.channel_for(instance.locale.language_code):
        page_id = instance.pk
        transaction.on_commit(lambda: publish_article.enqueue(page_id))
        # A live blog's key events saved before it was published are posted now.
        transaction.on_commit(lambda: key_events_of(page_id))


def key_events_of(page_id):
    from .wagtail_hooks import key_event_changed

    for entries_of in hooks.get_hooks("channels_key_events_of"):
        for entry_id in entries_of(page_id):
            key_event_changed(entry_id)


def on_unpublished(sender, instance, **kwargs):
    from .models import KeyEventPost, TelegramPost
    from .tasks import post_key_event, withdraw_article

    if TelegramPost.objects.filter(page_id=instance.pk).exists():
        page_id = instance.pk
        transaction.on_commit(lambda: withdraw_article.enqueue(page_id))
    # A live blog taken down takes its key events' posts with it.
    for entry_id in KeyEventPost.objects.filter(page_id=instance.pk).values_list(
        "entry_id", flat=True
    ):
        transaction.on_commit(lambda entry_id=entry_id: post_key_event.enqueue(entry_id))


def connect():
    page_published.connect(on_published, dispatch_uid="channels-published")
    page_unpublished.connect(on_unpublished, dispatch_uid="channels-unpublished")
