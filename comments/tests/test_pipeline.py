"""Each step of the anti-abuse pipeline, and the reader's message for each refusal."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from comments.models import Comment, DiscussionSwitch, Reason, Status
from comments.pipeline import STEPS, form_token
from newsroom.models import ArticlePage
from testing.comments import api_post, form_post, old_token

pytestmark = pytest.mark.django_db
# Per-minute limits count in windows of the wall clock: the clock stands still where a test
# counts posts, so no window can end between them.
NOON = "2026-06-27 12:00 +03:00"

MESSAGES = {
    "too_fast": {"be": "занадта хутка", "ru": "слишком быстро", "en": "too fast"},
    "closed": {"be": "закрытыя", "ru": "закрыты", "en": "are closed"},
    "rate_limited": {"be": "занадта часта", "ru": "слишком часто", "en": "too often"},
    "too_many_links": {"be": "спасылак", "ru": "ссылок", "en": "links"},
    "duplicate": {"be": "ужо адпраўлены", "ru": "уже отправлен", "en": "already been sent"},
}


def test_pipeline_is_a_named_list_of_steps():
    assert [name for name, _ in STEPS] == [
        "comments_closed", "form_age", "rate_limit", "form_reuse", "banned_client", "honeypot",
        "link_limit", "duplicate", "banned_words", "suspect_words", "premoderation",
    ]  # fmt: skip


def test_honeypot_is_stored_as_rejected(client, article, policy):
    form_post(client, article, website="http://spam.example")
    comment = Comment.objects.get()
    assert (comment.status, comment.reason) == (Status.REJECTED, Reason.HONEYPOT)
    assert ArticlePage.objects.get(pk=article.pk).comment_count == 0


def test_too_fast_is_refused(client, article, policy):
    policy.min_seconds_to_submit = 5
    policy.save()
    response = form_post(client, article, token=form_token(article))
    assert response.status_code == 429
    assert Comment.objects.count() == 0


def test_forged_or_foreign_token_is_refused(client, article, policy, homes):
    from testing.factories import make_article

    other = make_article(title="Іншы артыкул")
    assert form_post(client, article, token="garbage").status_code == 400
    assert form_post(client, article, token=form_token(other)).status_code == 400
    assert Comment.objects.count() == 0


@time_machine.travel(NOON, tick=False)  # one window of the per-minute limit
def test_rate_limit_per_minute(client, article, policy):
    policy.per_minute = 2
    policy.save()
    statuses = [form_post(client, article, text=f"Тэкст {n}").status_code for n in range(3)]
    assert statuses == [201, 201, 429]
    assert Comment.objects.count() == 2


def test_rate_limit_is_per_client(client, article, policy):
    policy.per_minute = 1
    policy.save()
    assert form_post(client, article, text="Першы").status_code == 201
    other = {"REMOTE_ADDR": "198.51.100.20"}
    response = client.post(
        f"/be/comments/{article.pk}/post/",
        {"text": "Другі", "token": old_token(article)},
        headers={"origin": "http://testserver"},
        **other,
    )
    assert response.status_code == 201


def test_link_limit(client, article, policy):
    policy.max_links = 1
    policy.save()
    response = form_post(client, article, text="https://a.example.org і https://b.example.org")
    assert response.status_code == 400
    assert Comment.objects.count() == 0


def test_duplicate_is_refused(client, article, policy):
    assert form_post(client, article, text="Тое самае").status_code == 201
    assert form_post(client, article, text="Тое самае").status_code == 409
    assert Comment.objects.count() == 1


def test_banned_words_reject_and_suspect_words_hold(client, article, policy):
    policy.banned_words = "забароненае\nspamword"
    policy.suspect_words = "падазронае"
    policy.save()
    form_post(client, article, text="Тут SPAMWORD ёсць")
    form_post(client, article, text="Нешта падазронае тут")
    rejected, held = Comment.objects.order_by("pk")
    assert (rejected.status, rejected.reason) == (Status.REJECTED, Reason.BANNED_WORD)
    assert (held.status, held.reason) == (Status.PENDING, Reason.SUSPECT_WORD)
    assert ArticlePage.objects.get(pk=article.pk).comment_count == 0


def test_held_comment_says_it_awaits_review(client, article, policy):
    policy.premoderate_all = True
    policy.save()
    response = form_post(client, article)
    assert "пасля праверкі" in response.content.decode()
    assert Comment.objects.get().status == Status.PENDING
    assert "Добры тэкст" not in client.get(article.url).content.decode()


@pytest.mark.parametrize("target", ["article", "section"])
def test_premoderation_switch_on_article_or_section(client, article, policy, target):
    page_id = article.pk if target == "article" else article.section_id
    DiscussionSwitch.objects.create(page_id=page_id, premoderated=True)
    form_post(client, article)
    assert Comment.objects.get().reason == Reason.PREMODERATION


def test_closed_switch_refuses_and_hides_the_form(client, article, policy):
    DiscussionSwitch.objects.create(page_id=article.pk, comments_closed=True)
    assert form_post(client, article).status_code == 403
    html = client.get(article.url).content.decode()
    assert "data-comment-form" not in html
    assert Comment.objects.count() == 0


@pytest.mark.parametrize("send", [form_post, api_post], ids=["form", "api"])
def test_comments_close_by_themselves_after_the_configured_days(client, article, policy, send):
    policy.close_after_days = 3
    policy.save()
    ArticlePage.objects.filter(pk=article.pk).update(
        first_published_at=timezone.now() - timedelta(days=4)
    )
    assert send(client, article).status_code == 403
    # A publication date set by the editors counts before the first publication.
    ArticlePage.objects.filter(pk=article.pk).update(publication_date=timezone.now())
    assert send(client, article).status_code == 201


@pytest.mark.parametrize("language", ["be", "ru", "en"])
@pytest.mark.parametrize("code", sorted(MESSAGES))
@time_machine.travel(NOON, tick=False)  # "rate_limited" counts in one window
def test_refusals_speak_the_readers_language(client, homes, policy, language, code):
    from testing.factories import make_article, translate_article

    base = make_article(title="Артыкул")
    article = base if language == "be" else translate_article(base, language, f"Article {language}")
    response = provoke(client, article, policy, code, language)
    assert response.status_code >= 400
    assert MESSAGES[code][language] in response.json()["error"].lower(), response.json()


def provoke(client, article, policy, code, language):
    if code == "too_fast":
        policy.min_seconds_to_submit = 30
        policy.save()
        return api_post(client, article, token=form_token(article))
    if code == "closed":
        DiscussionSwitch.objects.create(page_id=article.pk, comments_closed=True)
        return api_post(client, article)
    if code == "rate_limited":
        policy.per_minute = 1
        policy.save()
        api_post(client, article, text="Першы")
        return api_post(client, article, text="Другі")
    if code == "too_many_links":
        policy.max_links = 0
        policy.save()
        return api_post(client, article, text="глядзі https://example.org")
    api_post(client, article, text="Паўтор")
    return api_post(client, article, text="Паўтор")


HELD = {"be": "пасля праверкі", "ru": "после проверки", "en": "after review"}


@pytest.mark.parametrize("language", ["be", "ru", "en"])
def test_held_message_speaks_the_readers_language(client, homes, policy, language):
    from testing.factories import make_article, translate_article

    policy.premoderate_all = True
    policy.save()
    base = make_article(title="Артыкул")
    article = base if language == "be" else translate_article(base, language, f"Article {language}")
    response = api_post(client, article)
    assert response.status_code == 201
    assert response.json()["status"] == "pending"
    assert HELD[language] in response.json()["message"]
