"""Editors work through typo reports in the Wagtail admin: newest first, by article."""

import json
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone

from corrections.models import TypoReport
from testing.factories import make_article

pytestmark = pytest.mark.django_db
QUEUE = "/admin/typo-reports/"


def member_of(group_name, username):
    user = User.objects.create_user(username, password="pass-for-tests-only")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def report(article, fragment, minutes_ago=0, **fields):
    when = timezone.now() - timedelta(minutes=minutes_ago)
    return TypoReport.objects.create(
        page=article,
        language="be",
        fragment=fragment,
        digest=f"{article.pk}-{fragment}-{fields.get('remark', '')}",
        created_at=when,
        last_reported_at=when,
        **fields,
    )


@pytest.fixture
def editor_client(client):
    client.force_login(member_of("Editors", "editor"))
    return client


def test_queue_groups_reports_by_article_newest_first(editor_client, article):
    other = make_article(title="Іншая навіна")
    report(article, "старое", minutes_ago=30)
    report(other, "сярэдняе", minutes_ago=20)
    report(article, "новае", minutes_ago=10)
    html = editor_client.get(QUEUE).content.decode()
    # The article with the newest report comes first, with both its reports.
    assert html.index("Фестываль у Менску") < html.index("Іншая навіна")
    assert html.index("новае") < html.index("старое") < html.index("сярэдняе")
    assert f"/admin/pages/{article.pk}/edit/" in html
    assert f"/admin/pages/{other.pk}/edit/" in html


def test_fragment_is_highlighted_in_its_context_and_escaped(editor_client, article):
    report(
        article,
        "фестываль",
        context_before="прайшоў <b>",
        context_after=" з музыкай",
        remark="<script>alert(1)</script>",
        count=3,
    )
    html = editor_client.get(QUEUE).content.decode()
    assert "прайшоў &lt;b&gt;<mark" in html
    assert ">фестываль</mark> з музыкай" in html
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_fixed_and_dismissed_reports_leave_the_queue(editor_client, article):
    first = report(article, "першае")
    second = report(article, "другое")
    response = editor_client.post(f"{QUEUE}{first.pk}/fixed/")
    assert response.status_code == 302
    editor_client.post(f"{QUEUE}{second.pk}/dismissed/")
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == TypoReport.Status.FIXED
    assert first.resolved_by.username == "editor" and first.resolved_at is not None
    assert second.status == TypoReport.Status.DISMISSED
    html = editor_client.get(QUEUE).content.decode()
    assert ">першае</mark>" not in html and ">другое</mark>" not in html
    assert "Адкрытых паведамленняў няма" in html


def test_actions_need_a_post(editor_client, article):
    open_report = report(article, "слова")
    assert editor_client.get(f"{QUEUE}{open_report.pk}/fixed/").status_code == 405
    assert editor_client.post(f"{QUEUE}{open_report.pk}/deleted/").status_code != 200
    open_report.refresh_from_db()
    assert open_report.status == TypoReport.Status.OPEN


def test_actions_are_csrf_protected(article):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(member_of("Editors", "editor"))
    open_report = report(article, "слова")
    assert strict.post(f"{QUEUE}{open_report.pk}/fixed/").status_code == 403
    open_report.refresh_from_db()
    assert open_report.status == TypoReport.Status.OPEN


def test_people_without_the_right_cannot_see_or_resolve(client, article):
    open_report = report(article, "слова")
    client.force_login(member_of("Moderators", "moderator"))
    assert "слова" not in client.get(QUEUE, follow=True).content.decode()
    client.post(f"{QUEUE}{open_report.pk}/fixed/")
    open_report.refresh_from_db()
    assert open_report.status == TypoReport.Status.OPEN


def test_readers_are_sent_to_log_in(client, article):
    report(article, "слова")
    response = client.get(QUEUE)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_menu_badge_counts_open_reports(editor_client, article):
    report(article, "адно")
    report(article, "другое")
    report(article, "трэцяе", status=TypoReport.Status.FIXED)
    html = editor_client.get("/admin/").content.decode()
    # The sidebar is drawn from JSON in the page, where Cyrillic is escaped.
    assert json.dumps("Памылкі (2)")[1:-1] in html


def test_editors_group_has_the_rights():
    editors = Group.objects.get(name="Editors")
    codenames = set(editors.permissions.values_list("codename", flat=True))
    assert {"view_typoreport", "change_typoreport", "add_correction"} <= codenames
