"""Reader reports: one person cannot take a comment down, nor report without end."""

import pytest
import time_machine

from comments.models import Action, Comment, CommentReport, Reason, Status, refresh_comment_count
from comments.services import apply
from newsroom.models import ArticlePage
from testing import ORIGIN
from testing.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def still_clock():
    """The clock stands still, so no limit's minute ends in the middle of a test."""
    with time_machine.travel("2026-06-27 12:00:10 +00:00", tick=False):
        yield


def published_comments(article, number=8):
    made = [
        Comment.objects.create(
            article=article,
            author_name="Чытач",
            text=f"Спрэчны каментар {n}",
            status=Status.PUBLISHED,
            client="0" * 32,
            language=article.locale.language_code,
        )
        for n in range(number)
    ]
    refresh_comment_count(article.pk)
    return made


@pytest.fixture
def comments(article, policy):
    return published_comments(article)


def report(client, comment, reason="abuse", **headers):
    return client.post(
        f"/api/comments/{comment.pk}/report",
        {"reason": reason},
        content_type="application/json",
        headers={"origin": ORIGIN},
        **headers,
    )


def status_of(comment):
    comment.refresh_from_db()
    return comment.status


def test_one_address_counts_once_whatever_user_agent_it_sends(client, comments, policy):
    target = comments[0]
    for number in range(policy.reports_to_hide + 2):
        headers = {"REMOTE_ADDR": "203.0.113.7", "HTTP_USER_AGENT": f"Agent/{number}"}
        assert report(client, target, **headers).status_code == 202
    assert status_of(target) == Status.PUBLISHED
    assert target.report_count == 1


def test_forwarded_entries_a_client_writes_do_not_make_it_many(client, comments, policy, settings):
    settings.TRUST_X_FORWARDED_FOR = True  # one proxy hop: nginx as documented
    settings.TRUSTED_PROXY_HOPS = 1
    target = comments[0]
    for number in range(policy.reports_to_hide + 2):
        forwarded = f"198.51.{number}.1, 203.0.113.7"
        report(client, target, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert status_of(target) == Status.PUBLISHED
    assert target.report_count == 1


def test_a_few_addresses_of_one_network_count_once(client, comments, policy):
    target = comments[0]
    for number in range(policy.reports_to_hide + 2):
        report(client, target, REMOTE_ADDR=f"203.0.113.{number + 10}")
    assert status_of(target) == Status.PUBLISHED
    assert target.report_count == 1


def test_reports_from_independent_networks_hold_the_comment_for_a_moderator(
    client, comments, policy, article
):
    target = comments[0]
    for number in range(policy.reports_to_hide):
        assert report(client, target, REMOTE_ADDR=f"198.51.{number}.9").status_code == 202
    target.refresh_from_db()
    assert (target.status, target.reason, target.report_count) == (
        Status.HIDDEN,
        Reason.REPORTED,
        policy.reports_to_hide,
    )
    # Held, not deleted: the text and the reports wait for a moderator, who may approve it.
    assert CommentReport.objects.filter(comment=target).count() == policy.reports_to_hide
    apply(target, Action.APPROVE, moderator=None)
    assert status_of(target) == Status.PUBLISHED
    assert ArticlePage.objects.get(pk=article.pk).comment_count == len(comments)


def test_reporting_is_limited_per_address(client, comments):
    agents = [f"Agent/{n}" for n in range(len(comments))]
    codes = [
        report(client, comment, REMOTE_ADDR="203.0.113.7", HTTP_USER_AGENT=agent).status_code
        for comment, agent in zip(comments[:7], agents, strict=False)
    ]
    assert codes == [202] * 5 + [429, 429]
    assert CommentReport.objects.count() == 5
    assert not CommentReport.objects.filter(comment__in=comments[5:]).exists()
    assert report(client, comments[5], REMOTE_ADDR="198.51.100.1").status_code == 202


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("be", "Вы скардзіцеся занадта часта. Калі ласка, пачакайце крыху."),
        ("ru", "Вы жалуетесь слишком часто. Пожалуйста, подождите немного."),
        ("en", "You are reporting too often. Please wait a little."),
    ],
)
def test_a_reader_reporting_too_often_is_told_in_the_articles_language(
    client, homes, policy, language, message
):
    comments = published_comments(make_article(language=language, section_slug=None), 6)
    for comment in comments[:5]:
        report(client, comment, REMOTE_ADDR="203.0.113.7")
    refused = report(client, comments[5], REMOTE_ADDR="203.0.113.7")
    assert (refused.status_code, refused.json()["error"]) == (429, message)
    assert refused.json()["code"] == "rate_limited"


def test_the_page_without_javascript_is_limited_too(client, comments):
    for comment in comments[:5]:
        report(client, comment, REMOTE_ADDR="203.0.113.7")
    url = f"/be/comments/report/{comments[5].pk}/"
    response = client.post(
        url, {"reason": "spam"}, headers={"origin": ORIGIN}, REMOTE_ADDR="203.0.113.7"
    )
    assert response.status_code == 429
    assert "Вы скардзіцеся занадта часта" in response.content.decode()
    assert not comments[5].reports.exists()
