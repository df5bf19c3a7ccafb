"""Sending issues from the worker: at a set rate, resumable, each reader once.

Every recipient has a Delivery row. A row is marked "sending" (committed) before its
message goes to the relay and "sent" (committed) once the relay accepted it, so after a
crash or a restart the worker picks up exactly where it stopped: queued rows are still to
do, and the few rows left "sending" are sent again under the same Message-ID, which mail
clients show once. Memory stays flat: rows are read in batches by id, never the whole list.
"""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db.models import Q
from django.utils import timezone

from . import mail
from .models import Delivery, DeliveryState, Issue, State, Subscriber

logger = logging.getLogger(__name__)
BATCH = 2000
RETRY_DELAYS = (60, 300, 1800, 7200)


def queue_issue(issue):
    """Editors press Send: the worker builds the recipient rows, then sends."""
    Issue.objects.filter(pk=issue.pk, state=State.DRAFT).update(state=State.QUEUED)


def build_deliveries(issue):
    """One queued row per subscriber of the issue's language, in batches (flat memory)."""
    subscribers = Subscriber.objects.filter(language=issue.language).order_by("pk")
    last = 0
    while True:
        ids = list(subscribers.filter(pk__gt=last).values_list("pk", flat=True)[:BATCH])
        if not ids:
            break
        Delivery.objects.bulk_create(
            [Delivery(issue=issue, subscriber_id=pk) for pk in ids], ignore_conflicts=True
        )
        last = ids[-1]
    Issue.objects.filter(pk=issue.pk).update(state=State.SENDING)


def send_due(limit=None, now=None):
    """Send up to `limit` due messages (the rate per worker tick); returns how many went."""
    limit = settings.NEWSLETTER_RATE if limit is None else limit
    for issue in Issue.objects.filter(state=State.QUEUED):
        build_deliveries(issue)
    now = now or timezone.now()
    due = (
        Delivery.objects.filter(issue__state=State.SENDING)
        .filter(state__in=[DeliveryState.QUEUED, DeliveryState.SENDING])
        .filter(Q(next_try_at__isnull=True) | Q(next_try_at__lte=now))
        .select_related("subscriber", "issue")
        .order_by("id")[:limit]
    )
    rows = list(due)
    if rows:
        # One commit marks the batch as handed over; each message then commits its "sent".
        Delivery.objects.filter(pk__in=[row.pk for row in rows]).update(state=DeliveryState.SENDING)
        send_rows(rows, now)
    finish_issues()
    return sum(1 for row in rows if row.state == DeliveryState.SENT)


def send_rows(rows, now):
    rendered = {}
    connection = get_connection()
    try:
        connection.open()
        for row in rows:
            if row.issue_id not in rendered:
                rendered[row.issue_id] = mail.render_issue(row.issue)
            send_one(connection, rendered[row.issue_id], row, now)
    finally:
        connection.close()


def send_one(connection, rendered, row, now):
    subscriber = row.subscriber
    message = mail.issue_message(
        rendered, row.issue, subscriber, subscriber.address, connection=connection
    )
    try:
        message.send()
    except smtplib.SMTPRecipientsRefused as refused:
        codes = [code for code, _text in refused.recipients.values()]
        if codes and all(code >= 500 for code in codes):
            # The relay says this mailbox does not exist: the address goes, not a flag.
            subscriber.delete()
            row.state = DeliveryState.FAILED
            return
        retry(row, now)
        return
    except (smtplib.SMTPException, OSError) as error:
        logger.warning("Newsletter message not sent, will retry: %s", type(error).__name__)
        retry(row, now)
        return
    row.state = DeliveryState.SENT
    Delivery.objects.filter(pk=row.pk).update(state=DeliveryState.SENT)


def retry(row, now):
    attempt = row.attempts
    if attempt >= len(RETRY_DELAYS):
        row.state = DeliveryState.FAILED
    else:
        row.state = DeliveryState.QUEUED
        row.next_try_at = now + timedelta(seconds=RETRY_DELAYS[attempt])
    row.attempts = attempt + 1
    Delivery.objects.filter(pk=row.pk).update(
        state=row.state, attempts=row.attempts, next_try_at=row.next_try_at
    )


def finish_issues():
    pending = [DeliveryState.QUEUED, DeliveryState.SENDING]
    for issue in Issue.objects.filter(state=State.SENDING):
        if not Delivery.objects.filter(issue=issue, state__in=pending).exists():
            Issue.objects.filter(pk=issue.pk).update(state=State.SENT, sent_at=timezone.now())
