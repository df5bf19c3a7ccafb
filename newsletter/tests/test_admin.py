import pytest
from django.contrib.auth.models import User

from newsletter.models import Issue, IssueArticle, State
from newsletter.tests.test_sending import subscriber
from testing.factories import make_article
from testing.mail import body

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = User.objects.create_superuser("editor", "editor@newsroom.example", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def issue():
    article = make_article("Галоўная навіна дня", "be", lede="Першы абзац.")
    issue = Issue.objects.create(language="be", subject="Дайджэст")
    IssueArticle.objects.create(issue=issue, article=article)
    return issue


def test_editors_see_counts_per_language_and_never_an_address(editor):
    subscriber("one@example.org", "be")
    subscriber("two@example.org", "be")
    subscriber("three@example.org", "ru")
    html = editor.get("/admin/newsletter/").content.decode()
    assert "be: <strong>2</strong>" in html and "ru: <strong>1</strong>" in html
    assert "@example.org" not in html
    assert editor.get("/admin/snippets/newsletter/subscriber/").status_code == 404


def test_an_issue_is_previewed_in_both_bodies(editor, issue):
    html = editor.get(f"/admin/newsletter/{issue.pk}/preview/html/").content.decode()
    text = editor.get(f"/admin/newsletter/{issue.pk}/preview/text/").content.decode()
    for part in (html, text):
        assert "Галоўная навіна дня" in part and "Першы абзац." in part
    assert "<h1>" in html and "<h1>" not in text


def test_a_test_copy_goes_to_the_editor_only_and_send_queues_the_issue(editor, issue, smtp):
    subscriber("reader@example.org", "be")
    editor.post(f"/admin/newsletter/{issue.pk}/test/")
    [copy] = smtp.messages
    assert copy["To"] == "editor@newsroom.example"
    assert "Галоўная навіна дня" in body(copy, "plain")
    issue.refresh_from_db()
    assert issue.state == State.DRAFT
    editor.post(f"/admin/newsletter/{issue.pk}/send/")
    issue.refresh_from_db()
    assert issue.state == State.QUEUED


def test_readers_cannot_reach_the_newsletter_admin(client, issue):
    assert client.get("/admin/newsletter/").status_code == 302
    assert client.get(f"/admin/newsletter/{issue.pk}/preview/html/").status_code == 302
