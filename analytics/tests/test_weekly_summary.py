"""The weekly summary: mailed to each editor in their admin language through a real SMTP
server, with the dashboard's own figures, once a week whatever the worker does, and with
nothing in it that could name a reader."""

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile

from analytics import summary_mail, weekly
from analytics.models import WeeklySummary
from readership import clock
from readership.flush import flush
from readership.models import EngagementDay, RolledDay
from testing.factories import make_article, member_of
from testing.mail import body
from testing.readership import leave, view
from testing.worker import run_to_the_end, shared_database, worker_environment

from .test_dashboard import csv_rows, table_rows

pytestmark = pytest.mark.django_db

# A Wednesday: the last closed week ran from Monday 29 June to Sunday 5 July 2026.
NOW = datetime(2026, 7, 8, 12, 0, tzinfo=UTC)
LAST_WEEK = datetime(2026, 7, 2, 10, 0, tzinfo=UTC)
WEEK_BEFORE = datetime(2026, 6, 24, 10, 0, tzinfo=UTC)
THIS_WEEK = datetime(2026, 7, 7, 10, 0, tzinfo=UTC)
SUBJECTS = {
    "be": "Тыднёвы агляд: 29.06.2026 – 05.07.2026",
    "ru": "Недельная сводка: 29.06.2026 – 05.07.2026",
    "en": "Weekly summary: 29.06.2026 – 05.07.2026",
}
READER_IP = "198.51.100.77"
SECRET = "s3cr3t-t0k3n"


@pytest.fixture(autouse=True)
def _main_domain(settings):
    settings.CANONICAL_BASE_URL = "http://testserver"


def editor(name, language):
    user = member_of("Editors", name)
    user.email = f"{name}@example.org"
    user.save()
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.fixture
def editors():
    found = {language: editor(f"editor-{language}", language) for language in ("be", "ru", "en")}
    member_of("Editors", "no-address")  # no e-mail address: nothing to send to
    get_user_model().objects.create_superuser("admin", "admin@example.org", "pass")
    return found


def read(client, article, readers, referrer, seconds, scroll, first_ip):
    for number in range(readers):
        ip = f"203.0.113.{first_ip + number}"
        assert view(client, article, referrer=referrer, ip=ip).status_code == 202
        leave(client, article, seconds=seconds, scroll=scroll, referrer=referrer, ip=ip)


@pytest.fixture
def weeks(client, homes):
    """Beacons over three weeks, as readers' pages send them, flushed."""
    first = make_article(title="Першая навіна тыдня", published_at=WEEK_BEFORE - clock.DAY)
    second = make_article(title="Другая навіна", published_at=LAST_WEEK - clock.DAY)
    third = make_article(title="Русская новость", language="ru", published_at=WEEK_BEFORE)
    with time_machine.travel(WEEK_BEFORE, tick=False):
        read(client, first, 2, "www.google.com", 20, 50, first_ip=1)
        read(client, third, 1, "t.me", 5, 25, first_ip=5)
    with time_machine.travel(LAST_WEEK, tick=False):
        read(client, first, 3, "https://news.google.com/read?q=x", 40, 100, first_ip=10)
        read(client, second, 2, "android-app://org.telegram.messenger", 10, 50, first_ip=20)
        read(client, third, 1, "", 700, 100, first_ip=30)
    with time_machine.travel(THIS_WEEK, tick=False):
        read(client, second, 4, "t.me", 30, 50, first_ip=40)  # not closed: not in the summary
    with time_machine.travel(NOW, tick=False):
        flush()
    return first, second, third


def numbers_after(text, label):
    """The figures on the line that starts with the label."""
    line = next(line for line in text.splitlines() if line.startswith(label))
    return re.findall(r"\d+(?:\.\d+)?|–", line.removeprefix(label))


