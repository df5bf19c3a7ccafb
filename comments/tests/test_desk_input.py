"""The moderation desk takes odd input calmly: no 500, no redirect away from the admin."""

import pytest

from comments.models import Comment, ModerationAction, Status
from testing.comments import form_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def posted(client, article, policy):
    form_post(client, article, text="Каментар для стала")
    return Comment.objects.get()


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "/be/"])
def test_an_act_without_an_action_stays_on_the_desk(client, posted, moderator, target):
    client.force_login(moderator)
    response = client.post("/admin/comments/act/", {"comment": [posted.pk], "next": target})
    assert response.status_code == 302
    assert response["Location"] == "/admin/comments/"


def test_the_desk_keeps_its_own_next_page(client, posted, moderator):
    client.force_login(moderator)
    target = "/admin/comments/?queue=recent"
    response = client.post("/admin/comments/act/", {"comment": [posted.pk], "next": target})
    assert response["Location"] == target


@pytest.mark.parametrize("value", ["²", "١", "99999999999999999999999", "-1"])
def test_an_article_filter_that_is_no_id_is_ignored(client, posted, moderator, value):
    client.force_login(moderator)
    response = client.get("/admin/comments/", {"queue": "recent", "article": value})
    assert response.status_code == 200
    assert posted.text in response.content.decode()


@pytest.mark.parametrize("comment", ["²", "١", "99999999999999999999999"])
def test_a_comment_that_is_no_id_changes_nothing(client, posted, moderator, comment):
    client.force_login(moderator)
    response = client.post("/admin/comments/act/", {"comment": [comment], "action": "hide"})
    assert response.status_code == 302
    posted.refresh_from_db()
    assert posted.status == Status.PUBLISHED
    assert not ModerationAction.objects.exists()


@pytest.mark.parametrize("days", ["³", "٣", "99999999999999999999999"])
def test_ban_days_that_are_no_number_ban_for_a_week(client, posted, moderator, days):
    client.force_login(moderator)
    response = client.post(
        "/admin/comments/act/", {"comment": [posted.pk], "action": "ban", "ban_days": days}
    )
    assert response.status_code == 302
    posted.refresh_from_db()
    assert posted.status != Status.PUBLISHED
    assert ModerationAction.objects.get(comment=posted).action == "ban"
