"""A digest of the day's top stories by Most read, which the editor then reorders."""

import pytest
from django.test import Client

from newsletter import mail
from newsletter.models import Issue, IssueArticle, Kind
from testing.factories import make_article
from testing.readership import beacon

from .test_admin import editor  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def database_buffer(settings):
    """Readership counts in the database's buffer: no other test's Redis numbers."""
    settings.REDIS_URL = ""


def read_by(article, readers):
    for n in range(readers):
        assert beacon(Client(), article, ip=f"203.0.113.{n + 1}").status_code == 202


def test_most_read_fills_a_digest_after_the_editors_own_choice_biggest_first(editor):  # noqa: F811
    own = make_article("Выбар рэдактара", "be")
    first, second, third = (make_article(f"Навіна {n}", "be") for n in (1, 2, 3))
    elsewhere = make_article("Новость на русском", "ru")
    read_by(first, 3)
    read_by(third, 2)
    read_by(second, 1)
    read_by(elsewhere, 5)
    issue = Issue.objects.create(language="be", subject="Дайджэст")
    IssueArticle.objects.create(issue=issue, article=own, sort_order=0)

    response = editor.post(f"/admin/newsletter/{issue.pk}/most-read/")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/snippets/newsletter/issue/edit/{issue.pk}/"
    assert issue.ordered_articles() == [own, first, third, second]
    text = mail.render_issue(issue).text
    positions = [text.index(a.title) for a in (own, first, third, second)]
    assert positions == sorted(positions)
    # The edit form, where the editor reorders or removes them, lists all four.
    form = editor.get(response["Location"]).content.decode()
    assert all(f'value="{a.pk}"' in form for a in (own, first, third, second))

    # Pressing it again adds nothing twice.
    again = editor.post(f"/admin/newsletter/{issue.pk}/most-read/", follow=True)
    assert "няма новых артыкулаў" in again.content.decode()  # the admin speaks be here
    assert issue.ordered_articles() == [own, first, third, second]


def test_a_day_nobody_read_leaves_the_digest_as_it_was(editor):  # noqa: F811
    make_article("Непрачытаная навіна", "be")
    issue = Issue.objects.create(language="be", subject="Дайджэст")
    response = editor.post(f"/admin/newsletter/{issue.pk}/most-read/", follow=True)
    assert response.status_code == 200
    assert not issue.articles.exists()


def test_alerts_and_issues_already_sent_are_not_filled(editor):  # noqa: F811
    article = make_article("Навіна", "be")
    read_by(article, 1)
    alert = Issue.objects.create(language="be", subject="Тэрмінова", kind=Kind.ALERT)
    sent = Issue.objects.create(language="be", subject="Учора", state="sent")
    for issue in (alert, sent):
        assert editor.post(f"/admin/newsletter/{issue.pk}/most-read/").status_code == 404
        assert not issue.articles.exists()
