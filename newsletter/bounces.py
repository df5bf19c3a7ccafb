"""Bounces the relay reports later, by e-mail: delivery status notifications (RFC 3464).

A relay that accepted a message and later cannot deliver it sends a report to the
envelope sender (NEWSLETTER_BOUNCE_ADDRESS). The mail server hands each report to
`manage.py newsletter_bounce` (a pipe alias, docs/newsletter.md). A permanent failure
(action "failed", status 5.x.x) deletes the subscription, but only when the report quotes
the Message-ID we gave that very address: its tag is a hash of the keyed lookup, which
no one without NEWSLETTER_KEY can make, so a forged report unsubscribes no one else.
"""

import hmac
import re
from email import message_from_bytes, message_from_string, policy

from django.conf import settings

from . import mail, sealing
from .models import Subscriber

OUR_MESSAGE_ID = re.compile(r"<issue-(\d+)-([0-9a-f]{24})@[^>\s]+>")


def take(raw):
    """Act on one report (bytes); how many subscriptions it removed."""
    report = message_from_bytes(raw, policy=policy.default)
    found = OUR_MESSAGE_ID.search(quoted_message_id(report) or "")
    if found is None:
        return 0  # not about an issue we sent (a confirmation, spam, a forged report)
    issue_pk, tag = found.groups()
    removed = 0
    for address in set(failed_for_good(report)):
        for language, _name in settings.LANGUAGES:
            lookup = sealing.lookup(address, language)
            if hmac.compare_digest(mail.message_tag(issue_pk, lookup), tag):
                removed += Subscriber.objects.filter(lookup=lookup).delete()[0]
    return removed


def failed_for_good(report):
    """The addresses a report says cannot be delivered to, ever."""
    for part in report.walk():
        if part.get_content_type() != "message/delivery-status":
            continue
        # The payload is one block of fields for the message, then one per recipient.
        for block in part.get_payload():
            action = str(block.get("Action", "")).strip().lower()
            status = str(block.get("Status", "")).strip()
            recipient = str(block.get("Final-Recipient") or block.get("Original-Recipient") or "")
            kind, _, address = recipient.partition(";")
            if action == "failed" and status.startswith("5.") and kind.strip().lower() == "rfc822":
                yield address.strip()


def quoted_message_id(report):
    """The Message-ID of the message the report returns (whole, or its headers only)."""
    for part in report.walk():
        kind = part.get_content_type()
        if kind == "message/rfc822":
            original = part.get_payload(0)
        elif kind == "text/rfc822-headers":
            original = message_from_string(part.get_content(), policy=policy.default)
        else:
            continue
        if original.get("Message-ID"):
            return str(original["Message-ID"])
    return None
