"""Every reader response says what the browser may load and do."""

import pytest
from django.test import Client

from newsroom.tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("cached", [False, True])
def test_reader_pages_carry_a_strict_policy(homes, cached):
    article = make_article()
    if cached:
        Client().get(article.url)
    response = Client().get(article.url)
    assert (response.get("X-Page-Cache") == "hit") is cached
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "camera=()" in response["Permissions-Policy"]


def test_reader_pages_have_no_inline_script(client, homes):
    html = client.get(make_article().url).content.decode()
    for tag in html.split("<script")[1:]:
        opening = tag.split(">", 1)[0]
        assert 'src="/static/' in opening or 'type="application/ld+json"' in opening, opening
