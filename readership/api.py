"""Readership's JSON API under /api/readership/: beacons, likes and the live numbers.

Bodies are JSON sent as text/plain, the type `navigator.sendBeacon(url, string)` uses: a
CORS-safelisted type, so a beacon needs no preflight and survives the page being closed.

Size, origin, content type, the body's shape and the article are checked by the one guard
every write endpoint shares (samizdat.guard). text/plain needs no preflight, so Origin is
what stops another site from making its visitors' browsers like, unlike or count for it;
browsers send Origin on a beacon too, and every host name we answer to counts as ours, so
mirrors keep counting. Every count is also keyed by the sender's own hashed client: a
reader counts once per article and hour however many beacons arrive, a like counts once
per reader, article and day, and beacons are rate limited per hashed client.
"""

import logging
from typing import Literal

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from pydantic import Field

from privacy import limits
from privacy.limits import too_many
from samizdat import caching, guard
from samizdat.apitypes import MAX_ID, Error, Id

from . import clock, engagement, numbers, reading
from .buffers import UNREACHABLE, RedisBuffer

router = Router(tags=["readership"])
logger = logging.getLogger(__name__)

MAX_BODY = 512
BEACON_RATE = "60/m"  # a heartbeat every 15-30 s leaves room for a few open tabs
LIKE_RATE = "20/m"
LEAVE_RATE = "60/m"  # one per page left; room for a reader going through a few articles
MAX_LIVE_IDS = 60


class BeaconIn(guard.Body):
    article: Id
    kind: Literal["view", "heartbeat"]
    # The page's beacon token and where the reader came from (a host name): analytics
    # counts a view only with the token (readership.engagement).
    token: str | None = Field(default=None, max_length=64)
    referrer: str | None = Field(default=None, max_length=2048)


class LeaveIn(guard.Body):
    article: Id
    token: str = Field(max_length=64)
    seconds: int = Field(ge=0, le=7 * 24 * 3600)
    scroll: Literal[0, 25, 50, 75, 100]
    referrer: str | None = Field(default=None, max_length=2048)


class LikeIn(guard.Body):
    article: Id
    liked: bool


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


BEACON_DOC = guard.documented(
    BeaconIn,
    max_body=MAX_BODY,
    content_type=guard.TEXT,
    description='text/plain body: {"article": <page id>, "kind": "view" | "heartbeat"}',
)
LEAVE_DOC = guard.documented(
    LeaveIn,
    max_body=MAX_BODY,
    content_type=guard.TEXT,
    description='text/plain body: {"article": <page id>, "token": "<the page\'s beacon token>", '
    '"seconds": <engaged seconds>, "scroll": 0 | 25 | 50 | 75 | 100, "referrer": "<host name>"}. '
    "Seconds are capped at 600 and counted in 5-second steps; a referrer is reduced to its "
    "domain. Without the page's token, or from a known robot, it is answered 202 and not counted.",
)
LIKE_DOC = guard.documented(
    LikeIn,
    max_body=MAX_BODY,
    content_type=guard.TEXT,
    description='text/plain body: {"article": <page id>, "liked": true | false}',
)


# What ninja renders for a 202 through the Accepted schema; the short path answers the same.
ACCEPTED = {"status": "accepted"}


def error(status, message, code):
    return Status(status, {"error": message, "code": code})


def unavailable():
    return {"error": _("Counting is paused for a moment."), "code": "unavailable"}


def admit(request, schema):
    return guard.admit(request, schema, max_body=MAX_BODY, content_type=guard.TEXT)


def rate_limited():
    return {"error": _("Too many requests. Please wait a minute."), "code": "rate_limited"}


def refusal(request, article, scope, rate):
    """An error response when this beacon or like must not be counted, else None."""
    if too_many(request, scope, rate):
        return Status(429, rate_limited())
    if not reading.is_published_article(article):
        return guard.no_such_article().reply()
    return None


