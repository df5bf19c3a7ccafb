"""Why a request was turned away, and the friendly page or JSON that says so."""

import time

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _


class Refused(Exception):
    """A request we will not serve now; the reader may try again after retry_after seconds."""

    status = 503
    kind = "busy"
    lasting = False  # whether the same request would be refused again at once

    def __init__(self, retry_after=5):
        super().__init__(retry_after)
        self.retry_after = max(1, int(retry_after))


class Busy(Refused):
    """Too many requests of this kind at once across the site (or a query ran too long)."""


class TooOften(Refused):
    """This client has gone over its rate for the path."""

    status = 429
    kind = "too_often"


def message(kind, topic):
    """The reader's sentence for a refusal of this kind on this topic (search or other)."""
    if kind == "too_often":
        if topic == "search":
            return _("You are searching too often. Please try again in a moment.")
        return _("Too many requests from you. Please try again in a moment.")
    if topic == "search":
        return _("Search is busy right now. Please try again in a moment.")
    return _("The site is busy right now. Please try again in a moment.")


def refusal_response(request, refusal, topic="site"):
    """The friendly page (or JSON under /api/) for a refusal, with Retry-After."""
    language = getattr(request, "LANGUAGE_CODE", None) or (
        translation.get_language_from_request(request, check_path=True)
    )
    with translation.override(language):
        text = message(refusal.kind, topic)
        if request.path.startswith("/api/"):
            response = JsonResponse({"error": text, "code": refusal.kind}, status=refusal.status)
        else:
            context = {"message": text, "language": language, "retry_after": refusal.retry_after}
            response = render(request, "shield/busy.html", context, status=refusal.status)
    response["Retry-After"] = str(refusal.retry_after)
    # Never kept by a CDN or the page cache: the next try may well succeed.
    response["Cache-Control"] = "no-store"
    # Django logs every 4xx/5xx; a flood we turned away must not become a flood of log lines.
    response._has_been_logged = True
    hold(settings.SHIELD_REFUSAL_DELAY)
    return response


def hold(seconds):
    """Keep a refused request waiting (see SHIELD_REFUSAL_DELAY): floods slow themselves."""
    if seconds > 0:
        time.sleep(seconds)
