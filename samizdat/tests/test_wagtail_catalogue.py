"""Wagtail's admin in be and ru: every string editors meet is translated, in the server's
templates and in the admin's scripts, and Wagtail's wrong Belarusian words are corrected."""

import json

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from wagtail.admin.forms.auth import LoginForm
from wagtail.admin.forms.choosers import BaseFilterForm, LocaleFilterMixin
from wagtail.users.models import UserProfile

from samizdat import wagtail_gaps

OURS = settings.BASE_DIR / "samizdat" / "wagtail_locale"


@pytest.mark.parametrize("language", ["be", "ru"])
def test_no_string_editors_meet_is_left_in_english(language):
    assert wagtail_gaps.gaps(language) == []


def test_without_our_catalogue_the_gaps_show():
    # The check finds what it is for: Wagtail's own be catalogue alone leaves hundreds.
    without = [path for path in settings.LOCALE_PATHS if path != OURS]
    assert len(without) < len(settings.LOCALE_PATHS)
    with override_settings(LOCALE_PATHS=without):
        missing = {msgid for _package, _domain, msgid in wagtail_gaps.gaps("be")}
    assert {"View history", "Go-live:", "Sort menu order", "Autosave is paused"} <= missing
    assert "Write something or type ‘/’ to insert a block" in missing  # the rich text's


@pytest.mark.parametrize(
    ("english", "wagtails", "ours"),
    [
        ("Move", "Рухайцеся", "Перанесці"),
        ("Switch locales", "Пераключэнне лакалізацыі", "Пераключыць мову"),
        ("Yes, unpublish it", "Так, апублікаваць", "Так, зняць з публікацыі"),
        ("Move down", "Падвінусь уніз", "Ніжэй"),
        ("Heading 2", "Заголовак 2", "Загаловак 2"),
    ],
)
def test_wagtails_wrong_belarusian_words_are_corrected(english, wagtails, ours):
    without = [path for path in settings.LOCALE_PATHS if path != OURS]
    with override_settings(LOCALE_PATHS=without), translation.override("be"):
        assert translation.gettext(english) == wagtails
    with translation.override("be"):
        assert translation.gettext(english) == ours


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["be", "ru"])
def test_the_admin_scripts_get_every_string_in_the_editors_language(client, language):
    editor = User.objects.create_superuser(f"editor-{language}", password="pass-for-tests-only")
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = language
    profile.save()
    client.force_login(editor)

    served = client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()
    catalogue = json.loads(served.split("const newcatalog = ")[1].split("};")[0] + "}")
    asked = wagtail_gaps.scripts_msgids()
    assert {"Changes have been autosaved.", "Write something or type ‘/’ to insert a block"} <= set(
        asked
    )
    assert [msgid for msgid in asked if not catalogue.get(msgid)] == []


@pytest.mark.parametrize(("language", "label"), [("be", "Мова"), ("ru", "Язык")])
def test_the_choosers_language_filter_is_labelled_in_the_editors_language(homes, language, label):
    # Wagtail gives the field no label, and Django's made-up "Locale" escapes every catalogue.
    form = type("FilterForm", (LocaleFilterMixin, BaseFilterForm), {})()
    with translation.override(language):
        assert str(form.fields["locale"].label) == label


@pytest.mark.parametrize(("language", "label"), [("be", "Пароль"), ("ru", "Пароль")])
def test_the_sign_in_password_is_labelled_in_the_editors_language(language, label):
    with translation.override(language):
        assert str(LoginForm().fields["password"].label) == label
