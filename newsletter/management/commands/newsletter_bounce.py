"""Read one bounce report on standard input: the mail server's pipe for bounces.

Always exits 0: a failing pipe makes the mail server bounce the bounce.
"""

import logging
import sys

from django.core.management.base import BaseCommand

from newsletter import bounces

logger = logging.getLogger(__name__)
MAX_REPORT = 10 * 1024 * 1024  # a report returns at most one message of ours


class Command(BaseCommand):
    help = "Read a bounce report (RFC 3464) on stdin; a permanent failure removes the address."

    def handle(self, *args, **options):
        raw = sys.stdin.buffer.read(MAX_REPORT)
        try:
            removed = bounces.take(raw)
        except Exception as error:  # a malformed report must not make the mail server retry
            # The kind of error only: a traceback could quote the report, and so an address.
            logger.warning("Bounce report not understood: %s", type(error).__name__)
            return
        if removed:
            # A count only: the address itself is never written down.
            logger.info("Bounce report removed %d subscription(s)", removed)
