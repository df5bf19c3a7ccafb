"""Every reader response says what the browser may load and do."""

import pytest
from django.test import Client

from newsroom.tests.factories import make_article

pytestmark = pytest.mark.django_db


# What a reader can be sent: pages, lists, search, errors, feeds and JSON.
READER_ADDRESSES = [
    "/be/",
    "/ru/news/",
    "/en/search/?q=flood",
    "/be/no-such-page/",
    "/be/feed/",
    "/be/lite/",
    "/be/blocked/",
    "/mirrors.json",
    "/api/readership/live?lang=be",
    "/api/schema/",
]


def assert_strict_policy(response):
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy
    # No source but our own origin: no scheme, host or wildcard anywhere in the policy.
    sources = {word for part in policy.split(";") for word in part.split()[1:]}
    assert sources <= {"'self'", "'none'", "data:", "blob:"}, sources
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.parametrize("cached", [False, True])
def test_reader_pages_carry_a_strict_policy(homes, cached):
    article = make_article()
    if cached:
        Client().get(article.url)
    response = Client().get(article.url)
    assert (response.get("X-Page-Cache") == "hit") is cached
    assert_strict_policy(response)


@pytest.mark.parametrize("address", READER_ADDRESSES)
def test_every_kind_of_reader_response_carries_the_policy(homes, address):
    make_article(title="Flood in Gomel", language="en", section_slug=None)
    for _ in range(2):  # rendered, then (where cached) from the page cache
        response = Client().get(address)
        assert response.status_code in (200, 404), response.status_code
        assert_strict_policy(response)


def test_reader_pages_have_no_inline_script(client, homes):
    html = client.get(make_article().url).content.decode()
    for tag in html.split("<script")[1:]:
        opening = tag.split(">", 1)[0]
        assert 'src="/static/' in opening or 'type="application/ld+json"' in opening, opening
