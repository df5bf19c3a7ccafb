"""Bounded concurrency for write paths a cache cannot answer, chosen by path prefix.

SHIELD_BOUNDS in settings lists them (comment posting, beacons, typo reports, admin login):
over its bound, a request is refused at once with a friendly 503 and Retry-After, before
sessions, auth or the view run, so nothing is half-written and a flood queues nothing.
"""

from django.conf import settings

from .concurrency import slot
from .refusals import Refused, refusal_response


class ShieldMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.bounds = [
            {**bound, "prefixes": tuple(bound["prefixes"]), "methods": set(bound["methods"])}
            for bound in settings.SHIELD_BOUNDS
        ]
        self.methods = {method for bound in self.bounds for method in bound["methods"]}

    def __call__(self, request):
        # Readers' GETs (the cached pages) leave after one set lookup.
        if request.method not in self.methods:
            return self.get_response(request)
        bound = self.bound_for(request)
        if bound is None:
            return self.get_response(request)
        try:
            with slot(bound["name"], bound["limit"], bound["shared"]):
                return self.get_response(request)
        except Refused as refusal:
            return refusal_response(request, refusal)

    def bound_for(self, request):
        for bound in self.bounds:
            if request.method in bound["methods"] and request.path.startswith(bound["prefixes"]):
                return bound
        return None
