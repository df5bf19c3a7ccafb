"""Key events as messengers post them, and telling other apps that an entry changed.

Live blogs know nothing of Telegram (one app per capability): after each change of an
entry the apps that registered the `live_entry_changed` hook are told its id, and they ask
`describe` (through the `channels_key_event` hook) what there is to post now.
"""

import html
import re

from wagtail import hooks

from . import services
from .models import LiveEntry

BLOCK_END = re.compile(r"</(p|li|h[1-6]|blockquote)>|<br\s*/?>", re.IGNORECASE)
TAG = re.compile(r"<[^>]+>")


def plain_text(rich_text):
    """The entry's rich text as plain lines (messengers get their own markup)."""
    text = TAG.sub("", BLOCK_END.sub("\n", rich_text))
    lines = (" ".join(line.split()) for line in html.unescape(text).splitlines())
    return "\n".join(line for line in lines if line)


def describe(entry_id):
    """The key event to post, or None: no such entry, not a key event, blog not live."""
    entry = (
        LiveEntry.objects.filter(pk=entry_id, key_event=True)
        .select_related("blog", "blog__locale", "image")
        .first()
    )
    if entry is None or not entry.blog.live:
        return None
    return {
        "blog_id": entry.blog_id,
        "language": entry.blog.language_code,
        "headline": entry.headline or entry.blog.title,
        "text": plain_text(entry.text),
        "path": f"{entry.blog.live_path}#{entry.anchor}",
        "image": entry.image,
        "publish_at": entry.publish_at,
        "visible": services.visible_to_readers(entry),
    }


def visible_ids(blog_id):
    entries = LiveEntry.objects.visible().filter(blog_id=blog_id, key_event=True)
    return list(entries.order_by("publish_at", "pk").values_list("pk", flat=True))


def tell_others(entry_id):
    """After the commit: every app that posts entries elsewhere looks at this one again."""
    for changed in hooks.get_hooks("live_entry_changed"):
        changed(entry_id)
