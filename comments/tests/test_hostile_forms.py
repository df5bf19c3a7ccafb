"""The no-JavaScript form endpoints (post a comment, report one) under hostile input:
broken encodings, bodies and headers get a clear answer, never a 500, and store nothing."""

import pytest

from comments.models import Comment, CommentReport, Status
from testing import ORIGIN
from testing.comments import old_token

pytestmark = pytest.mark.django_db

HOSTILE_BODIES = [
    ("multipart/form-data; boundary=xyz", b"--xyz\r\nContent-Disposition: form-data\r\n\r\n"),
    ("multipart/form-data", b"--nothing--"),
    ("multipart/form-data; boundary=" + "b" * 2000, b"--" + b"b" * 2000 + b"--"),
    ("application/x-www-form-urlencoded; charset=no-such-charset", b"text=%D0%B0&name=x"),
    ("application/x-www-form-urlencoded; charset=utf-16", b"\xff\xfet\x00=\x00"),
    ("application/x-www-form-urlencoded", b"text=a&" * 5000),
    ("application/x-www-form-urlencoded", b"reason=%ZZ&reason=&text=%ZZ&name=%C0%AF"),
    ("application/json", b'{"text": "a", "reason": "spam"}'),
    ("text/plain", b"\x00\x01\x02"),
    ("", b"text=a"),
]


@pytest.fixture
def comment(article):
    return Comment.objects.create(
        article=article,
        author_name="Чытач",
        text="Першы каментар",
        status=Status.PUBLISHED,
        client="0" * 32,
        language="be",
    )


def post(client, url, content_type, body, **headers):
    return client.generic("POST", url, body, content_type=content_type, headers=headers)


@pytest.mark.parametrize(("content_type", "body"), HOSTILE_BODIES)
def test_hostile_comment_posts_are_answered_without_a_500(
    client, article, policy, content_type, body
):
    response = post(client, f"/be/comments/{article.pk}/post/", content_type, body, origin=ORIGIN)
    assert 400 <= response.status_code < 500
    assert Comment.objects.count() == 0


@pytest.mark.parametrize(("content_type", "body"), HOSTILE_BODIES)
def test_hostile_reports_are_answered_without_a_500(client, comment, content_type, body):
    response = post(client, f"/be/comments/report/{comment.pk}/", content_type, body, origin=ORIGIN)
    assert response.status_code in (200, 400)
    assert CommentReport.objects.count() == 0


@pytest.mark.parametrize(
    "url",
    [
        "/be/comments/99999999999999999999999/post/",
        "/be/comments/9223372036854775808/post/",
        "/be/comments/report/99999999999999999999999/",
        "/be/comments/9223372036854775808/",
        "/xx/comments/{article}/post/",
        "/en/comments/{article}/post/",
    ],
)
def test_odd_addresses_are_refused_cleanly(client, article, policy, url):
    data = {"text": "Тэкст", "token": old_token(article)}
    response = client.post(url.format(article=article.pk), data, headers={"origin": ORIGIN})
    # /xx/ is no language: LocaleMiddleware sends the reader to /be/xx/..., a 404 there.
    assert response.status_code in (302, 404)
    assert Comment.objects.count() == 0


def test_a_report_with_an_unknown_reason_stores_nothing(client, comment):
    for reason in ("", "spam\x00", "<script>", "x" * 10_000, "SPAM"):
        response = client.post(
            f"/be/comments/report/{comment.pk}/", {"reason": reason}, headers={"origin": ORIGIN}
        )
        assert response.status_code == 400
    assert CommentReport.objects.count() == 0
