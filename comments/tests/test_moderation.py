"""Reader reports and the moderators' desk, with its audit trail and the shared bans."""

import pytest
from django.contrib.auth.models import Group, User

from comments.models import Action, Comment, ModerationAction, Reason, Status
from newsroom.models import ArticlePage
from testing import ORIGIN
from testing.comments import form_post, old_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(db):
    user = User.objects.create_user("moderator", password="pass-for-tests-only", is_staff=False)
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def posted(client, article, policy):
    form_post(client, article, text="Спрэчны каментар")
    return Comment.objects.get()


def report(client, comment, ip, reason="abuse"):
    return client.post(
        f"/api/comments/{comment.pk}/report",
        {"reason": reason},
        content_type="application/json",
        headers={"origin": ORIGIN},
        REMOTE_ADDR=ip,
    )


def count(article):
    return ArticlePage.objects.get(pk=article.pk).comment_count


def test_one_report_per_reader(client, posted):
    assert report(client, posted, "198.51.100.1").status_code == 202
    assert report(client, posted, "198.51.100.1").status_code == 202
    posted.refresh_from_db()
    assert posted.report_count == 1


def test_enough_reports_hide_the_comment_until_review(client, posted, article, policy):
    for number in range(policy.reports_to_hide):
        report(client, posted, f"198.51.{number + 1}.1")
    posted.refresh_from_db()
    assert (posted.status, posted.reason) == (Status.HIDDEN, Reason.REPORTED)
    assert count(article) == 0
    assert ModerationAction.objects.get(comment=posted).action == Action.AUTO_HIDE


def test_report_reason_must_be_from_the_list(client, posted):
    assert report(client, posted, "198.51.100.1", reason="<b>").status_code == 400
    assert posted.reports.count() == 0


def test_no_js_report_page(client, posted):
    url = f"/be/comments/report/{posted.pk}/"
    assert "Спрэчны каментар" in client.get(url).content.decode()
    response = client.post(url, {"reason": "spam"}, headers={"origin": ORIGIN})
    assert response.status_code == 200
    assert posted.reports.get().reason == "spam"


def test_desk_needs_the_moderation_right(client, posted):
    editor_less = User.objects.create_user("nobody", password="pass-for-tests-only")
    editor_less.groups.add(Group.objects.get(name="Translators"))
    client.force_login(editor_less)
    assert client.get("/admin/comments/").status_code in (302, 403)


def test_desk_queues_and_filters(client, posted, moderator, article):
    Comment.objects.filter(pk=posted.pk).update(status=Status.PENDING)
    client.force_login(moderator)
    html = client.get("/admin/comments/?queue=pending").content.decode()
    assert "Спрэчны каментар" in html
    assert "Спрэчны" not in client.get("/admin/comments/?queue=pending&q=іншае").content.decode()
    assert (
        "Спрэчны"
        in client.get(f"/admin/comments/?queue=pending&article={article.pk}").content.decode()
    )
    assert "Спрэчны" not in client.get("/admin/comments/?queue=recent").content.decode()


def test_menu_badge_counts_waiting_comments(client, posted, moderator):
    Comment.objects.filter(pk=posted.pk).update(status=Status.PENDING)
    client.force_login(moderator)
    assert "(1)" in client.get("/admin/").content.decode()


@pytest.mark.parametrize(
    ("action", "status", "counted"),
    [("hide", Status.HIDDEN, 0), ("spam", Status.SPAM, 0), ("approve", Status.PUBLISHED, 1)],
)
def test_actions_change_status_count_and_leave_a_trail(
    client, posted, moderator, article, action, status, counted
):
    client.force_login(moderator)
    client.post("/admin/comments/act/", {"comment": [posted.pk], "action": action})
    posted.refresh_from_db()
    assert posted.status == status
    assert count(article) == counted
    record = ModerationAction.objects.get(comment=posted)
    assert (record.moderator, record.action) == (moderator, action)
    detail = client.get(f"/admin/comments/{posted.pk}/").content.decode()
    assert "moderator" in detail


def test_bulk_approve_of_held_comments(client, article, policy, moderator):
    policy.premoderate_all = True
    policy.save()
    for number in range(3):
        form_post(client, article, text=f"Чакае {number}")
    ids = list(Comment.objects.values_list("pk", flat=True))
    client.force_login(moderator)
    client.post("/admin/comments/act/", {"comment": ids, "action": "approve"})
    assert Comment.objects.filter(status=Status.PUBLISHED).count() == 3
    assert count(article) == 3
    assert ModerationAction.objects.count() == 3


def test_ban_stops_the_sender_on_every_server(client, posted, moderator, article):
    client.force_login(moderator)
    client.post("/admin/comments/act/", {"comment": [posted.pk], "action": "ban", "ban_days": "7"})
    client.logout()
    response = form_post(client, article, text="Зноў я")
    # The banned sender is not told; the comment waits in Rejected.
    assert response.status_code == 201
    latest = Comment.objects.latest("pk")
    assert (latest.status, latest.reason) == (Status.REJECTED, Reason.BANNED_CLIENT)
    other = client.post(
        f"/be/comments/{article.pk}/post/",
        {"text": "Іншы чытач", "token": old_token(article)},
        headers={"origin": ORIGIN},
        REMOTE_ADDR="198.51.100.77",
    )
    assert other.status_code == 201
    assert Comment.objects.latest("pk").status == Status.PUBLISHED
