"""Confirmation e-mails, sent from the worker so a slow relay never holds a reader's page.

The task's arguments are stored in the queue table: they carry the sealed confirmation
token, never the address in clear.
"""

from django.conf import settings
from django_tasks import task

from samizdat import queue

from . import mail, sealing


@task(backend=queue.BACKEND)
def send_confirmation(token, confirm_url, attempt=0):
    opened = sealing.open_confirmation(token, settings.NEWSLETTER_CONFIRM_DAYS * 86400)
    if opened is None:
        return  # expired while queued: the reader may subscribe again
    address, language = opened
    try:
        mail.confirmation_message(address, language, confirm_url).send()
    except OSError:
        queue.retry_later(send_confirmation, attempt, token, confirm_url)
