"""POST /api/corrections/reports: a reader's typo report, sent from a cached article page.

Cross-site posting: the page is cached and identical for every reader, so it carries no CSRF
token and readers get no cookie. Instead we accept only `application/json` bodies: a form on
another site cannot send that content type without a CORS preflight, and we answer no
preflight, so a foreign page can only reach us with a script the browser first asks us
about. We also refuse a request whose Origin header (sent by browsers on every cross-origin
POST) names another host than the one it was sent to. Together these stop another site from
filing reports in a reader's name without a per-reader token.
"""

import json
from urllib.parse import urlsplit

from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from pydantic import ValidationError

from newsroom.models import ArticlePage
from privacy.clients import client_hash
from privacy.limits import too_many
from samizdat.apitypes import Id

from .reports import Refused, file_report

router = Router(tags=["corrections"])

# Generous for the longest valid report in Cyrillic with every character JSON-escaped.
MAX_BODY = 16 * 1024
# A reader finds a few typos in a sitting; a flood is cut off well before it matters.
RATES = ["6/m", "60/d"]


class ReportIn(Schema):
    fragment: str
    context_before: str = ""
    context_after: str = ""
    remark: str = ""
    page_id: Id


class ReportOut(Schema):
    message: str


class ErrorOut(Schema):
    error: str
    code: str


@router.post(
    "/reports",
    response={201: ReportOut, frozenset({400, 403, 413, 415, 422, 429, 503}): ErrorOut},
    summary="Report a typo in an article",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": ReportIn.model_json_schema()}},
        }
    },
)
def report_typo(request):
    """Store a reader's typo report for the editors' queue."""
    try:
        article, payload = accept(request)
    except Refused as refusal:
        return refused(refusal)
    # The reader reads the article in its language; answer in it whatever the browser says.
    with translation.override(article.locale.language_code):
        try:
            file_report(
                article,
                client_hash(request, "corrections"),
                payload.fragment,
                payload.context_before,
                payload.context_after,
                payload.remark,
            )
        except Refused as refusal:
            return refused(refusal)
        return Status(201, {"message": _("Thank you! The editors will take a look.")})


def refused(refusal):
    return Status(refusal.status, {"error": str(refusal.message), "code": refusal.code})


def accept(request):
    """The article and the parsed body, after the checks that need no database."""
    declared = request.META.get("CONTENT_LENGTH") or "0"
    if not declared.isdigit() or int(declared) > MAX_BODY or len(request.body) > MAX_BODY:
        raise Refused("too_large", _("The report is too large."), status=413)
    if request.content_type != "application/json":
        raise Refused("content_type", _("Reports are sent as JSON."), status=415)
    if not same_origin(request):
        raise Refused("origin", _("Reports are accepted only from our own pages."), status=403)
    if any(too_many(request, "corrections", rate) for rate in RATES):
        raise Refused(
            "too_many", _("Too many reports at once. Please try again later."), status=429
        )
    try:
        payload = ReportIn.model_validate(json.loads(request.body))
    except (ValueError, ValidationError):
        # json.JSONDecodeError and UnicodeDecodeError are both ValueErrors.
        raise Refused("malformed", _("The report could not be read.")) from None
    article = ArticlePage.objects.published().filter(pk=payload.page_id).first()
    if article is None:
        # Not 404: LocaleMiddleware turns a 404 under /api/ into a redirect to /<lang>/api/.
        raise Refused("unknown_page", _("This article is not published."), status=422)
    return article, payload


def same_origin(request):
    """True without an Origin header, or when it names the host the request was sent to."""
    origin = request.headers.get("Origin")
    if origin is None:
        return True
    return urlsplit(origin).netloc.lower() == request.get_host().lower()
