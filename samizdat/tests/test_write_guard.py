"""Every hostile request, sent to every write endpoint, gets the one documented refusal.

The JSON API's write endpoints share one guard (samizdat.guard). Each case below is sent
to each endpoint; each answer must be the status and code the OpenAPI document lists for
that failure, a message in the reader's language, and nothing stored: no comment, report
or typo report, and no view, like or reader in the readership buffer (the database's
tables, or Redis when REDIS_URL is set).
"""

import json
from dataclasses import dataclass, field

import pytest
from django.utils import timezone, translation

from comments.models import Comment, CommentReport, Status
from corrections.models import TypoReport
from mirrors import hosts
from newsroom.models import ArticlePage
from readership.buffers import current_buffer
from samizdat import guard
from testing.comments import old_token, policy_without_waiting
from testing.factories import make_article
from testing.readership import READER_AGENT

pytestmark = pytest.mark.django_db

OURS = "http://testserver"
NO_SUCH_ID = 987_654_321


@dataclass
class Endpoint:
    path: str
    content_type: str
    max_body: int
    # A body our own page would send: world -> fields.
    fields: object
    # The string field a hostile character goes into (like has none: an unread one).
    text: str
    # Where the id of what is written to is: a body field, or "path" (comment reports).
    target: str


ENDPOINTS = {
    "comment": Endpoint(
        "/api/comments/",
        guard.JSON,
        64 * 1024,
        lambda world: {
            "article": world["article"].pk,
            "name": "Чытач",
            "text": "Добры тэкст",
            "token": old_token(world["article"]),
        },
        text="text",
        target="article",
    ),
    "comment_report": Endpoint(
        "/api/comments/{id}/report",
        guard.JSON,
        64 * 1024,
        lambda world: {"reason": "spam"},
        text="reason",
        target="path",
    ),
    "typo_report": Endpoint(
        "/api/corrections/reports",
        guard.JSON,
        16 * 1024,
        lambda world: {"fragment": "праверкі", "remark": "Літарой", "page_id": world["article"].pk},
        text="remark",
        target="page_id",
    ),
    "beacon": Endpoint(
        "/api/readership/beacon",
        guard.TEXT,
        512,
        lambda world: {"article": world["article"].pk, "kind": "view"},
        text="kind",
        target="article",
    ),
    "like": Endpoint(
        "/api/readership/like",
        guard.TEXT,
        512,
        lambda world: {"article": world["article"].pk, "liked": True},
        text="note",
        target="article",
    ),
}


@dataclass
class Sent:
    """One request, as a case leaves it before it goes out."""

    endpoint: Endpoint
    world: dict
    body: object = None
    content_type: str = ""
    headers: dict = field(default_factory=dict)
    target_id: object = None

    def __post_init__(self):
        self.body = self.endpoint.fields(self.world)
        self.content_type = self.endpoint.content_type
        self.headers = {"origin": OURS, "user-agent": READER_AGENT}
        self.target_id = self.world["comment"].pk

    def aim(self, target_id):
        """Name another article (or comment) than the real one."""
        if self.endpoint.target == "path":
            self.target_id = target_id
        else:
            self.body[self.endpoint.target] = target_id

    def send(self, client, language):
        path = self.endpoint.path.format(id=self.target_id)
        data = self.body if isinstance(self.body, str | bytes) else json.dumps(self.body)
        headers = {**self.headers, "accept-language": language}
        return client.post(path, data, content_type=self.content_type, headers=headers)


def without_origin(sent):
    del sent.headers["origin"]


def foreign_origin(sent):
    sent.headers["origin"] = "https://evil.example"


def null_origin(sent):
    sent.headers["origin"] = "null"


def foreign_origin_naming_us_in_referer(sent):
    # Origin wins: a Referer cannot vouch for a request whose Origin is another site's.
    sent.headers.update(origin="https://evil.example", referer=f"{OURS}/be/")


def as_a_form(sent):
    sent.content_type = "application/x-www-form-urlencoded"


def as_the_other_type(sent):
    other = {guard.JSON: guard.TEXT, guard.TEXT: guard.JSON}
    sent.content_type = other[sent.content_type]


def oversized(sent):
    padding = sent.endpoint.max_body - len(json.dumps(sent.body)) + 100
    sent.body["padding"] = "x" * padding


