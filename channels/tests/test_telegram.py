"""Posting to Telegram against a local server that answers like the Bot API.

The real API cannot be reached from the test machines; this server speaks its documented
request and reply shapes (https://core.telegram.org/bots/api): {"ok": true, "result": ...},
and {"ok": false, "error_code": 429, "parameters": {"retry_after": N}} when rate limited.
"""

import json
import threading
from datetime import timedelta
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import time_machine
from django.utils import timezone

from channels.models import TelegramPost, TelegramSettings
from mirrors import hosts
from samizdat import queue
from testing.factories import make_article, make_image

pytestmark = pytest.mark.django_db
TOKEN = "123456:test-token"


class FakeBotAPI(BaseHTTPRequestHandler):
    def do_POST(self):
        bot, method = self.path.strip("/").split("/")
        length = int(self.headers["Content-Length"])
        fields, photo = read_fields(self.headers["Content-Type"], self.rfile.read(length))
        server = self.server
        server.calls.append({"bot": bot, "method": method, "fields": fields, "photo": photo})
        if server.limited:
            server.limited -= 1
            self.reply(429, error("Too Many Requests: retry after 7", 429, retry_after=7))
        elif method in ("sendMessage", "sendPhoto"):
            server.next_id += 1
            self.reply(200, {"ok": True, "result": {"message_id": server.next_id, "date": 0}})
        elif method == "deleteMessage":
            self.reply(200, {"ok": True, "result": True})
        else:  # editMessageText, editMessageCaption
            self.reply(200, {"ok": True, "result": {"message_id": int(fields["message_id"])}})

    def reply(self, status, document):
        body = json.dumps(document).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def error(description, code, retry_after=None):
    document = {"ok": False, "error_code": code, "description": description}
    if retry_after:
        document["parameters"] = {"retry_after": retry_after}
    return document


def read_fields(content_type, body):
    if content_type.startswith("application/json"):
        return json.loads(body), None
    head = f"Content-Type: {content_type}\r\n\r\n".encode()
    message = BytesParser(policy=HTTP).parsebytes(head + body)
    fields, photo = {}, None
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if name == "photo":
            photo = part.get_payload(decode=True)
        else:
            fields[name] = part.get_content()
    return fields, photo


@pytest.fixture
def bot_api():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeBotAPI)
    server.calls, server.next_id, server.limited = [], 100, 0
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    config = TelegramSettings.load()
    config.set_token(TOKEN)
    config.api_base = f"http://127.0.0.1:{server.server_port}"
    config.channel_be = "@samizdat_be"
    config.channel_ru = "@samizdat_ru"
    config.save()
    yield server
    server.shutdown()


def publish(article, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    queue.run_queued_tasks()


def test_publishing_posts_headline_lede_photo_and_links_once(
    bot_api, django_capture_on_commit_callbacks
):
    hosts.remember(
        hosts.Snapshot(alternatives=({"proto": "https", "url": "https://mirror.example"},)),
        seconds=float("inf"),
    )
    article = make_article(
        "Навіна <дня>", "be", lede="Першы абзац.", image=make_image(), publish=False
    )
    publish(article, django_capture_on_commit_callbacks)
    [call] = bot_api.calls
    assert call["bot"] == f"bot{TOKEN}" and call["method"] == "sendPhoto"
    assert call["fields"]["chat_id"] == "@samizdat_be"
    caption = call["fields"]["caption"]
    assert caption.startswith("<b>Навіна &lt;дня&gt;</b>\n\nПершы абзац.")
    path = article.get_url_parts()[2]
    assert f"http://127.0.0.1:8000{path}" in caption
    assert f"https://mirror.example{path}" in caption
    assert call["photo"][:4] in (b"\x89PNG", b"\xff\xd8\xff\xe0", b"\xff\xd8\xff\xdb", b"GIF8")
    publish(article, django_capture_on_commit_callbacks)  # published again, nothing changed
    assert len(bot_api.calls) == 1


def test_a_new_headline_edits_the_post_and_unpublishing_deletes_it(
    bot_api, django_capture_on_commit_callbacks
):
    article = make_article("Первый заголовок", "ru", publish=False)
    publish(article, django_capture_on_commit_callbacks)
    assert bot_api.calls[-1]["method"] == "sendMessage"
    message_id = TelegramPost.objects.get(page_id=article.pk).message_id
    article.title = "Новый заголовок"
    publish(article, django_capture_on_commit_callbacks)
    edit = bot_api.calls[-1]
    assert edit["method"] == "editMessageText"
    assert edit["fields"]["message_id"] == message_id
    assert edit["fields"]["text"].startswith("<b>Новый заголовок</b>")
    article.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()
    queue.run_queued_tasks()
    assert bot_api.calls[-1]["method"] == "deleteMessage"
    assert bot_api.calls[-1]["fields"] == {"chat_id": "@samizdat_ru", "message_id": message_id}
    assert not TelegramPost.objects.exists()


def test_a_rate_limit_is_retried_after_retry_after_and_never_blocks_publishing(
    bot_api, django_capture_on_commit_callbacks
):
    bot_api.limited = 1
    article = make_article("Навіна", "be", publish=False)
    publish(article, django_capture_on_commit_callbacks)
    article.refresh_from_db()
    assert article.live  # publishing went on
    assert [c["method"] for c in bot_api.calls] == ["sendMessage"]
    assert not TelegramPost.objects.exists()
    with time_machine.travel(timezone.now() + timedelta(seconds=5)):
        queue.run_queued_tasks()  # retry_after (7 s) has not passed
    assert len(bot_api.calls) == 1
    with time_machine.travel(timezone.now() + timedelta(seconds=8)):
        queue.run_queued_tasks()
    assert [c["method"] for c in bot_api.calls] == ["sendMessage", "sendMessage"]
    assert TelegramPost.objects.count() == 1


def test_telegram_down_does_not_block_publishing_and_is_retried(
    bot_api, django_capture_on_commit_callbacks
):
    config = TelegramSettings.load()
    port = bot_api.server_port
    config.api_base = "http://127.0.0.1:1"  # nothing listens there
    config.save()
    article = make_article("Навіна", "be", publish=False)
    publish(article, django_capture_on_commit_callbacks)
    article.refresh_from_db()
    assert article.live and not TelegramPost.objects.exists()
    config.api_base = f"http://127.0.0.1:{port}"
    config.save()
    with time_machine.travel(timezone.now() + timedelta(seconds=queue.RETRY_DELAYS[0] + 1)):
        queue.run_queued_tasks()
    assert [c["method"] for c in bot_api.calls] == ["sendMessage"]


def test_an_edition_without_a_channel_posts_nothing(bot_api, django_capture_on_commit_callbacks):
    publish(make_article("Story", "en", publish=False), django_capture_on_commit_callbacks)
    assert bot_api.calls == []
