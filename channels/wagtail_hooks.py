"""Live blog key events reach the channel: the live app tells us an entry changed."""

from django.utils import timezone
from wagtail import hooks

from . import posting
from .models import KeyEventPost, TelegramSettings
from .tasks import post_key_event


@hooks.register("live_entry_changed")
def key_event_changed(entry_id):
    """Queue the post's work (after the commit; the editor never waits for Telegram)."""
    if KeyEventPost.objects.filter(entry_id=entry_id).exists():
        post_key_event.enqueue(entry_id)  # edited, unflagged, hidden or deleted
        return
    event = posting.key_event(entry_id)
    config = TelegramSettings.load()
    if event is None or not config.has_token or not config.channel_for(event["language"]):
        return
    # A key event scheduled for later is posted when readers can see it, not before.
    run_after = max(event["publish_at"], timezone.now())
    post_key_event.using(run_after=run_after).enqueue(entry_id)