def test_each_editor_gets_the_weeks_figures_in_their_language_as_the_dashboard_shows_them(
    smtp, client, editors, weeks
):
    first, second, third = weeks
    with time_machine.travel(NOW, tick=False):
        assert summary_mail.send_due() == 3
    assert sorted(m["To"] for m in smtp.messages) == [
        "editor-be@example.org",
        "editor-en@example.org",
        "editor-ru@example.org",
    ]
    for language, user in editors.items():
        (message,) = smtp.to(user.email)
        # The parser keeps the space of the folded, encoded header; mail clients drop it.
        assert message["Subject"].strip() == SUBJECTS[language]
    english = body(smtp.to("editor-en@example.org")[0], "plain")
    belarusian = body(smtp.to("editor-be@example.org")[0], "plain")
    assert "Top stories" in english and "Referrer domains" in english
    assert "Лепшыя матэрыялы" in belarusian

    # The dashboard's own figures for the same week.
    admin = get_user_model().objects.get(username="admin")
    UserProfile.objects.update_or_create(user=admin, defaults={"preferred_language": "en"})
    client.force_login(admin)
    period = {"by": "language", "first": "2026-06-29", "last": "2026-07-05"}
    with time_machine.travel(NOW, tick=False):
        groups = csv_rows(client.get("/admin/analytics/period/", {**period, "csv": "groups"}))
        referrers = csv_rows(client.get("/admin/analytics/period/", {**period, "csv": "referrers"}))
        page = client.get("/admin/analytics/weekly/", {"week": "2026-07-01"})
    assert page.status_code == 200
    views = sum(int(row[2]) for row in groups)
    views_before = sum(int(row[3]) for row in groups)
    assert (views, views_before) == (6, 3)
    assert numbers_after(english, "Views:")[:2] == ["6", "3"]
    assert numbers_after(english, "Articles read:") == ["3"]
    # 3 × 40 s, 2 × 10 s, 1 × 600 s (capped): the median view reached 40 s.
    assert "Median engaged time: 0:40 (previous week: 0:20)" in english

    # Referrer domains: the dashboard's rows, in its order, in the mail.
    mailed = [line for line in english.splitlines() if line.startswith("- ")]
    assert [line.removeprefix("- ").split(": ")[0] for line in mailed] == [
        row[0] for row in referrers
    ]
    for line, row in zip(mailed, referrers, strict=True):
        assert numbers_after(line, f"- {row[0]}:")[:2] == [row[1], row[2]]
    assert [row[:3] for row in referrers][:3] == [
        ["google.com", "3", "2"],
        ["app:org.telegram.messenger", "2", "0"],
        ["Direct, bookmarks, or not told", "1", "0"],
    ]

    # Top stories: the weekly page's table and its CSV, line for line.
    html = page.content.decode()
    top = table_rows(html, "top")
    assert [row[:4] for row in top] == [
        ["Першая навіна тыдня", "be", "3", "2"],
        ["Другая навіна", "be", "2", "0"],
        ["Русская новость", "ru", "1", "1"],
    ]
    with time_machine.travel(NOW, tick=False):
        exported = client.get("/admin/analytics/weekly/", {"week": "2026-07-01", "csv": "top"})
    assert csv_rows(exported) == top
    for number, row in enumerate(top, 1):
        assert f"{number}. {row[0]} [{row[1]}]: {row[2]} (previous week: {row[3]})" in english
    html_part = body(smtp.to("editor-en@example.org")[0], "html")
    assert "<td>Першая навіна тыдня</td><td>be</td><td>3</td><td>2</td>" in html_part


def test_the_summary_goes_once_a_week_and_again_only_if_not_known_sent(smtp, editors, weeks):
    with time_machine.travel(NOW, tick=False):
        assert summary_mail.send_due() == 3
        assert summary_mail.send_due() == 0
    with time_machine.travel(NOW + timedelta(days=4), tick=False):  # Sunday: same week
        assert summary_mail.send_due() == 0
    assert len(smtp.messages) == 3
    # Killed after the relay took the message, before "sent" was committed: sent again,
    # under the same Message-ID, so the editor's mail client shows one message.
    row = WeeklySummary.objects.get(editor=editors["ru"])
    WeeklySummary.objects.filter(pk=row.pk).update(state=WeeklySummary.State.SENDING)
    with time_machine.travel(NOW, tick=False):
        assert summary_mail.send_due() == 1
    first, again = smtp.to("editor-ru@example.org")
    assert first["Message-ID"] == again["Message-ID"]
    with time_machine.travel(NOW + timedelta(days=5), tick=False):  # the next Monday
        assert summary_mail.send_due() == 3
    assert len(smtp.messages) == 7
    assert WeeklySummary.objects.filter(state=WeeklySummary.State.SENT).count() == 6


