"""Every reader response says what the browser may load and do."""

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from testing.factories import make_article

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
    # A script is ours from /static/, or a data block that no browser runs (JSON, JSON-LD).
    data_blocks = ('type="application/ld+json"', 'type="application/json"')
    for tag in html.split("<script")[1:]:
        opening = tag.split(">", 1)[0]
        assert 'src="/static/' in opening or any(kind in opening for kind in data_blocks), opening


def policy_of(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    parts = (part.split() for part in response["Content-Security-Policy"].split(";"))
    return {words[0]: words[1:] for words in parts if words}


@pytest.fixture
def editor_client(client):
    editor = User.objects.create_user("previewer", password="pass-for-tests-only")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    return client


def preview_form(article, title):
    return nested_form_data(
        {
            "title": title,
            "slug": article.slug,
            "lede": article.lede,
            "body": streamfield([("paragraph", rich_text("<p>Тэкст.</p>"))]),
            "bylines": inline_formset([]),
            "section": "",
            "tags": "",
            "comments": inline_formset([]),
        }
    )


@pytest.mark.parametrize("debug", [False, True])
def test_the_admin_may_frame_its_preview_and_no_one_may_frame_reader_pages(
    homes, editor_client, settings, debug
):
    settings.DEBUG = debug  # manage.py runserver serves with DEBUG on
    article = make_article(title="Надрукаваны загаловак")
    preview = f"/admin/pages/{article.pk}/edit/preview/"

    # As the side panel does: send the form being edited, then load the preview in a frame.
    sent = editor_client.post(preview, preview_form(article, "Загаловак у чарнавіку"))
    assert sent.json()["is_valid"]
    framed = editor_client.get(preview, {"mode": "", "in_preview_panel": "true"})

    assert framed.status_code == 200
    assert "Загаловак у чарнавіку" in framed.content.decode()
    policy = policy_of(framed)
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["script-src"] == ["'self'"] and policy["default-src"] == ["'self'"]
    assert framed["X-Frame-Options"] == "SAMEORIGIN"

    draft = editor_client.get(f"/admin/pages/{article.pk}/view_draft/")
    assert policy_of(draft)["frame-ancestors"] == ["'self'"]

    for _ in range(2):  # rendered, then from the page cache
        reader = Client().get(article.url)
        assert "Загаловак у чарнавіку" not in reader.content.decode()
        assert_strict_policy(reader)
