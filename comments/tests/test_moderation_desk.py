"""The moderation desk as moderators use it: filters in sight, no action chosen for them."""

import pytest
from bs4 import BeautifulSoup

from comments.models import Comment, CommentReport, ReportReason, Status
from testing.comments import form_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def reported(client, article, policy):
    form_post(client, article, text="Каментар са скаргамі")
    comment = Comment.objects.get()
    for number, reason in enumerate(
        [ReportReason.PERSONAL_DATA, ReportReason.PERSONAL_DATA, ReportReason.SPAM]
    ):
        CommentReport.objects.create(comment=comment, reason=reason, client=f"c{number}")
    Comment.objects.filter(pk=comment.pk).update(report_count=3)
    return comment


def desk(client, moderator, query="", language="be"):
    client.force_login(moderator)
    html = client.get(f"/admin/comments/{query}", headers={"accept-language": language})
    return BeautifulSoup(html.content, "html.parser")


def test_no_action_is_chosen_until_the_moderator_chooses_one(client, moderator, reported):
    page = desk(client, moderator, "?queue=reported")
    action = page.find("select", attrs={"name": "action"})
    chosen = action.find("option", selected=True) or action.find("option")
    assert chosen["value"] == ""
    assert chosen.get_text(strip=True) == "Выберыце дзеянне"


def test_applying_without_choosing_an_action_changes_nothing(client, moderator, reported):
    client.force_login(moderator)
    response = client.post("/admin/comments/act/", {"comment": [reported.pk], "action": ""})
    assert response.status_code == 302
    reported.refresh_from_db()
    assert reported.status == Status.PUBLISHED
    assert not reported.actions.exists()


def test_queue_shows_why_readers_reported_a_comment(client, moderator, reported):
    page = desk(client, moderator, "?queue=reported")
    row = next(row for row in page.select("tbody tr") if "Каментар са скаргамі" in row.text)
    reasons = row.find(attrs={"data-report-reasons": True}).get_text(" ", strip=True)
    assert "Асабістыя даныя ×2" in reasons
    assert "Спам" in reasons


def test_filters_are_labelled_fields_a_moderator_can_see(client, moderator, reported):
    page = desk(client, moderator, "?queue=reported")
    filters = page.find("form", attrs={"role": "search"})
    for name in ["article", "q"]:
        field = filters.find("input", attrs={"name": name})
        # Untyped inputs get none of the admin's field styles: no border, nothing to see.
        assert field.get("type") == "text", name
        assert filters.find("label", attrs={"for": field["id"]}), name
    reason = filters.find("select", attrs={"name": "reason"})
    assert [option["value"] for option in reason.find_all("option")][1:] == list(ReportReason)


def test_reason_filter_keeps_only_comments_reported_for_it(client, moderator, reported):
    assert "Каментар са скаргамі" in desk(client, moderator, "?queue=reported&reason=spam").text
    assert (
        "Каментар са скаргамі" not in desk(client, moderator, "?queue=reported&reason=abuse").text
    )
