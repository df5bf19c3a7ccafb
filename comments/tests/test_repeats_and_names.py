"""A repeat with cosmetic changes is still a repeat; a name must show; a form serves a few posts."""

import pytest
import time_machine

from comments.models import Comment
from testing import ORIGIN
from testing.comments import api_post, old_token
from testing.factories import make_article

pytestmark = pytest.mark.django_db
ORIGINAL = "Улада зноў падняла цэны на хлеб"


@pytest.fixture(autouse=True)
def still_clock():
    """The clock stands still, so no limit's minute ends in the middle of a test."""
    with time_machine.travel("2026-06-27 12:00:10 +00:00", tick=False):
        yield


@pytest.mark.parametrize(
    "repeat",
    [
        ORIGINAL + "\u200b",  # a zero-width space at the end
        "\u2060" + ORIGINAL + "\ufeff",  # word joiner and byte-order mark
        ORIGINAL.upper(),
        "улада ЗНОЎ падняла цэны на хлеб",
        "Улада  зноў   падняла\nцэны на хлеб ",
        ORIGINAL.replace("а", "a").replace("о", "o"),  # Latin a and o for Cyrillic ones
        ORIGINAL.replace("У", "Y").replace("с", "c"),
        ORIGINAL.replace(" ", "\u00a0"),  # no-break spaces (NFKC makes them spaces)
        ORIGINAL.replace(" ", "\u3000", 1),  # an ideographic space
    ],
)
def test_a_repeat_with_cosmetic_changes_is_refused(client, article, policy, repeat):
    assert api_post(client, article, text=ORIGINAL).status_code == 201
    response = api_post(client, article, text=repeat)
    assert response.status_code == 409
    assert response.json()["code"] == "duplicate"
    assert Comment.objects.count() == 1


def test_another_comment_is_not_a_repeat(client, article, policy):
    assert api_post(client, article, text=ORIGINAL).status_code == 201
    assert api_post(client, article, text="Улада зноў падняла цэны на малако").status_code == 201


def test_the_text_is_stored_as_typed(client, article, policy):
    typed = "Улада  ЗНОЎ падняла цэны"
    api_post(client, article, text=typed)
    assert Comment.objects.get().text == typed


INVISIBLE_NAMES = ["\u3164", "\u3164\u3164", "\u115f\u1160", "\uffa0", "\u2800", "\u200b\u200b "]
DIRECTION_NAMES = ["\u202eабв", "Іван\u202d", "\u2066Іван\u2069", "\u2067x\u2069", "a\u202ab"]


@pytest.mark.parametrize("name", INVISIBLE_NAMES)
def test_a_name_that_shows_nothing_is_refused(client, article, policy, name):
    response = api_post(client, article, name=name)
    assert response.status_code == 400
    assert response.json()["error"] == "Імя павінна мець бачныя літары."
    assert Comment.objects.count() == 0


@pytest.mark.parametrize("name", DIRECTION_NAMES)
def test_a_name_with_direction_controls_is_refused(client, article, policy, name):
    response = api_post(client, article, name=name)
    assert response.status_code == 400
    assert response.json()["error"] == "Імя не можа мець знакаў кіравання напрамкам тэксту."
    assert Comment.objects.count() == 0


@pytest.mark.parametrize(
    ("language", "invisible", "direction"),
    [
        (
            "ru",
            "Имя должно содержать видимые буквы.",
            "Имя не может содержать знаков управления направлением текста.",
        ),
        (
            "en",
            "The name must contain visible letters.",
            "The name may not contain text direction controls.",
        ),
    ],
)
def test_name_refusals_speak_the_articles_language(
    client, homes, policy, language, invisible, direction
):
    article = make_article(language=language, section_slug=None)
    assert api_post(client, article, name="\u3164").json()["error"] == invisible
    assert api_post(client, article, name="\u202eabc").json()["error"] == direction


def test_an_empty_name_still_posts_as_reader(client, article, policy):
    assert api_post(client, article, name="").status_code == 201


def post_with(client, article, token, number, address="203.0.113.7"):
    body = {"article": article.pk, "name": "Чытач", "text": f"Думка нумар {number}"}
    return client.post(
        "/api/comments/",
        {**body, "token": token},
        content_type="application/json",
        headers={"origin": ORIGIN},
        REMOTE_ADDR=address,
    )


def test_one_form_token_serves_only_a_few_posts(client, article, policy):
    policy.per_minute = policy.per_hour = 100
    policy.save()
    token = old_token(article)
    codes = [post_with(client, article, token, n).status_code for n in range(7)]
    assert codes == [201] * 5 + [400, 400]
    assert post_with(client, article, token, 8).json()["code"] == "form_used"
    assert Comment.objects.count() == 5
    # A fresh token, or the same page's token from another reader, still posts.
    assert post_with(client, article, old_token(article, 30), 9).status_code == 201
    assert post_with(client, article, token, 10, address="198.51.100.2").status_code == 201
