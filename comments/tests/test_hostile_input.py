"""Hostile text is stored exactly as sent and shown inert, or refused with nothing changed."""

import pytest
from django.utils.html import escape

from comments.models import Comment
from testing import ORIGIN
from testing.comments import api_post, form_post, old_token

pytestmark = pytest.mark.django_db

STORED_AS_TYPED = [
    '<script>alert("x")</script>',
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">клік</a>',
    "Тэкст з \u202eRTL-перакрыццём\u202c унутры",
    "Нябачныя\u200b\u200cсімвалы\u200d тут",
    "'; DROP TABLE comments_comment; --",
    "{{ request }} {% debug %}",
]


@pytest.mark.parametrize("text", STORED_AS_TYPED)
def test_hostile_text_is_stored_as_typed_and_rendered_inert(client, article, policy, text):
    # A name may not carry direction controls (test_repeats_and_names); a text may.
    name = "Чытач" if "\u202e" in text else text[:80]
    assert form_post(client, article, text=text, name=name).status_code == 201
    comment = Comment.objects.get()
    assert comment.text == text and comment.author_name == name
    html = client.get(article.url).content.decode()
    assert "<script>alert" not in html
    assert 'onerror="alert' not in html and 'href="javascript:' not in html
    assert escape(text) in html  # shown as text, never interpreted


def test_names_are_isolated_so_a_right_to_left_name_cannot_flip_the_page(client, article, policy):
    form_post(client, article, name="שלום абв")
    assert '<bdi class="comment__name">שלום абв</bdi>' in client.get(article.url).content.decode()


def test_urls_are_shown_as_text_not_links(client, article, policy):
    form_post(client, article, text="Глядзіце https://example.org/page")
    html = client.get(article.url).content.decode()
    assert "https://example.org/page" in html
    assert 'href="https://example.org/page"' not in html


def test_invisible_only_name_is_refused(client, article, policy):
    response = form_post(client, article, name="\u200b\u200b ")
    assert response.status_code == 400
    assert "Імя павінна мець бачныя літары." in response.content.decode()
    assert Comment.objects.count() == 0


@pytest.mark.parametrize(
    ("text", "name"),
    [("", "Імя"), ("а", "Імя"), ("\u200b\u200b\u200b", "Імя"), ("Нуль\x00байт", "Імя"),
     ("Добры тэкст", "Імя\x00"), ("б" * 3001, "Імя"), ("Добры тэкст", "я" * 81)],
)  # fmt: skip
def test_bad_text_is_refused_with_nothing_stored(client, article, policy, text, name):
    response = form_post(client, article, text=text, name=name)
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    assert Comment.objects.count() == 0


def test_typed_text_survives_a_refusal(client, article, policy):
    response = form_post(client, article, text="Мой доўгі тэкст " + "x" * 3000)
    assert "Мой доўгі тэкст" in response.content.decode()


def test_ten_megabyte_body_is_refused_with_413(client, article, policy):
    huge = "ж" * (10 * 1024 * 1024)
    response = client.post(
        f"/be/comments/{article.pk}/post/",
        {"text": huge, "token": old_token(article)},
        headers={"origin": ORIGIN},
    )
    assert response.status_code == 413
    assert api_post(client, article, text=huge).status_code == 413
    assert Comment.objects.count() == 0


@pytest.mark.parametrize(
    "body",
    [b"%%%", b"text=%E0%A4%A&token=1", b"\xff\xfe\x00", b"text=" + b"%00" * 10],
)
def test_malformed_form_encodings_never_cause_500(client, article, policy, body):
    response = client.post(
        f"/be/comments/{article.pk}/post/",
        body,
        content_type="application/x-www-form-urlencoded",
        headers={"origin": ORIGIN},
    )
    assert response.status_code in (400, 403)
    assert Comment.objects.count() == 0


@pytest.mark.parametrize(
    "body", ["{", "[]", '{"article": "x"}', '{"article": 1, "text": 5}', "null"]
)
def test_malformed_json_gets_a_clear_error(client, article, policy, body):
    response = client.post(
        "/api/comments/", body, content_type="application/json", headers={"origin": ORIGIN}
    )
    assert 400 <= response.status_code < 500
    assert Comment.objects.count() == 0


def test_cross_site_posts_are_refused(client, article, policy):
    data = {"text": "Падробка", "token": old_token(article)}
    url = f"/be/comments/{article.pk}/post/"
    assert client.post(url, data, headers={"origin": "https://evil.example"}).status_code == 403
    assert client.post(url, data, headers={"referer": "https://evil.example/x"}).status_code == 403
    assert client.post(url, data).status_code == 403  # no origin at all
    as_form = client.post(
        "/api/comments/",
        {"article": article.pk, "text": "Падробка"},
        headers={"origin": ORIGIN},
    )
    assert as_form.status_code == 415  # a form cannot send JSON without a preflight
    assert Comment.objects.count() == 0
