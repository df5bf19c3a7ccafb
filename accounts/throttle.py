"""Sign-in throttling with django-axes, without telling axes who the client is.

DESIGN.md: no raw IP address is ever stored. Axes keeps its counters in a table with an
IP address column, so it gets a keyed hash of the address instead, written as an IPv6
address in the documentation range 2001:db8::/32: it fits PostgreSQL's inet column and
can never be mistaken for a real client. The user agent is dropped before axes stores it.
"""

import hashlib
import hmac
import ipaddress

from axes.handlers.database import AxesDatabaseHandler
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_client_username, get_cool_off, get_credentials, get_failure_limit
from axes.models import AccessAttempt
from axes.signals import user_locked_out
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.shortcuts import render

from privacy.clients import client_address, salt_for, today

DOCUMENTATION_PREFIX = int(ipaddress.IPv6Address("2001:db8::"))


def client_token(request):
    """This client for today's sign-in limits: a keyed hash of its address, IPv6-shaped.

    The user agent is left out on purpose: changing it must not escape the per-client limit.
    The daily salt (privacy.clients) is destroyed after 48 hours, and the token with it.
    """
    day = today()
    message = f"login\n{day.isoformat()}\n{client_address(request)}".encode()
    digest = hmac.new(salt_for(day).encode(), message, hashlib.blake2b).digest()
    return str(ipaddress.IPv6Address(DOCUMENTATION_PREFIX | int.from_bytes(digest[:12], "big")))


class PrivateDatabaseHandler(AxesDatabaseHandler):
    """Axes' database handler, minus the user agent and Accept header it would store."""

    @staticmethod
    def forget_browser(request):
        if request is not None:
            request.axes_user_agent = ""
            request.axes_http_accept = ""

    def claim_attempt(self, request, credentials):
        """Count this attempt before its password is checked; False when it is over the limit.

        Checking "locked?" and counting a failure only after the password check let a burst
        of simultaneous guesses all pass the check before any was counted. Each attempt now
        adds itself first and then reads the total: with every increment committed before
        the read, only the first AXES_FAILURE_LIMIT attempts can see a total within it.
        An attempt over the limit takes its count back: it was refused, not checked, and
        must not lock the account it names.
        """
        self.forget_browser(request)
        self.clean_expired_user_attempts(request, credentials)
        attempt = self._add_attempt(request, credentials)
        if self.get_failures(request, credentials) <= get_failure_limit(request, credentials):
            request.axes_claimed = True
            return True
        AccessAttempt.objects.filter(pk=attempt).update(
            failures_since_start=F("failures_since_start") - 1
        )
        request.axes_locked_out = True
        return False

    def _add_attempt(self, request, credentials):
        row = {
            "username": get_client_username(request, credentials),
            "ip_address": request.axes_ip_address,
            "user_agent": "",
        }
        with transaction.atomic():
            attempt, created = AccessAttempt.objects.select_for_update().get_or_create(
                **row,
                defaults={
                    "get_data": "",
                    "post_data": "",
                    "http_accept": "",
                    "path_info": request.axes_path_info,
                    "failures_since_start": 1,
                    "attempt_time": request.axes_attempt_time,
                },
            )
            if not created:
                AccessAttempt.objects.filter(pk=attempt.pk).update(
                    failures_since_start=F("failures_since_start") + 1,
                    attempt_time=request.axes_attempt_time,
                )
        return attempt.pk

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        self.forget_browser(request)
        if request is not None and getattr(request, "axes_claimed", False):
            # Counted already, before the check: only tell whether it now locks.
            request.axes_claimed = False
            return self._lock_if_over(request, credentials)
        return super().user_login_failed(sender, credentials, request, **kwargs)

    def _lock_if_over(self, request, credentials):
        if self.get_failures(request, credentials) >= get_failure_limit(request, credentials):
            request.axes_locked_out = True
            request.axes_credentials = credentials
            user_locked_out.send(
                "axes",
                request=request,
                username=get_client_username(request, credentials),
                ip_address=request.axes_ip_address,
            )

    def user_logged_in(self, sender, request, user, **kwargs):
        self.forget_browser(request)
        return super().user_logged_in(sender, request, user, **kwargs)

    def user_logged_out(self, sender, request, user, **kwargs):
        self.forget_browser(request)
        return super().user_logged_out(sender, request, user, **kwargs)


def locked_out(request, original_response=None, credentials=None):
    """The page a locked-out sign-in gets: 429, in the reader's language, with a retry time."""
    cool_off = get_cool_off(request)
    minutes = int(cool_off.total_seconds() // 60)
    response = render(request, "accounts/locked_out.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response


class CountBeforePasswordBackend:
    """Counts each sign-in attempt before the next backend checks its password.

    Listed after axes' backend (which refuses a client or account already locked) and
    before Django's: a refused attempt never reaches the password check.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        credentials = get_credentials(username=username, password=password, **kwargs)
        AxesProxyHandler.update_request(request)
        if not AxesProxyHandler.get_implementation().claim_attempt(request, credentials):
            raise PermissionDenied
        return None
