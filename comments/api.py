"""JSON endpoints for posting and reporting comments from the page's JavaScript.

Size, origin, content type, the body's shape and the article are checked by the one guard
every write endpoint shares (samizdat.guard); what is left here is the comment itself.
"""

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Path, Router, Schema
from ninja import Status as Reply

from newsroom.models import ArticlePage
from samizdat import guard
from samizdat.apitypes import Error, Id

from . import pipeline, postable, services
from .forms import CommentForm, ReportForm
from .models import Comment, Status

router = Router(tags=["comments"])
MAX_BODY = 64 * 1024


class CommentIn(guard.Body):
    article: Id
    name: str = ""
    text: str = ""
    website: str = ""
    token: str = ""


class Posted(Schema):
    status: str
    message: str
    comment_id: int
    html: str
    count: int


class Token(Schema):
    token: str


class ReportIn(guard.Body):
    reason: str


class Reported(Schema):
    message: str


def refuse(status, code, message):
    return Reply(status, {"error": message, "code": code})


def no_such_comment():
    return guard.Refused("unknown_comment", gettext_lazy("There is no such comment."), status=404)


def live_article(article_id):
    return guard.found(postable.live_article(article_id))


def one_row(queryset):
    """The row of a query by id, or None; unlike first(), with no ORDER BY to build."""
    return next(iter(queryset.order_by()[:1]), None)


@router.get("/token", response={200: Token, 400: Error, 404: Error, 503: Error})
def form_token(request, article: Id, response: HttpResponse):
    """A fresh form token, asked for when the reader starts writing."""
    article_page = live_article(article)
    response["Cache-Control"] = "no-store"
    return {"token": pipeline.form_token(article_page)}


@router.post(
    "/",
    response=guard.responses({201: Posted, 409: Error, 429: Error, 503: Error}),
    openapi_extra=guard.documented(
        CommentIn,
        max_body=MAX_BODY,
        notes={400: "`invalid`: the name or text is not acceptable (the message says why)."},
    ),
)
def post(request):
    """Post a comment; it is published, held for review, or refused with a reason."""
    payload = guard.admit(request, CommentIn, max_body=MAX_BODY)
    article = live_article(payload.article)
    with translation.override(article.locale.language_code):
        form = CommentForm(payload.model_dump())
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
    count = getattr(comment, "counted", None)  # set by services.store when it counted it
    if count is None:
        count = one_row(
            ArticlePage.objects.filter(pk=comment.article_id).values_list(
                "comment_count", flat=True
            )
        )
    return {
        "status": "published" if published else "pending",
        "message": message,
        "comment_id": comment.pk,
        "html": html,
        "count": count or 0,
    }


@router.post(
    "/{comment_id}/report",
    response=guard.responses({202: Reported, 429: Error, 503: Error}),
    openapi_extra=guard.documented(
        ReportIn,
        max_body=MAX_BODY,
        notes={400: "`invalid`: the reason is not one of the listed ones."},
        missing="`unknown_comment`: no published comment has this id.",
    ),
)
def report(request, comment_id: Path[Id]):
    """Report a published comment to the moderators, once per reader."""
    payload = guard.admit(request, ReportIn, max_body=MAX_BODY)
    comment = Comment.objects.select_related("article__locale").filter(
        pk=comment_id, status=Status.PUBLISHED, article__live=True
    )
    comment = guard.found(comment.first(), no_such_comment)
    with translation.override(comment.article.locale.language_code):
        form = ReportForm({"reason": payload.reason})
        if not form.is_valid():
            return refuse(400, "invalid", _("Please choose a reason."))
        refused = services.report_comment(request, comment, form.cleaned_data["reason"])
        if refused:
            return refuse(refused.status, refused.code, str(refused.message))
        return Reply(202, {"message": _("Thank you. Moderators will look at this comment.")})
