"""Write paths over their concurrency bound answer a friendly 503 and write nothing."""

import json
from contextlib import contextmanager

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.rich_text import RichText

from comments.models import Comment
from corrections.models import TypoReport
from readership import numbers
from shield.concurrency import slots_for
from testing import ORIGIN
from testing.comments import api_post, form_post
from testing.factories import make_article
from testing.readership import beacon

pytestmark = pytest.mark.django_db

BUSY = {
    "be": "Сайт зараз перагружаны. Паспрабуйце яшчэ раз праз хвілінку.",
    "ru": "Сайт сейчас перегружен. Попробуйте ещё раз через минутку.",
    "en": "The site is busy right now. Please try again in a moment.",
}


@contextmanager
def bound_full(name):
    """Every slot of the configured bound taken, as by as many requests in flight."""
    bound = next(bound for bound in settings.SHIELD_BOUNDS if bound["name"] == name)
    slots = slots_for(name, bound["limit"], bound["shared"])
    tokens = [slots.take() for _ in range(bound["limit"])]
    assert None not in tokens
    try:
        yield
    finally:
        for token in tokens:
            slots.give_back(token)


def refused_politely(response, language):
    assert response.status_code == 503
    assert response["Retry-After"] == str(settings.SHIELD_RETRY_AFTER)
    assert response["Cache-Control"] == "no-store"
    if response["Content-Type"].startswith("application/json"):
        assert response.json() == {"error": BUSY[language], "code": "busy"}
    else:
        assert BUSY[language] in response.content.decode()


BODY_BE = "Улетку ў Менску прайшоў фестываль. Арганізатары абяцаюць вярнуцца ў наступным годзе."


@pytest.fixture
def article(homes, django_capture_on_commit_callbacks):
    body = [("paragraph", RichText(f"<p>{BODY_BE}</p>"))]
    return make_article(title="Фестываль у Менску", section_slug=None, body=body)


@pytest.fixture
def open_policy(db):
    from comments.models import CommentPolicy

    policy = CommentPolicy.load()
    policy.min_seconds_to_submit = 0
    policy.save()
    return policy


@pytest.mark.parametrize("language", ["be", "ru", "en"])
def test_comment_form_over_the_bound(client, open_policy, language):
    article = make_article(title="Каментары", language=language, section_slug=None)
    with bound_full("comments"):
        refused_politely(form_post(client, article, language=language), language)
    assert not Comment.objects.exists()
    assert form_post(client, article, language=language).status_code == 201


def test_comment_api_over_the_bound(client, article, open_policy):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "ru"  # the API answers in the browser's language
    with bound_full("comments"):
        refused_politely(api_post(client, article), "ru")
    assert not Comment.objects.exists()
    assert api_post(client, article).status_code == 201


@pytest.mark.parametrize("language", ["be", "ru", "en"])
def test_beacons_over_the_bound(client, article, language):
    with bound_full("beacons"):
        refused_politely(beacon(client, article, HTTP_ACCEPT_LANGUAGE=language), language)
    assert numbers._board("be")["now_reading"] == []
    assert beacon(client, article).status_code == 202
    assert [item["id"] for item in numbers._board("be")["now_reading"]] == [article.pk]


@pytest.mark.parametrize("language", ["be", "ru", "en"])
def test_typo_reports_over_the_bound(client, article, language):
    body = {"fragment": "фестываль", "context_before": "Улетку ў Менску прайшоў ",
            "context_after": ". Арганізатары абяцаюць", "page_id": article.pk}  # fmt: skip
    send = lambda: client.post(  # noqa: E731
        "/api/corrections/reports",
        json.dumps(body),
        content_type="application/json",
        headers={"origin": ORIGIN, "accept-language": language},
    )
    with bound_full("corrections"):
        refused_politely(send(), language)
    assert not TypoReport.objects.exists()
    assert send().status_code == 201


@pytest.mark.parametrize("language", ["be", "ru", "en"])
def test_admin_login_over_the_bound(client, db, language):
    get_user_model().objects.create_superuser("redaktar", "r@example.org", "doc-password-1")
    credentials = {"username": "redaktar", "password": "doc-password-1"}
    with bound_full("login"):
        assert client.get("/admin/login/").status_code == 200  # the form still shows
        answer = client.post("/admin/login/", credentials, HTTP_ACCEPT_LANGUAGE=language)
        refused_politely(answer, language)
        assert "_auth_user_id" not in client.session
    response = client.post("/admin/login/", credentials)
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_readers_pages_do_not_touch_any_bound(client, article):
    with bound_full("comments"), bound_full("beacons"), bound_full("corrections"):
        assert client.get(article.url).status_code == 200
        assert client.get(f"/be/comments/{article.pk}/").status_code == 200
