"""An article's post in its language's channel: sent once, edited, deleted."""

import html
import os

from django.conf import settings

from mirrors import hosts
from newsroom.models import ArticlePage

from .models import Links, TelegramPost, TelegramSettings
from .telegram import BotAPI, TelegramError

CAPTION_LIMIT = 1024  # Telegram's limit for a photo caption
PHOTO_RENDITION = "max-1280x1280"


def api(config):
    return BotAPI(config.api_base, config.bot_token)


def links(config, article):
    path = article.get_url_parts()[2]
    main = settings.CANONICAL_BASE_URL.rstrip("/") + path
    found = [main]
    if config.links == Links.MIRROR:
        mirrors = [e["url"] for e in hosts.current().alternatives if e["proto"] == "https"]
        if mirrors:
            found.append(mirrors[0].rstrip("/") + path)
    return found


def post_text(config, article):
    """Headline in bold, the lede, the links; HTML parse mode, trimmed to the caption limit."""
    tail = "\n\n" + "\n".join(html.escape(url) for url in links(config, article))
    head = f"<b>{html.escape(article.title)}</b>"
    room = CAPTION_LIMIT - len(head) - len(tail) - 2
    lede = article.lede if len(article.lede) <= room else article.lede[: room - 1] + "…"
    return f"{head}\n\n{html.escape(lede)}{tail}"


def photo_of(article):
    if article.lead_image is None:
        return None
    rendition = article.lead_image.get_rendition(PHOTO_RENDITION)
    with rendition.file.open("rb") as image:
        return os.path.basename(rendition.file.name), image.read()


def publish(page_id):
    """Post the article, or edit its post when its text changed. Raises TelegramError."""
    article = ArticlePage.objects.live().filter(pk=page_id).select_related("locale").first()
    config = TelegramSettings.load()
    if article is None or not config.bot_token:
        return
    chat = config.channel_for(article.locale.language_code)
    if not chat:
        return
    text = post_text(config, article)
    post = TelegramPost.objects.filter(page_id=page_id).first()
    if post is None:
        send(config, article, chat, text)
    elif post.text != text:
        edit(config, post, text)


def send(config, article, chat, text):
    photo = photo_of(article)
    if photo:
        fields = {"chat_id": chat, "caption": text, "parse_mode": "HTML"}
        result = api(config).call("sendPhoto", fields, photo=photo)
    else:
        fields = {"chat_id": chat, "text": text, "parse_mode": "HTML"}
        result = api(config).call("sendMessage", fields)
    TelegramPost.objects.create(
        page_id=article.pk,
        chat=chat,
        message_id=result["message_id"],
        with_photo=bool(photo),
        text=text,
    )


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
    if post is None:
        return
    config = TelegramSettings.load()
    fields = {"chat_id": post.chat, "message_id": post.message_id}
    try:
        api(config).call("deleteMessage", fields)
    except TelegramError as error:
        if error.code != 400:  # 400: the message is already gone
            raise
    post.delete()
