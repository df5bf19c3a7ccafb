"""The leaving beacon's short path: answered below the guards, above the session and the router.

Every page a reader leaves sends one beacon, and a profile of one through the whole stack
showed most of its time in what a beacon never uses: the session, sign-in, two factor, the
locale's redirects, messages, axes, URL resolving and ninja's own parsing and rendering. So
this middleware sits right below the ones that protect every request (size, the shield's
concurrency bound, the database-down answer) and answers POST /api/readership/leave itself,
with the very code the API runs (readership.api.leave_answer): the guard (size of 512 bytes,
origin, content type, body), the per-client hashed rate limit, the published article,
robots and the page's token. Whatever it does not answer goes on down the stack.

BeaconsFirst goes one step further at the app server (samizdat.wsgi): it hands a leaving
beacon straight to the guards and this middleware, composed once, without Django's handler,
its signals, or the middleware that never acts on a beacon (the page cache, static files,
Onion-Location). The guards are the very middleware classes of settings.MIDDLEWARE above
this one, in their order, so a guard added there guards beacons too.
"""

from django.conf import settings
from django.core.handlers.exception import convert_exception_to_response
from django.core.handlers.wsgi import WSGIRequest
from django.db import InterfaceError, OperationalError
from django.http import JsonResponse
from django.utils import translation
from django.utils.module_loading import import_string

from samizdat import guard
from samizdat.connections import release_connections
from samizdat.middleware import DatabaseUnavailableMiddleware

from . import api

PATH = "/api/readership/leave"
JSON = "application/json; charset=utf-8"
SHORT_PATH = f"{__name__}.LeavingBeaconMiddleware"
# Above the short path, yet nothing a leaving beacon needs: the page cache and WhiteNoise
# answer GETs only, Onion-Location marks pages, and the short path answers a database
# error itself (DatabaseUnavailableMiddleware's answer, through the same class).
NOT_FOR_BEACONS = {
    "samizdat.pagecache.PageCacheMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "mirrors.middleware.OnionLocationMiddleware",
    "samizdat.middleware.DatabaseUnavailableMiddleware",
}


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


class BeaconsFirst:
    """WSGI wrapper answering leaving beacons through the guards and the short path alone.

    Anything else, and every beacon when the short path is not in settings.MIDDLEWARE, goes
    on to Django's handler.
    """

    def __init__(self, application):
        self.application = application
        self.guarded = guarded_short_path()

    def __call__(self, environ, start_response):
        if (
            self.guarded is None
            or environ.get("REQUEST_METHOD") != "POST"
            or environ.get("PATH_INFO") != PATH
        ):
            return self.application(environ, start_response)
        try:
            response = self.guarded(WSGIRequest(environ))
        finally:
            # No request_finished is sent here: a beacon that read from the database
            # (which articles are published) gives its connection back all the same.
            release_connections()
        start_response(f"{response.status_code} {response.reason_phrase}", [*response.items()])
        return [response.content]


def guarded_short_path():
    """The middleware above the short path that acts on a beacon, and the short path, as
    one callable; None when the short path is not in the stack."""
    if SHORT_PATH not in settings.MIDDLEWARE:
        return None
    above = settings.MIDDLEWARE[: settings.MIDDLEWARE.index(SHORT_PATH)]
    handler = convert_exception_to_response(LeavingBeaconMiddleware(not_a_beacon))
    for name in reversed([name for name in above if name not in NOT_FOR_BEACONS]):
        # Wrapped as Django's handler wraps each: an error becomes its 500 answer.
        handler = convert_exception_to_response(import_string(name)(handler))
    return handler


def not_a_beacon(request):
    raise AssertionError("BeaconsFirst passes on only what the short path answers")
