"""Other apps fill named places in newsroom's pages through hooks."""

import pytest
from wagtail import hooks

from testing.factories import make_article

pytestmark = pytest.mark.django_db


def test_article_page_renders_what_apps_register_for_its_slots(client, homes):
    article = make_article()

    def after_body(context):
        return f'<div id="after-body">{context["page"].pk}</div>'

    def aside(context):
        return '<div id="aside-slot"></div>'

    with (
        hooks.register_temporarily("newsroom_slot_article_end", after_body),
        hooks.register_temporarily("newsroom_slot_article_aside", aside),
    ):
        html = client.get(article.url).content.decode()
    assert f'<div id="after-body">{article.pk}</div>' in html
    assert html.index('id="after-body"') < html.index('id="aside-slot"')


def test_empty_slots_leave_no_trace(client, homes):
    html = client.get("/be/").content.decode()
    assert "newsroom_slot" not in html and "None" not in html
