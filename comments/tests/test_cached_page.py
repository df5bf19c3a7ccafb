"""Posting works from a page that every reader gets from the same cache entry."""

import re

import pytest
from django.test import Client

from comments.models import Comment
from testing import ORIGIN

pytestmark = pytest.mark.django_db


def test_article_html_is_the_same_for_every_reader_and_carries_no_secret(article, policy):
    first = Client().get(article.url)
    second = Client(REMOTE_ADDR="198.51.100.3", HTTP_USER_AGENT="Other").get(article.url)
    assert first.content == second.content
    html = first.content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert not first.cookies and not second.cookies


def test_a_reader_posts_with_the_token_baked_into_the_cached_html(article, policy):
    html = Client().get(article.url).content.decode()
    token = re.search(r'name="token" value="([^"]+)"', html).group(1)
    action = re.search(r'action="([^"]+/post/)"', html).group(1)
    reader = Client(enforce_csrf_checks=True)
    response = reader.post(
        action,
        {"name": "", "text": "З кэшаванай старонкі", "token": token},
        headers={"origin": ORIGIN},
    )
    assert response.status_code == 201
    assert Comment.objects.get().text == "З кэшаванай старонкі"
