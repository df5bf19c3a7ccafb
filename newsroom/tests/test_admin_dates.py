"""Editors schedule and date articles in the admin whatever language the admin speaks.

The admin's date picker writes dates in one format (WAGTAIL_DATETIME_FORMAT) in every
language; the form reads them back with the input formats of the admin's language.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django import forms
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.urls import reverse
from django.utils import translation
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

from newsroom.models import ArticlePage
from testing.factories import make_article, section

MINSK = ZoneInfo("Europe/Minsk")
GO_LIVE = datetime(2031, 12, 6, 5, 34, tzinfo=MINSK)
PUBLISHED = datetime(2026, 6, 27, 18, 5, tzinfo=MINSK)
# "" is the profile's "use server language".
ADMIN_LANGUAGES = ["be", "ru", "en", ""]
ERROR = {
    "be": "Пазначце чынныя час і дату.",
    "ru": "Введите правильную дату и время.",
    "en": "Enter a valid date/time.",
}


@pytest.fixture
def editor(db):
    user = User.objects.create_user(
        "dated-editor", password="pass-for-tests-only", first_name="Алесь", last_name="Дата"
    )
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def speaking(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def picker_text(moment, fmt=None):
    """What the picker writes in the field: the widget's format, in the admin's time zone."""
    return moment.astimezone(MINSK).strftime(fmt or settings.WAGTAIL_DATETIME_FORMAT)


def edit_form(article, **extra):
    data = {
        "title": article.title,
        "slug": article.slug,
        "lede": article.lede,
        "body": streamfield([("paragraph", rich_text("<p>Тэкст.</p>"))]),
        "bylines": inline_formset([]),
        "section": section("society").pk,
        "tags": "",
        "comments": inline_formset([]),
    }
    data.update(extra)
    return nested_form_data(data)


def assert_saved(response):
    """The edit view redirects when it saved, and shows the form again with errors if not."""
    errors = response.context["form"].errors.as_data() if response.status_code == 200 else {}
    assert response.status_code == 302, errors


@pytest.mark.parametrize("language", ADMIN_LANGUAGES)
def test_editor_sets_a_schedule_with_the_picker_format(client, editor, language):
    article = make_article(title="Заўтрашні выпуск", publish=False)
    client.force_login(speaking(editor, language))

    # The dialog's "Save schedule" saves a draft with the go-live time it holds.
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        edit_form(article, go_live_at=picker_text(GO_LIVE)),
    )

    assert_saved(response)
    draft = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert draft.go_live_at == GO_LIVE


@pytest.mark.parametrize("language", ADMIN_LANGUAGES)
def test_editor_schedules_publication_with_the_picker_format(client, editor, language):
    article = make_article(title="Выпуск па раскладзе", publish=False)
    client.force_login(speaking(editor, language))

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        edit_form(
            article,
            go_live_at=picker_text(GO_LIVE),
            publication_date=picker_text(PUBLISHED),
            **{"action-publish": "action-publish"},
        ),
    )

    assert_saved(response)
    article.refresh_from_db()
    assert not article.live
    assert article.has_unpublished_changes
    scheduled = article.scheduled_revision.as_object()
    assert scheduled.go_live_at == GO_LIVE
    assert scheduled.publication_date == PUBLISHED


@pytest.mark.parametrize("language", ADMIN_LANGUAGES)
def test_the_publication_date_the_edit_form_shows_saves_back_unchanged(client, editor, language):
    article = make_article(title="Дата ў форме")
    article.publication_date = PUBLISHED
    article.save_revision().publish()
    client.force_login(speaking(editor, language))
    edit = reverse("wagtailadmin_pages:edit", args=[article.pk])

    shown = client.get(edit).content.decode()
    assert f'value="{picker_text(PUBLISHED)}"' in shown
    response = client.post(edit, edit_form(article, publication_date=picker_text(PUBLISHED)))

    assert_saved(response)
    assert ArticlePage.objects.get(
        pk=article.pk
    ).get_latest_revision_as_object().publication_date == (PUBLISHED)


@pytest.mark.parametrize("language", ADMIN_LANGUAGES)
def test_a_date_the_picker_cannot_have_written_is_refused_in_the_admins_language(
    client, editor, language
):
    article = make_article(title="Няправільная дата", publish=False)
    client.force_login(speaking(editor, language))

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        edit_form(article, go_live_at="31.02.2031 05:34"),
    )

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["go_live_at"]
    assert ERROR[language or settings.LANGUAGE_CODE] in response.content.decode()
    assert ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object().go_live_at is None


@pytest.mark.parametrize("language", [code for code, _ in settings.LANGUAGES])
def test_every_language_reads_back_what_the_admin_date_widgets_write(language):
    with translation.override(language):
        moment = forms.DateTimeField(widget=AdminDateTimeInput())
        day = forms.DateField(widget=AdminDateInput())
        assert moment.clean(moment.widget.format_value(PUBLISHED)) == PUBLISHED
        assert day.clean(day.widget.format_value(PUBLISHED.date())) == PUBLISHED.date()