def test_a_relay_that_fails_leaves_the_summary_for_the_next_run(smtp, editors, weeks):
    smtp.refuse["editor-be@example.org"] = "451 Try again later"
    with time_machine.travel(NOW, tick=False):
        assert summary_mail.send_due() == 2
        del smtp.refuse["editor-be@example.org"]
        assert summary_mail.send_due() == 1
    assert len(smtp.to("editor-be@example.org")) == 1


@pytest.mark.django_db(transaction=True)
def test_restarted_workers_send_the_week_once(smtp, settings, site_skeleton, tmp_path):
    """Real `manage.py worker` processes, one after another, against the test's SMTP server."""
    editors = [editor(f"editor-{language}", language) for language in ("be", "ru", "en")]
    article = make_article(title="Навіна тыдня", section_slug=None)
    week = weekly.last_closed_week()
    EngagementDay.objects.create(
        article=article, day=week + timedelta(days=2), host="main", referrer="t.me", views=7
    )
    RolledDay.objects.create(day=week + timedelta(days=2))
    with shared_database(tmp_path) as database_file:
        environment = worker_environment(
            "database",
            database_file,
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(settings.EMAIL_PORT),
            CANONICAL_BASE_URL="http://testserver",
        )
        for _restart in range(3):
            run_to_the_end(environment)
    assert sorted(m["To"] for m in smtp.messages) == sorted(user.email for user in editors)
    english = body(smtp.to("editor-en@example.org")[0], "plain")
    assert numbers_after(english, "Views:")[:2] == ["7", "0"]
    assert set(WeeklySummary.objects.values_list("week", "state")) == {(week, "sent")}


def test_no_reader_identifier_reaches_the_summary(smtp, client, editors, homes):
    article = make_article(title="Навіна", published_at=LAST_WEEK - clock.DAY)
    agent = "Mozilla/5.0 (X11; Linux x86_64) ReaderBrowser/7.7"
    referrer = f"https://mail.example.com/inbox/reader-name?token={SECRET}"
    with time_machine.travel(LAST_WEEK, tick=False):
        view(client, article, referrer=referrer, ip=READER_IP)
        leave(client, article, referrer=referrer, ip=READER_IP, HTTP_USER_AGENT=agent)
    with time_machine.travel(NOW, tick=False):
        flush()
        assert summary_mail.send_due() == 3
        client.force_login(get_user_model().objects.get(username="admin"))
        page = client.get("/admin/analytics/weekly/").content.decode()
    shown = [page] + [body(m, "plain") for m in smtp.messages]
    shown += [body(m, "html") for m in smtp.messages]
    raw = [m.as_string() for m in smtp.messages] + [str(m.items()) for m in smtp.messages]
    for text in shown:
        assert "example.com" in text  # the referrer's domain is counted
    for text in shown + raw:
        for identifier in (READER_IP, "ReaderBrowser", SECRET, "reader-name", "inbox"):
            assert identifier not in text
    # What the summary keeps: which week went to which editor, nothing about readers.
    fields = {field.name for field in WeeklySummary._meta.get_fields()}
    assert fields == {"id", "week", "editor", "state", "sent_at"}


@pytest.mark.parametrize(
    ("week", "message"),
    [("2099-01-05", "Эта неделя ещё не закончилась."), ("not a date", "Введите правильную дату.")],
)
def test_a_bad_week_is_explained_and_the_last_week_shown(client, homes, week, message):
    user = get_user_model().objects.create_superuser("ed", "ed@example.org", "pass")
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "ru"})
    client.force_login(user)
    with time_machine.travel(NOW, tick=False):
        response = client.get("/admin/analytics/weekly/", {"week": week})
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "29.06.2026" in html  # the last closed week instead
