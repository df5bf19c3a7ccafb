"""JSON endpoints for posting and reporting comments from the page's JavaScript."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Path, Router, Schema
from ninja import Status as Reply
from pydantic import ValidationError as PydanticError

from newsroom.models import ArticlePage
from samizdat.apitypes import Id

from . import pipeline, services
from .forms import CommentForm, ReportForm
from .models import Comment, Status
from .security import is_json, is_same_origin

router = Router(tags=["comments"])
MAX_BODY = 64 * 1024


class CommentIn(Schema):
    article: Id
    name: str = ""
    text: str = ""
    website: str = ""
    token: str = ""


class Error(Schema):
    error: str
    code: str


class Posted(Schema):
    status: str
    message: str
    comment_id: int
    html: str
    count: int


class Token(Schema):
    token: str


class ReportIn(Schema):
    reason: str


class Reported(Schema):
    message: str


def refuse(status, code, message):
    return Reply(status, {"error": message, "code": code})


def guard(request):
    """Size, content type and origin checks shared by the write endpoints (security.py)."""
    if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_BODY:
        return refuse(413, "too_large", _("The request is too large."))
    if not is_json(request):
        return refuse(415, "content_type", _("Please send this from our page."))
    if not is_same_origin(request):
        return refuse(403, "forbidden", _("Please send this from our page."))
    return None


def parse(request, schema):
    """The JSON body as a schema, or None when it cannot be read as one."""
    try:
        return schema.model_validate_json(request.body)
    except PydanticError:
        return None


def json_body(schema):
    """The request body's documentation: the body is parsed after the guard, not by ninja,
    so that size, content type and origin are refused before anything reads it."""
    content = {"application/json": {"schema": schema.model_json_schema()}}
    return {"requestBody": {"required": True, "content": content}}


ERRORS = {
    400: Error,
    403: Error,
    404: Error,
    413: Error,
    415: Error,
    422: Error,
    503: Error,
}


def live_article(article_id):
    return get_object_or_404(
        ArticlePage.objects.published().select_related("locale"), pk=article_id
    )


@router.get("/token", response={200: Token, 404: Error, 422: Error, 503: Error})
def form_token(request, article: Id, response: HttpResponse):
    """A fresh form token, asked for when the reader starts writing."""
    article_page = live_article(article)
    response["Cache-Control"] = "no-store"
    return {"token": pipeline.form_token(article_page)}


@router.post(
    "/",
    response={201: Posted, 409: Error, 429: Error, **ERRORS},
    openapi_extra=json_body(CommentIn),
)
def post(request):
    """Post a comment; it is published, held for review, or refused with a reason."""
    refusal = guard(request)
    if refusal:
        return refusal
    payload = parse(request, CommentIn)
    if payload is None:
        return refuse(400, "malformed", _("The request could not be read."))
    article = live_article(payload.article)
    with translation.override(article.locale.language_code):
        form = CommentForm(payload.dict())
        if not form.is_valid():
            message = " ".join(error for errors in form.errors.values() for error in errors)
            return refuse(400, "invalid", message)
        outcome = services.post_comment(request, article, form.cleaned_data)
        if isinstance(outcome, pipeline.Refusal):
            return refuse(outcome.status, outcome.code, str(outcome.message))
        return Reply(201, posted(outcome))


def posted(comment):
    published = comment.status == Status.PUBLISHED
    message = (
        _("Thank you! Your comment is published.")
        if published
        else _("Thank you! Your comment will appear after review.")
    )
    html = render_to_string("comments/comment.html", {"comment": comment}) if published else ""
    count = ArticlePage.objects.filter(pk=comment.article_id).values_list(
        "comment_count", flat=True
    )
    return {
        "status": "published" if published else "pending",
        "message": message,
        "comment_id": comment.pk,
        "html": html,
        "count": count.first() or 0,
    }


@router.post(
    "/{comment_id}/report",
    response={202: Reported, 429: Error, **ERRORS},
    openapi_extra=json_body(ReportIn),
)
def report(request, comment_id: Path[Id]):
    """Report a published comment to the moderators, once per reader."""
    refusal = guard(request)
    if refusal:
        return refusal
    payload = parse(request, ReportIn)
    if payload is None:
        return refuse(400, "malformed", _("The request could not be read."))
    comment = get_object_or_404(
        Comment.objects.select_related("article__locale"), pk=comment_id, status=Status.PUBLISHED
    )
    with translation.override(comment.article.locale.language_code):
        form = ReportForm({"reason": payload.reason})
        if not form.is_valid():
            return refuse(400, "invalid", _("Please choose a reason."))
        refused = services.report_comment(request, comment, form.cleaned_data["reason"])
        if refused:
            return refuse(refused.status, refused.code, str(refused.message))
        return Reply(202, {"message": _("Thank you. Moderators will look at this comment.")})