def not_json(sent):
    sent.body = json.dumps(sent.body)[:-5]


def not_utf8(sent):
    sent.body[sent.endpoint.text] = "Тэкст"
    sent.body = json.dumps(sent.body, ensure_ascii=False).encode("cp1251")


def deeply_nested(sent):
    # As deep as the endpoint's size limit allows, up to 3,000 levels.
    room = sent.endpoint.max_body - len(json.dumps(sent.body)) - 20
    depth = min(3000, room // 2)
    sent.body = json.dumps(sent.body)[:-1] + ', "deep": ' + "[" * depth + "]" * depth + "}"


def nul_byte(sent):
    sent.body[sent.endpoint.text] = "Тэкст\x00"


def nul_byte_in_a_name(sent):
    sent.body["name\x00"] = "Тэкст"


def lone_surrogate(sent):
    sent.body[sent.endpoint.text] = "x\udfff"


def wrong_types(sent):
    if sent.endpoint.target == "path":
        sent.body[sent.endpoint.text] = 5
    else:
        sent.body[sent.endpoint.target] = str(sent.body[sent.endpoint.target])


def a_list(sent):
    sent.body = [sent.body]


def missing_fields(sent):
    sent.body = {}


def no_such_article(sent):
    sent.aim(NO_SUCH_ID)


def unpublished_article(sent):
    unpublished = sent.world["draft_comment" if sent.endpoint.target == "path" else "draft"]
    sent.aim(unpublished.pk)


def overflowing_id(sent):
    sent.aim(2**64)


def negative_id(sent):
    sent.aim(-5)


def zero_id(sent):
    sent.aim(0)


MALFORMED = (400, "malformed")
CASES = {
    "no Origin": (without_origin, 403, "origin"),
    "foreign Origin": (foreign_origin, 403, "origin"),
    "Origin null": (null_origin, 403, "origin"),
    "foreign Origin, our Referer": (foreign_origin_naming_us_in_referer, 403, "origin"),
    "form content type": (as_a_form, 415, "content_type"),
    "the other content type": (as_the_other_type, 415, "content_type"),
    "oversized body": (oversized, 413, "too_large"),
    "malformed JSON": (not_json, *MALFORMED),
    "not UTF-8": (not_utf8, *MALFORMED),
    "deeply nested JSON": (deeply_nested, *MALFORMED),
    "NUL byte": (nul_byte, *MALFORMED),
    "NUL byte in a field name": (nul_byte_in_a_name, *MALFORMED),
    "lone surrogate": (lone_surrogate, *MALFORMED),
    "wrong types": (wrong_types, *MALFORMED),
    "a list, not an object": (a_list, *MALFORMED),
    "missing fields": (missing_fields, *MALFORMED),
    "no such article": (no_such_article, 404, None),
    "unpublished article": (unpublished_article, 404, None),
    "id over 64 bits": (overflowing_id, *MALFORMED),
    "negative id": (negative_id, *MALFORMED),
    "zero id": (zero_id, *MALFORMED),
}
LANGUAGES = ["be", "ru", "en"]


@pytest.fixture
def world(homes):
    policy_without_waiting()
    article = make_article(title="Навіна для праверкі")
    draft = make_article(title="Чарнавік для праверкі", publish=False)
    comment = published_comment(article)
    # A comment published before its article was taken down.
    draft_comment = published_comment(make_article(title="Знятая навіна"))
    ArticlePage.objects.get(pk=draft_comment.article_id).unpublish()
    return {"article": article, "draft": draft, "comment": comment, "draft_comment": draft_comment}


def published_comment(article):
    return Comment.objects.create(
        article=article,
        author_name="Чытач",
        text="Першы каментар",
        status=Status.PUBLISHED,
        client="0" * 32,
        language="be",
    )


def stored():
    """Everything a write endpoint can store."""
    buffer = current_buffer()
    return {
        "comments": Comment.objects.count(),
        "reports": CommentReport.objects.count(),
        "typo reports": TypoReport.objects.count(),
        "pending views and likes": buffer.pending_counts(),
        "now reading": buffer.now_reading(timezone.now()),
    }


def refusal_message(status, code, language):
    """What the guard says for this refusal in this language."""
    refusal = {
        403: guard.not_ours,
        413: guard.too_large,
        415: guard.wrong_type,
        400: guard.malformed,
        404: guard.no_such_article,
    }[status]()
    if code == "unknown_comment":
        from comments.api import no_such_comment

        refusal = no_such_comment()
    with translation.override(language):
        return str(refusal.message)


def documented(client, endpoint, status, code):
    """Whether the OpenAPI document lists this status, with this code, for the endpoint."""
    path = endpoint.path.replace("{id}", "{comment_id}")
    answers = client.get("/api/schema/").json()["paths"][path]["post"]["responses"]
    return str(status) in answers and f"`{code}`" in answers[str(status)]["description"]


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("name", ENDPOINTS)
def test_every_hostile_request_gets_its_documented_refusal_and_stores_nothing(
    client, world, name, case
):
    endpoint = ENDPOINTS[name]
    spoil, status, code = CASES[case]
    if status == 404:
        code = "unknown_comment" if endpoint.target == "path" else "unknown_article"
    language = LANGUAGES[list(CASES).index(case) % len(LANGUAGES)]
    sent = Sent(endpoint, world)
    spoil(sent)
    before = stored()
    response = sent.send(client, language)
    assert (response.status_code, response.json()) == (
        status,
        {"error": refusal_message(status, code, language), "code": code},
    )
    assert stored() == before
    assert documented(client, endpoint, status, code)


@pytest.mark.parametrize("language", LANGUAGES)
def test_refusals_are_translated(language):
    english = {status: refusal_message(status, "", "en") for status in (400, 403, 404, 413, 415)}
    for status, message in english.items():
        translated = refusal_message(status, "", language)
        assert (translated == message) == (language == "en")


@pytest.mark.parametrize("name", ENDPOINTS)
def test_the_request_our_page_sends_is_accepted_and_stored(client, world, name):
    """The other side of every case above: unspoilt, the same request changes what is
    stored, so "nothing stored" there is a real check."""
    before = stored()
    response = Sent(ENDPOINTS[name], world).send(client, "be")
    assert response.status_code in (200, 201, 202)
    assert stored() != before


MIRROR = "mirror.example"


@pytest.fixture
def mirrored(settings, world):
    """A configured mirror host name, as the admin saves it (mirrors/)."""
    from samizdat.allowed_hosts import ConfiguredHosts

    settings.ALLOWED_HOSTS = ConfiguredHosts(["testserver"])
    hosts.remember(hosts.Snapshot(hosts=(MIRROR,)), seconds=float("inf"))
    return world


@pytest.mark.parametrize("name", ENDPOINTS)
@pytest.mark.parametrize(
    "headers",
    [
        {"host": MIRROR, "origin": f"https://{MIRROR}"},
        # A rewriting proxy passes the main host name on; the browser names the mirror.
        {"origin": f"https://{MIRROR}"},
        {"host": MIRROR, "origin": f"http://{MIRROR}"},
    ],
    ids=["served on the mirror", "through a rewriting proxy", "plain http"],
)
def test_a_post_from_a_mirror_page_is_accepted(client, mirrored, name, headers):
    sent = Sent(ENDPOINTS[name], mirrored)
    sent.headers.update(headers)
    before = stored()
    response = sent.send(client, "be")
    assert response.status_code in (200, 201, 202)
    assert stored() != before


@pytest.mark.parametrize("name", ENDPOINTS)
def test_a_host_name_we_do_not_answer_to_is_refused(client, mirrored, name):
    sent = Sent(ENDPOINTS[name], mirrored)
    sent.headers["origin"] = "https://not-a-mirror.example"
    before = stored()
    assert sent.send(client, "be").status_code == 403
    assert stored() == before


@pytest.mark.parametrize("name", ENDPOINTS)
@pytest.mark.parametrize(
    "headers",
    [{"referer": f"{OURS}/be/news/"}, {"sec-fetch-site": "same-origin"}],
    ids=["Referer", "Sec-Fetch-Site"],
)
def test_without_origin_the_browser_may_vouch_another_way(client, world, name, headers):
    sent = Sent(ENDPOINTS[name], world)
    del sent.headers["origin"]
    sent.headers.update(headers)
    assert sent.send(client, "be").status_code in (200, 201, 202)
