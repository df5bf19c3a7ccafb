"""Readership's JSON API under /api/readership/: beacons, likes and the live numbers.

Bodies are JSON sent as text/plain, the type `navigator.sendBeacon(url, string)` uses: a
CORS-safelisted type, so a beacon needs no preflight and survives the page being closed.

Why a forged cross-site request cannot inflate counts meaningfully: any page could make its
visitors' browsers post here (text/plain needs no preflight, and there is no CSRF token to
check, since our pages are the same for every reader). But every count is keyed by the
sender's own hashed client: a reader counts once per article and hour however many
beacons arrive, a like counts once per reader, article and day, and beacons are rate
limited per hashed client. A hostile page therefore adds at most its own visitors as
readers, as linking to the article would. We do not check Origin: mirrors behind
rewriting proxies would see every beacon refused.
"""

import json

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from privacy.limits import too_many
from samizdat.apitypes import MAX_ID

from . import numbers, reading
from .buffers import UNREACHABLE

router = Router(tags=["readership"])

MAX_BODY = 512
BEACON_RATE = "60/m"  # a heartbeat every 15-30 s leaves room for a few open tabs
LIKE_RATE = "20/m"
MAX_LIVE_IDS = 60


class Error(Schema):
    error: str
    code: str


class Accepted(Schema):
    status: str = "accepted"


class LikeResult(Schema):
    article: int
    liked: bool
    likes: int


class ListedArticle(Schema):
    id: int
    title: str
    url: str
    comments: int
    readers: int | None = None
    likes: int | None = None


class LiveNumbers(Schema):
    now_reading: list[ListedArticle]
    most_read: list[ListedArticle]
    most_liked: list[ListedArticle]
    likes: dict[int, int]
    comments: dict[int, int]


TEXT_BODY = {
    "requestBody": {
        "required": True,
        "content": {"text/plain": {"schema": {"type": "string"}}},
    }
}
BEACON_DOC = {
    **TEXT_BODY,
    "description": 'text/plain body: {"article": <page id>, "kind": "view" | "heartbeat"}',
}
LIKE_DOC = {**TEXT_BODY, "description": 'text/plain body: {"article": <page id>, "liked": true}'}


def error(status, message, code):
    return Status(status, {"error": message, "code": code})


def parse(request, field, allowed):
    """The article id and one more field from a small JSON body, or an error response."""
    if len(request.body) > MAX_BODY:
        return None, error(413, _("The request is too large."), "too_large")
    if request.body and request.content_type != "text/plain":
        # What sendBeacon sends; anything else did not come from our pages. (An empty body
        # carries no type at all: it is simply malformed, below.)
        return None, error(415, _("The request could not be read."), "content_type")
    try:
        data = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None, error(400, _("The request could not be read."), "malformed")
    article = data.get("article") if isinstance(data, dict) else None
    value = data.get(field) if isinstance(data, dict) else None
    if type(article) is not int or not 0 < article <= MAX_ID or value not in allowed:
        return None, error(400, _("The request could not be read."), "malformed")
    return (article, value), None


def refusal(request, article, scope, rate):
    """An error response when this beacon or like must not be counted, else None."""
    if too_many(request, scope, rate):
        return error(429, _("Too many requests. Please wait a minute."), "rate_limited")
    if not reading.is_published_article(article):
        # 400, not 404: LocaleMiddleware turns a 404 into a redirect to /<lang>/api/...
        return error(400, _("There is no such article."), "unknown_article")
    return None


@router.post(
    "/beacon",
    response={202: Accepted, 400: Error, 413: Error, 415: Error, 429: Error, 503: Error},
    openapi_extra=BEACON_DOC,
    summary="A reader opened an article, or is still reading it",
)
def beacon(request):
    parsed, failure = parse(request, "kind", {"view", "heartbeat"})
    if failure:
        return failure
    article, kind = parsed
    try:
        refused = refusal(request, article, "readership", BEACON_RATE)
    except UNREACHABLE:
        # The limits cannot be read (a cache set to raise rather than ignore a lost Redis):
        # refused, since an accepted beacon must count.
        return error(503, _("Counting is paused for a moment."), "unavailable")
    if refused:
        return refused
    # Robots get the same answer as readers, so the list of markers is not easy to probe.
    counted = reading.is_bot(request.META.get("HTTP_USER_AGENT")) or reading.record(
        request, article, kind
    )
    if not counted:
        # Redis stopped answering as the beacon went out: it may yet count it or not.
        return error(503, _("Counting is paused for a moment."), "unavailable")
    return Status(202, {})


@router.post(
    "/like",
    response={200: LikeResult, 400: Error, 413: Error, 415: Error, 429: Error, 503: Error},
    openapi_extra=LIKE_DOC,
    summary="Like an article, or take the like back",
)
def like(request):
    parsed, failure = parse(request, "liked", {True, False})
    if failure:
        return failure
    article, liked = parsed
    try:
        refused = refusal(request, article, "readership-like", LIKE_RATE)
        if refused:
            return refused
        if not reading.is_bot(request.META.get("HTTP_USER_AGENT")):
            reading.like(request, article, liked)
            numbers.forget_like_count(article)
        likes = numbers.like_counts([article])[article]
    except UNREACHABLE:
        return error(503, _("Likes are paused for a moment. Please try later."), "unavailable")
    return Status(200, {"article": article, "liked": liked, "likes": likes})


@router.get(
    "/live",
    response={200: LiveNumbers, 400: Error, 503: Error},
    summary="Now reading, Most read, Most liked, and likes and comments of listed articles",
)
def live(request, response: HttpResponse, lang: str = "be", ids: str = ""):
    if lang not in dict(settings.LANGUAGES):
        return error(400, _("Unknown language."), "unknown_language")
    try:
        article_ids = [int(part) for part in ids.split(",") if part][:MAX_LIVE_IDS]
        article_ids = [article for article in article_ids if 0 < article <= MAX_ID]
    except ValueError:
        return error(400, _("The request could not be read."), "malformed")
    result = {
        **numbers.board(lang),
        "likes": numbers.like_counts(article_ids),
        "comments": numbers.comment_counts(article_ids),
    }
    # A CDN may reuse the answer as long as we do; a browser asks again, so a reader who
    # just liked an article does not get their own old number back from the browser cache.
    response["Cache-Control"] = f"public, max-age=0, s-maxage={numbers.LIVE_SECONDS}"
    return Status(200, result)
