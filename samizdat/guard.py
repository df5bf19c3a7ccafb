"""The one guard in front of every write endpoint of the JSON API.

Comments, reports, typo reports, beacons and likes all take a small body from a page that
is served out of a full-page cache: the same HTML for every reader, so no per-reader CSRF
token and no cookie. What protects them, in this order, is checked here and nowhere else:

1. size: a body over the endpoint's limit is refused before it is read (413);
2. origin: the browser says the request comes from one of our own pages (403). Browsers
   send Origin on every POST; without a usable one (absent, or "null"), Referer, and
   failing that Sec-Fetch-Site, must say the same. Our pages are served under many host
   names (mirrors, CDN names, the onion address, rewriting proxies), so the host the
   request reached and every host name we answer to by its exact name count as ours;
3. content type: the type the endpoint reads (415). application/json cannot be sent from
   another site without a CORS preflight, which we never grant;
4. body: JSON of the documented shape (400): readable UTF-8, not nested deeper than the
   parser allows, no lone surrogate, no NUL character (PostgreSQL cannot store one), the
   documented types, ids within a 64-bit integer;
5. target: the article (or comment) named must be published (404), asked by the endpoint
   once it has the id, through `found`.

An attacker's own script can forge all of these headers, but it then posts as itself,
from its own address, and meets the rate limits like any other client: abuse, not forgery.

Each failure has one status, one code and one message in the reader's language; the
OpenAPI document lists them for every write endpoint (`responses`).
"""

import re
from urllib.parse import urlsplit

from django.conf import settings
from django.http.request import split_domain_port
from django.utils.translation import gettext_lazy as _
from ninja import Status as Reply
from pydantic import BaseModel, ConfigDict
from pydantic import ValidationError as PydanticError

from samizdat.apitypes import Error

JSON = "application/json"
# What navigator.sendBeacon sends for a string: CORS-safelisted, so no preflight.
TEXT = "text/plain"
# JSON can carry a NUL only as the escape \u0000 (a raw one is invalid there): a backslash
# that is not itself escaped, then u0000. Refused in any field, read or not.
NUL_ESCAPE = re.compile(rb"(?<!\\)(?:\\\\)*\\u0000")


class Refused(Exception):
    """A request we will not act on; code is for machines, message for the reader."""

    def __init__(self, code, message, status=400):
        super().__init__(code)
        self.code, self.message, self.status = code, message, status

    def body(self):
        """The JSON answer's body, its message in the language active now."""
        return {"error": str(self.message), "code": self.code}

    def reply(self):
        return Reply(self.status, self.body())


class Body(BaseModel):
    """A write endpoint's body: JSON types as documented, no coercion ("12" is no id).

    A plain pydantic model, not ninja's Schema: bodies are only parsed and documented, and
    Schema's hooks for reading Django objects cost a beacon 24 µs of its ~30 to parse.
    """

    model_config = ConfigDict(strict=True)


def too_large():
    return Refused("too_large", _("The request is too large."), status=413)


def not_ours():
    return Refused("origin", _("Please send this from our page."), status=403)


def wrong_type():
    return Refused("content_type", _("The request is not in the expected format."), status=415)


def malformed():
    return Refused("malformed", _("The request could not be read."))


def no_such_article():
    return Refused("unknown_article", _("There is no such article."), status=404)


def admit(request, schema, *, max_body, content_type=JSON):
    """The request's body as `schema`, after every check that needs no database."""
    check_size(request, max_body)
    if not from_our_pages(request):
        raise not_ours()
    # An empty body has no type to check (clients send none with it): it is malformed.
    if request.body and request.content_type != content_type:
        raise wrong_type()
    return read(request.body, schema)


def found(thing, refusal=no_such_article):
    """`thing`, or the 404 refusal when the request named nothing we publish."""
    if thing is None:
        raise refusal()
    return thing