@router.post(
    "/beacon",
    response=guard.responses({202: Accepted, 429: Error, 503: Error}),
    openapi_extra=BEACON_DOC,
    summary="A reader opened an article, or is still reading it",
)
def beacon(request):
    payload = admit(request, BeaconIn)
    article, kind = payload.article, payload.kind
    try:
        refused = refusal(request, article, "readership", BEACON_RATE)
    except UNREACHABLE:
        # The limits cannot be read (a cache set to raise rather than ignore a lost Redis):
        # refused, since an accepted beacon must count.
        return error(503, _("Counting is paused for a moment."), "unavailable")
    if refused:
        return refused
    # Robots get the same answer as readers, so the list of markers is not easy to probe.
    if reading.is_bot(request.META.get("HTTP_USER_AGENT")):
        return Status(202, {})
    counted = reading.record(request, article, kind)
    if counted and kind == "view" and engagement.token_is_valid(article, payload.token):
        host = engagement.serving_host(request)
        referrer = engagement.referrer_domain(payload.referrer, request)
        counted = reading.record_engagement(engagement.view_counts(article, host, referrer))
    if not counted:
        # Redis stopped answering as the beacon went out: it may yet count it or not.
        return error(503, _("Counting is paused for a moment."), "unavailable")
    return Status(202, {})


@router.post(
    "/leave",
    response=guard.responses({202: Accepted, 429: Error, 503: Error}),
    openapi_extra=LEAVE_DOC,
    summary="A reader left or hid an article: engaged seconds and the deepest scroll reached",
)
def leave(request):
    return Status(*leave_answer(request))


def leave_answer(request):
    """(status, body) for a leaving beacon; guard.Refused for what the guard refuses.

    Shared by the API and the short path in front of most middleware (readership.shortpath).
    """
    payload = admit(request, LeaveIn)
    answer = leave_in_one_trip(request, payload)
    if answer is not None:
        return answer
    article = payload.article
    try:
        refused = refusal(request, article, "readership-leave", LEAVE_RATE)
    except UNREACHABLE:
        return 503, unavailable()
    if refused:
        return refused.status_code, refused.value
    counts = leave_counts(request, payload)
    if counts and not reading.record_engagement(counts):
        return 503, unavailable()
    return 202, ACCEPTED


def leave_counts(request, payload):
    """What the beacon adds; nothing for robots and senders without the page's token (they
    get the same answer)."""
    if reading.is_bot(request.META.get("HTTP_USER_AGENT")) or not engagement.token_is_valid(
        payload.article, payload.token
    ):
        return {}
    return engagement.leave_counts(
        payload.article,
        engagement.serving_host(request),
        engagement.referrer_domain(payload.referrer, request),
        payload.seconds,
        payload.scroll,
    )


def leave_in_one_trip(request, payload):
    """The answer from one Redis round trip (the limit counted, then the counters added),
    when this process knows whether the article is published; else None, and the steps
    above go one by one: the limit before the article is looked up, as for every beacon.

    Same answers as those steps: over the limit 429 (nothing added), then 404 for an
    article not published, then 202, counted or not.
    """
    published = reading.known_published(payload.article)
    if published is None or not settings.REDIS_URL:
        return None
    limit = limits.counter(request, "readership-leave", LEAVE_RATE)
    if limit is None:
        return None
    counts = leave_counts(request, payload) if published else {}
    try:
        within = RedisBuffer().record_engagement_within(limit, clock.now(), counts)
    except UNREACHABLE as error:
        if reading.never_reached_redis(error):
            return None  # nothing was counted: the steps above fail open or use the database
        logger.warning("Readership buffer stopped answering; an engagement beacon may be lost")
        return 503, unavailable()
    if not within:
        return 429, rate_limited()
    if not published:
        return guard.no_such_article().status, guard.no_such_article().body()
    return 202, ACCEPTED


@router.post(
    "/like",
    response=guard.responses({200: LikeResult, 429: Error, 503: Error}),
    openapi_extra=LIKE_DOC,
    summary="Like an article, or take the like back",
)
def like(request):
    payload = admit(request, LikeIn)
    article, liked = payload.article, payload.liked
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
    response["Cache-Control"] = f"public, max-age=0, s-maxage={caching.LIVE_NUMBERS.seconds}"
    return Status(200, result)
