"""The JSON API fuzzed against its own OpenAPI document (schemathesis, in-process WSGI).

Every answer must be documented: no server error, a documented status code and content
type, and a body matching the declared schema. Each generated request is sent twice: as
generated (ids that mostly do not exist, no Origin) and again aimed at the real article
and comment from our own origin, so the fuzzer also reaches past the first checks.
"""

import itertools
import json

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from comments.models import Comment, ReportReason, Status
from testing.comments import old_token
from testing.factories import make_article

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
ORIGIN = {"Origin": "http://localhost"}
MAX_EXAMPLES = 30
REASONS = ReportReason.values


@pytest.fixture
def newsroom(homes, settings):
    """A published article with a published comment, so real ids exist."""
    # Each aimed request comes from a client of its own (X-Forwarded-For), so the rate
    # limits, which stay on, do not stop the fuzzer at the door; as generated, requests all
    # come from one client and meet the limits (429 is documented and checked too).
    settings.TRUSTED_PROXY_HOPS = 1
    article = make_article(title="Навіна для праверкі API")
    comment = Comment.objects.create(
        article=article,
        author_name="Чытач",
        text="Першы каментар",
        status=Status.PUBLISHED,
        client="0" * 32,
        language="be",
    )
    return {
        "article": article,
        "ids": {"article": article.pk, "page_id": article.pk, "comment_id": comment.pk},
    }


def valid_fields(article):
    """Body fields the fuzzer would almost never guess right, as our page sends them."""
    return {
        "token": old_token(article),
        "fragment": "праверкі",
        "article": article.pk,
        "page_id": article.pk,
    }


def aimed_at(case, newsroom, number):
    """The same case past the first checks: real ids, a valid token, fragment and reason,
    sent from our own page by a client of its own. Returns the headers to send."""
    ids, article = newsroom["ids"], newsroom["article"]
    for name in case.path_parameters or {}:
        case.path_parameters[name] = ids[name]
    if isinstance(case.query, dict) and "article" in case.query:
        case.query["article"] = article.pk
    if isinstance(case.body, dict):
        for name, value in valid_fields(article).items():
            if name in case.body:
                case.body[name] = value
        if isinstance(case.body.get("reason"), str):
            case.body["reason"] = REASONS[len(case.body["reason"]) % len(REASONS)]
    elif case.operation.path.startswith("/api/readership/") and case.method == "POST":
        # A beacon's text/plain body is JSON our script writes; the fuzzed string decides.
        flag = len(str(case.body)) % 2 == 0
        field = {"kind": "view" if flag else "heartbeat"} if "beacon" in case.path else {}
        field = field or {"liked": flag}
        case.body = json.dumps({"article": article.pk, **field})
    return {**ORIGIN, "X-Forwarded-For": f"198.51.{number // 250}.{number % 250 + 1}"}


@pytest.fixture
def wsgi_application():
    """Django's WSGI application, keeping the test's database connection across requests.

    The real handler closes connections after each request, which would end the test's
    transaction; Django's own test client unhooks the same signal handlers for that reason.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield get_wsgi_application()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def fuzz(operation, mode, newsroom, clients):
    """Up to MAX_EXAMPLES generated requests for one operation; raises on the first failure."""

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def run(case):
        case.call_and_validate(checks=CHECKS)
        headers = aimed_at(case, newsroom, next(clients))
        case.call_and_validate(checks=CHECKS, headers=headers)

    run()


@pytest.mark.django_db
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_every_answer_is_the_documented_one(newsroom, mode, wsgi_application):
    schema = schemathesis.openapi.from_wsgi("/api/schema/", wsgi_application)
    failures = []
    clients = itertools.count()
    for result in schema.get_all_operations():
        operation = result.ok()
        try:
            fuzz(operation, mode, newsroom, clients)
        except BaseException as failure:  # noqa: BLE001 (every operation's failures reported)
            failures.append(f"{operation.label}: {failure}")
    assert not failures, "\n\n".join(failures)


# What the fuzzer does not send: a wrong content type, a body over the size limits.
WRITE_PATHS = [
    "/api/comments/",
    "/api/comments/{comment_id}/report",
    "/api/corrections/reports",
    "/api/readership/beacon",
    "/api/readership/like",
]


def in_russian(text):
    return any("а" <= letter <= "я" for letter in text.lower())


def documented_statuses(client, path):
    return set(client.get("/api/schema/").json()["paths"][path]["post"]["responses"])


def send(client, path, newsroom, body, content_type):
    url = path.replace("{comment_id}", str(newsroom["ids"]["comment_id"]))
    headers = {"origin": "http://testserver", "accept-language": "ru"}
    return client.post(url, body, content_type=content_type, headers=headers)


@pytest.mark.django_db
@pytest.mark.parametrize("path", WRITE_PATHS)
def test_a_wrong_content_type_gets_a_documented_415(client, newsroom, path):
    wrong = "application/json" if path.startswith("/api/readership/") else "text/plain"
    body = json.dumps({"article": newsroom["ids"]["article"], "kind": "view"})
    response = send(client, path, newsroom, body, wrong)
    assert response.status_code == 415
    assert "415" in documented_statuses(client, path)
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert set(response.json()) == {"error", "code"}
    assert in_russian(response.json()["error"])


@pytest.mark.django_db
@pytest.mark.parametrize("path", WRITE_PATHS)
def test_an_oversized_body_gets_a_documented_413(client, newsroom, path):
    right = "text/plain" if path.startswith("/api/readership/") else "application/json"
    body = json.dumps({"article": newsroom["ids"]["article"], "text": "ы" * 70_000})
    response = send(client, path, newsroom, body, right)
    assert response.status_code == 413
    assert "413" in documented_statuses(client, path)
    assert response.json()["code"] == "too_large"
    assert in_russian(response.json()["error"])
