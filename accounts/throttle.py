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
from axes.helpers import get_cool_off
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

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        self.forget_browser(request)
        return super().user_login_failed(sender, credentials, request, **kwargs)

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
