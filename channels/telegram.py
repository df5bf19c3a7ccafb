"""A small client for Telegram's Bot API (https://core.telegram.org/bots/api).

Only the standard library: requests are form posts, or multipart when a photo is uploaded
(uploading, rather than giving Telegram our URL, works while our main domain is blocked).
"""

import json
import secrets
import urllib.error
import urllib.request

TIMEOUT = 20


class TelegramError(Exception):
    def __init__(self, description, retry_after=None, code=None):
        super().__init__(description)
        self.description = description
        self.retry_after = retry_after
        self.code = code


class BotAPI:
    def __init__(self, base, token):
        self.base = base.rstrip("/")
        self.token = token

    def call(self, method, fields, photo=None):
        """The method's result; TelegramError on a refusal (with retry_after on 429)."""
        url = f"{self.base}/bot{self.token}/{method}"
        if photo is None:
            body = json.dumps(fields).encode()
            content_type = "application/json"
        else:
            body, content_type = multipart(fields, photo)
        headers = {"Content-Type": content_type}
        # The base is an editor's https (or local) address from the settings, not reader input.
        request = urllib.request.Request(url, data=body, headers=headers, method="POST")  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310
                reply = json.load(response)
        except urllib.error.HTTPError as error:
            try:
                reply = json.load(error)
            except ValueError:
                raise TelegramError(f"HTTP {error.code}", code=error.code) from None
        if reply.get("ok"):
            return reply["result"]
        parameters = reply.get("parameters") or {}
        raise TelegramError(
            reply.get("description", ""),
            retry_after=parameters.get("retry_after"),
            code=reply.get("error_code"),
        )


def multipart(fields, photo):
    """multipart/form-data with the text fields and one file field named "photo"."""
    boundary = secrets.token_hex(16)
    parts = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n'
            "Content-Type: text/plain; charset=utf-8\r\n\r\n"
            f"{value}\r\n".encode()
        )
    filename, content = photo
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="photo"; '
        f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode()
        + content
        + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"
