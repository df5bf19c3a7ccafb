"""Bounces reported later by e-mail (RFC 3464 delivery status notifications).

The issue goes out through the test's SMTP server; the report is built as a relay's
mailer daemon writes one, returning the headers of the message it received, and is fed
to `manage.py newsletter_bounce` on standard input, as the mail server's pipe does.
"""

import io
import sys

import pytest
from django.core.management import call_command

from newsletter import sending
from newsletter.models import Subscriber

from .test_sending import issue_with_article, mirrors_configured, subscriber  # noqa: F401

pytestmark = pytest.mark.django_db

REPORT = """\
From: Mail Delivery System <MAILER-DAEMON@relay.example>
To: bounces@newsroom.example
Subject: Undelivered Mail Returned to Sender
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="B0UND"

--B0UND
Content-Type: text/plain; charset=us-ascii

The mail system could not deliver your message.

--B0UND
Content-Type: message/delivery-status

Reporting-MTA: dns; relay.example
Arrival-Date: Sun, 6 Dec 2026 06:00:00 +0000

Final-Recipient: rfc822; {recipient}
Original-Recipient: rfc822;{recipient}
Action: {action}
Status: {status}
Diagnostic-Code: smtp; 550 5.1.1 <{recipient}>: Recipient address rejected

--B0UND
Content-Type: text/rfc822-headers

{headers}
--B0UND--
"""


def report(original, recipient, action="failed", status="5.1.1", message_id=None):
    headers = "".join(
        f"{name}: {message_id if message_id and name == 'Message-ID' else value}\n"
        for name, value in original.items()
        if name in ("From", "To", "Subject", "Date", "Message-ID")
    )
    text = REPORT.format(recipient=recipient, action=action, status=status, headers=headers)
    return text.replace("\n", "\r\n").encode()


def pipe(raw, monkeypatch):
    """What the mail server does with a report for the bounce address."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    call_command("newsletter_bounce")


@pytest.fixture
def sent(smtp, settings):
    settings.NEWSLETTER_BOUNCE_ADDRESS = "bounces@newsroom.example"
    settings.DEFAULT_FROM_EMAIL = "Samizdat <newsletter@newsroom.example>"
    subscriber("gone@example.org", "be")
    subscriber("gone@example.org", "ru")
    subscriber("stays@example.org", "be")
    issue_with_article("be")
    sending.send_due()
    return {message["To"]: message for message in smtp.messages}


def test_issues_name_the_bounce_address_as_envelope_sender_and_keep_their_from(sent, smtp):
    assert smtp.senders == ["bounces@newsroom.example"] * 2
    assert {m["From"] for m in smtp.messages} == {"Samizdat <newsletter@newsroom.example>"}


def test_a_later_permanent_bounce_deletes_that_subscription_only(sent, monkeypatch):
    pipe(report(sent["gone@example.org"], "gone@example.org"), monkeypatch)
    assert Subscriber.objects.find("gone@example.org", "be") is None
    # The Russian edition's subscription of the same mailbox got no message of this issue.
    assert Subscriber.objects.find("gone@example.org", "ru") is not None
    assert Subscriber.objects.find("stays@example.org", "be") is not None


def test_a_delay_or_temporary_failure_deletes_nothing(sent, monkeypatch):
    original = sent["gone@example.org"]
    pipe(report(original, "gone@example.org", action="delayed", status="4.4.1"), monkeypatch)
    pipe(report(original, "gone@example.org", action="failed", status="4.2.2"), monkeypatch)
    assert Subscriber.objects.count() == 3


def test_a_forged_report_cannot_unsubscribe_someone_else(sent, monkeypatch):
    # A report naming another address with our Message-ID for "gone", or a made-up tag.
    pipe(report(sent["gone@example.org"], "stays@example.org"), monkeypatch)
    made_up = "<issue-1-0123456789abcdef01234567@127.0.0.1>"
    pipe(report(sent["gone@example.org"], "gone@example.org", message_id=made_up), monkeypatch)
    assert Subscriber.objects.count() == 3


@pytest.mark.parametrize("raw", [b"", b"not a report at all", b"\xff\xfe\x00" * 100])
def test_junk_on_the_bounce_pipe_changes_nothing(sent, monkeypatch, raw):
    pipe(raw, monkeypatch)
    assert Subscriber.objects.count() == 3
