"""A real SMTP server started by a test (aiosmtpd), and the site's mail sent through it."""

from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller

from testing import free_port


class Mailbox:
    """What the server received; `refuse` maps an address to the SMTP reply for RCPT."""

    def __init__(self):
        self.messages = []
        self.senders = []  # the envelope's MAIL FROM of each message
        self.refuse = {}

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        self.senders.append(envelope.mail_from)
        return "250 Message accepted"

    def to(self, address):
        return [m for m in self.messages if m["To"] == address]


@pytest.fixture
def smtp(settings):
    mailbox = Mailbox()
    port = free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    yield mailbox
    controller.stop()


def body(message, kind):
    return message.get_body(preferencelist=(kind,)).get_content()
