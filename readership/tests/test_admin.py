"""Editors' figures: the Today panel and one article's readership page."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model

from readership.flush import flush
from testing.factories import make_article
from testing.readership import beacon, like

pytestmark = pytest.mark.django_db
NOON = datetime(2026, 6, 27, 12, 0, tzinfo=UTC)


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pass")
    client.force_login(user)
    return client


def test_dashboard_shows_today_with_readers_likes_and_now_reading(
    client, editor_client, homes, buffer_kind
):
    article = make_article(title="Галоўная навіна дня")
    with time_machine.travel(NOON, tick=False):
        for number in range(3):
            beacon(client, article, ip=f"203.0.113.{number}")
        like(client, article)
        html = editor_client.get("/admin/").content.decode()
    panel = html.split('id="readership-today-section"')[1]
    assert "Галоўная навіна дня" in panel
    row = panel.split("Галоўная навіна дня")[1].split("</tr>")[0]
    assert [cell.split("<")[0] for cell in row.split("<td>")[1:]] == ["3", "1", "0", "3"]


def test_article_figures_show_days_and_a_chart(client, editor_client, homes, buffer_kind):
    article = make_article()
    with time_machine.travel(NOON - timedelta(days=1), tick=False):
        beacon(client, article)
        beacon(client, article, ip="203.0.113.2")
    with time_machine.travel(NOON, tick=False):
        flush()
        beacon(client, article)
        response = editor_client.get(f"/admin/readership/article/{article.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<svg" in html and html.count("<rect") == 30
    days = response.context["days"]
    assert (days[-2]["readers"], days[-2]["views"]) == (2, 2)
    assert (days[-1]["readers"], days[-1]["views"]) == (1, 1)
    assert response.context["totals"]["readers"] == 3
    # Coordinates stay dot-decimal whatever the admin's language.
    assert 'x="0.0"' in html and "," not in html.split("<rect")[1].split(">")[0]


def test_article_edit_page_links_to_its_figures(editor_client, homes):
    article = make_article()
    html = editor_client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    assert f"/admin/readership/article/{article.pk}/" in html


def test_figures_need_an_editor(client, homes):
    article = make_article()
    user = get_user_model().objects.create_user("reader", "r@example.org", "pass")
    client.force_login(user)
    response = client.get(f"/admin/readership/article/{article.pk}/")
    assert response.status_code in {302, 403}