def check_size(request, max_body):
    declared = request.META.get("CONTENT_LENGTH") or "0"
    if not declared.isdigit() or int(declared) > max_body or len(request.body) > max_body:
        raise too_large()


def read(raw, schema):
    """Parse with pydantic's own JSON parser: it refuses invalid UTF-8, lone surrogates and
    deep nesting with an error of its own, where json.loads would give a RecursionError or
    a string PostgreSQL cannot store."""
    if NUL_ESCAPE.search(raw):
        raise malformed()
    try:
        return schema.model_validate_json(raw)
    except PydanticError:
        raise malformed() from None


def from_our_pages(request):
    """Whether the browser says this request was sent by one of our own pages."""
    origin = request.META.get("HTTP_ORIGIN")
    if origin and origin != "null":
        return is_ours(origin, request)
    referer = request.META.get("HTTP_REFERER")
    if referer:
        return is_ours(referer, request)
    return request.META.get("HTTP_SEC_FETCH_SITE") == "same-origin"


def is_ours(url, request):
    try:
        netloc = urlsplit(url).netloc.lower()
    except ValueError:
        return False
    if not netloc:
        return False
    if netloc == host_of(request).lower():
        return True
    # A mirror behind a rewriting proxy reaches us under the main host name while the
    # browser names the mirror. Only exact names count: a pattern such as ".example.org"
    # (or "*") may cover hosts that are not ours.
    host, _port = split_domain_port(netloc)
    return bool(host) and host in exact_host_names()


def host_of(request):
    """request.get_host(), worked out once a request: checking it against ALLOWED_HOSTS is
    a good part of a beacon's own work, and a beacon asks for it up to three times."""
    try:
        return request.samizdat_host
    except AttributeError:
        request.samizdat_host = request.get_host()  # raises DisallowedHost, keeps nothing
        return request.samizdat_host


def exact_host_names():
    # Iterating ALLOWED_HOSTS also yields the names editors configured (mirrors/allowed.py).
    return {name.lower() for name in settings.ALLOWED_HOSTS if name != "*" and name[:1] != "."}


DESCRIPTIONS = {
    400: "`malformed`: the body is not JSON of the documented shape: not UTF-8, not JSON, "
    "nested too deep, a lone surrogate or a NUL character in a string, a wrong type, a "
    "missing field, or an id that is not a positive 64-bit integer.",
    403: "`origin`: not sent from one of our pages: Origin (or, without one, Referer) names "
    "a host that is not ours, or the request carries neither nor Sec-Fetch-Site: same-origin.",
    404: "{missing}",
    413: "`too_large`: the body is larger than {max_body} bytes.",
    415: "`content_type`: the body is not sent as {content_type}.",
}


def responses(own):
    """The refusals every write endpoint documents, plus its own {status: schema}."""
    return {**dict.fromkeys(DESCRIPTIONS, Error), **own}


UNKNOWN_ARTICLE = "`unknown_article`: no published article has this id."


def documented(
    schema, *, max_body, content_type=JSON, description="", notes=None, missing=UNKNOWN_ARTICLE
):
    """openapi_extra for a write endpoint: its body (parsed after the guard, not by ninja,
    so that size, origin and type are refused before anything reads it) and the meaning of
    each refusal. `notes` adds the endpoint's own codes to a status's description."""
    body_schema = schema.model_json_schema() if content_type == JSON else {"type": "string"}
    extra = {"requestBody": {"required": True, "content": {content_type: {"schema": body_schema}}}}
    if description:
        extra["description"] = description
    answers = {}
    for status, text in DESCRIPTIONS.items():
        text = text.format(max_body=max_body, content_type=content_type, missing=missing)
        if notes and status in notes:
            text = f"{text} {notes[status]}"
        answers[status] = {"description": text}
    for status, text in (notes or {}).items():
        answers.setdefault(status, {"description": text})
    extra["responses"] = answers
    return extra
