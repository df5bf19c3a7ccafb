"""Posts in each language's channel: an article's, or a live blog key event's; sent once,
edited when their text changes, deleted when the story or the event goes."""

import html
import os

from django.conf import settings
from wagtail import hooks

from mirrors import hosts
from newsroom.models import ArticlePage

from .models import KeyEventPost, Links, TelegramPost, TelegramSettings
from .telegram import BotAPI, TelegramError

CAPTION_LIMIT = 1024  # Telegram's limit for a photo caption
PHOTO_RENDITION = "max-1280x1280"


def api(config):
    return BotAPI(config.api_base, config.token())


def links(config, path):
    main = settings.CANONICAL_BASE_URL.rstrip("/") + path
    found = [main]
    if config.links == Links.MIRROR:
        mirrors = [e["url"] for e in hosts.current().alternatives if e["proto"] == "https"]
        if mirrors:
            found.append(mirrors[0].rstrip("/") + path)
    return found


def post_text(config, headline, lede, path):
    """Headline in bold, the lede, the links; HTML parse mode, trimmed to the caption limit."""
    tail = "\n\n" + "\n".join(html.escape(url) for url in links(config, path))
    head = f"<b>{html.escape(headline)}</b>"
    room = CAPTION_LIMIT - len(head) - len(tail) - 2
    lede = lede if len(lede) <= room else lede[: room - 1] + "…"
    return f"{head}\n\n{html.escape(lede)}{tail}"


def photo_of(image):
    if image is None:
        return None
    rendition = image.get_rendition(PHOTO_RENDITION)
    with rendition.file.open("rb") as file:
        return os.path.basename(rendition.file.name), file.read()


def publish(page_id):
    """Post the article, or edit its post when its text changed. Raises TelegramError."""
    article = ArticlePage.objects.live().filter(pk=page_id).select_related("locale").first()
    config = TelegramSettings.load()
    if article is None or not config.has_token:
        return
    chat = config.channel_for(article.locale.language_code)
    if not chat:
        return
    text = post_text(config, article.title, article.lede, article.get_url_parts()[2])
    post = TelegramPost.objects.filter(page_id=page_id).first()
    if post is None:
        message_id, with_photo = send(config, chat, text, article.lead_image)
        TelegramPost.objects.create(
            page_id=article.pk, chat=chat, message_id=message_id, with_photo=with_photo, text=text
        )
    elif post.text != text:
        edit(config, post, text)


def key_event(entry_id):
    """What the live blog app says there is to post for an entry (None: nothing)."""
    for describe in hooks.get_hooks("channels_key_event"):
        found = describe(entry_id)
        if found is not None:
            return found
    return None


def publish_key_event(entry_id):
    """Post a key event readers can see, edit its post, or delete it. Raises TelegramError."""
    event = key_event(entry_id)
    post = KeyEventPost.objects.filter(entry_id=entry_id).first()
    if event is None or not event["visible"]:
        # Deleted, no longer a key event, back to a draft or rescheduled: no post stays.
        if post is not None:
            delete(TelegramSettings.load(), post)
        return
    config = TelegramSettings.load()
    chat = config.channel_for(event["language"])
    if not config.has_token or not chat:
        return
    text = post_text(config, event["headline"], event["text"], event["path"])
    if post is None:
        message_id, with_photo = send(config, chat, text, event["image"])
        KeyEventPost.objects.create(
            entry_id=entry_id,
            page_id=event["blog_id"],
            chat=chat,
            message_id=message_id,
            with_photo=with_photo,
            text=text,
        )
    elif post.text != text:
        edit(config, post, text)


def send(config, chat, text, image):
    """The new post's message id, and whether it carries a photo."""
    photo = photo_of(image)
    if photo:
        fields = {"chat_id": chat, "caption": text, "parse_mode": "HTML"}
        result = api(config).call("sendPhoto", fields, photo=photo)
    else:
        fields = {"chat_id": chat, "text": text, "parse_mode": "HTML"}
        result = api(config).call("sendMessage", fields)
    return result["message_id"], bool(photo)


def edit(config, post, text):
    fields = {"chat_id": post.chat, "message_id": post.message_id, "parse_mode": "HTML"}
    if post.with_photo:
        method, fields["caption"] = "editMessageCaption", text
    else:
        method, fields["text"] = "editMessageText", text
    try:
        api(config).call(method, fields)
    except TelegramError as error:
        if "not modified" not in error.description:
            raise
    post.text = text
    post.save(update_fields=["text"])


def withdraw(page_id):
    """Delete the article's post, if it has one. Raises TelegramError."""
    post = TelegramPost.objects.filter(page_id=page_id).first()
    if post is not None:
        delete(TelegramSettings.load(), post)


def delete(config, post):
    fields = {"chat_id": post.chat, "message_id": post.message_id}
    try:
        api(config).call("deleteMessage", fields)
    except TelegramError as error:
        if error.code != 400:  # 400: the message is already gone
            raise
    post.delete()
