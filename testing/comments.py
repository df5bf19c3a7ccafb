"""Posting comments as a reader's browser does, for every app's tests."""

import pytest
from django.utils import timezone

from comments.models import CommentPolicy
from comments.pipeline import form_token
from testing import ORIGIN


def policy_without_waiting():
    """The policy with no waiting time, so tests need not sleep."""
    policy = CommentPolicy.load()
    policy.min_seconds_to_submit = 0
    policy.save()
    return policy


@pytest.fixture
def policy(db):
    """A fixture: comments may be posted at once."""
    return policy_without_waiting()


def old_token(article, seconds=60):
    return form_token(article, now=timezone.now() - timezone.timedelta(seconds=seconds))


def form_post(client, article, text="Добры тэкст", name="Чытач", language="be", **extra):
    data = {"name": name, "text": text, "website": "", "token": old_token(article)}
    data.update(extra)
    return client.post(f"/{language}/comments/{article.pk}/post/", data, headers={"origin": ORIGIN})


def api_post(client, article, text="Добры тэкст", name="Чытач", **extra):
    body = {
        "article": article.pk,
        "name": name,
        "text": text,
        "website": "",
        "token": old_token(article),
    }
    body.update(extra)
    return client.post(
        "/api/comments/", body, content_type="application/json", headers={"origin": ORIGIN}
    )
