"""The leaving beacon's short path: answered below the guards, above the session and the router.

Every page a reader leaves sends one beacon, and a profile of one through the whole stack
showed most of its time in what a beacon never uses: the session, sign-in, two factor, the
locale's redirects, messages, axes, URL resolving and ninja's own parsing and rendering. So
this middleware sits right below the ones that protect every request (size, the shield's
concurrency bound, the database-down answer) and answers POST /api/readership/leave itself,
with the very code the API runs (readership.api.leave_answer): the guard (size of 512 bytes,
origin, content type, body), the per-client hashed rate limit, the published article,
robots and the page's token. Whatever it does not answer goes on down the stack.
"""

from django.db import InterfaceError, OperationalError
from django.http import JsonResponse
from django.utils import translation

from samizdat import guard
from samizdat.middleware import DatabaseUnavailableMiddleware

from . import api

PATH = "/api/readership/leave"
JSON = "application/json; charset=utf-8"


class LeavingBeaconMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.database_down = DatabaseUnavailableMiddleware(get_response)

    def __call__(self, request):
        if request.path_info != PATH or request.method != "POST":
            return self.get_response(request)
        # Refusals speak the reader's language, as the locale middleware below would pick it.
        with translation.override(translation.get_language_from_request(request)):
            try:
                status, body = answer(request)
            except (OperationalError, InterfaceError) as error:
                return self.database_down.process_exception(request, error)
            # The type ninja's answers carry, so a client sees one API.
            return JsonResponse(body, status=status, content_type=JSON)


def answer(request):
    try:
        return api.leave_answer(request)
    except guard.Refused as refused:
        return refused.status, refused.body()
