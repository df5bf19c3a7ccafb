"""The JSON API under /api/: one NinjaAPI that each capability adds its router to.

django-ninja (already a Wagtail dependency) validates bodies with pydantic and serves the
OpenAPI document at /api/schema/ from the same declarations, so the document cannot drift
from the code.
"""

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError

from samizdat.guard import Refused

api = NinjaAPI(
    title="Samizdat API",
    version="1",
    urls_namespace="api",
    openapi_url="/schema/",
    docs_url=None,  # the interactive docs page would load third-party scripts
)


# Each capability with a JSON API adds its router here.
api.add_router("/comments/", "comments.api.router")
api.add_router("/corrections/", "corrections.api.router")
api.add_router("/readership/", "readership.api.router")


# Ninja's own answers ({"detail": ...}, in English) become ours: the Error shape every
# operation documents, in the reader's language (Accept-Language under /api/).
def error_response(request, status, message, code):
    return api.create_response(request, {"error": message, "code": code}, status=status)


@api.exception_handler(Http404)
def not_found(request, exc):
    return error_response(request, 404, _("There is nothing here."), "not_found")


# A path or query parameter that is not of its documented type answers as a body that is
# not (samizdat.guard): one status for every request we cannot read.
@api.exception_handler(ValidationError)
def invalid(request, exc):
    return error_response(request, 400, _("The request could not be read."), "malformed")


@api.exception_handler(Refused)
def refused(request, exc):
    return api.create_response(request, exc.body(), status=exc.status)


@api.exception_handler(HttpError)
def http_error(request, exc):
    return error_response(request, exc.status_code, _("The request could not be read."), "invalid")
