"""Passwords: Argon2 for new ones, old PBKDF2 ones upgraded, twelve characters at least."""

import pytest
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, User
from django.test import override_settings
from django.urls import reverse
from wagtail.users.models import UserProfile

from samizdat.settings import base

from .conftest import PASSWORD, sign_in, signed_in

production_hashers = override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS)


@production_hashers
def test_a_new_password_is_stored_with_argon2(db):
    user = User.objects.create_user("new-editor", password=PASSWORD)
    assert user.password.startswith("argon2$")
    assert user.check_password(PASSWORD)


@production_hashers
def test_an_old_pbkdf2_password_still_works_and_becomes_argon2_at_sign_in(client, db):
    user = User.objects.create_user("old-editor")
    user.password = make_password(PASSWORD, hasher="pbkdf2_sha256")
    user.save()
    user.groups.add(Group.objects.get(name="Editors"))
    assert user.password.startswith("pbkdf2_sha256$")

    assert signed_in(sign_in(client, "old-editor"))
    user.refresh_from_db()
    assert user.password.startswith("argon2$")
    assert user.check_password(PASSWORD)


TOO_SHORT = "This password is too short. It must contain at least 12 characters."


def new_user_form(password):
    return {
        "username": "newcomer",
        "email": "newcomer@example.org",
        "first_name": "New",
        "last_name": "Comer",
        "password1": password,
        "password2": password,
        "is_active": "on",
        "groups": [Group.objects.get(name="Editors").pk],
    }


@pytest.fixture
def admin_client(client, chief):
    client.force_login(chief)
    return client


def test_the_admin_refuses_a_short_password_for_a_new_user(admin_client):
    response = admin_client.post(
        reverse("wagtailusers_users:add"), new_user_form("Short1pass!"), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    assert TOO_SHORT in response.content.decode()
    assert not User.objects.filter(username="newcomer").exists()


def test_the_admin_accepts_a_twelve_character_password_for_a_new_user(admin_client):
    response = admin_client.post(reverse("wagtailusers_users:add"), new_user_form("Tw3lve-chars"))
    assert response.status_code == 302
    assert User.objects.get(username="newcomer").check_password("Tw3lve-chars")


def password_change(old, new):
    return {
        "name_email-first_name": "Ed",
        "name_email-last_name": "Itor",
        "name_email-email": "editor@example.org",
        "locale-preferred_language": "en",
        "locale-current_time_zone": "",
        "theme-theme": "system",
        "theme-density": "default",
        "theme-contrast": "system",
        "theme-keyboard_shortcuts": "on",
        "password-old_password": old,
        "password-new_password1": new,
        "password-new_password2": new,
    }


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("be", "Гэты пароль занадта кароткі. Ён павінен мець не менш 12 сімвалаў."),
        ("ru", "Введённый пароль слишком короткий. Он должен состоять из как минимум 12 символов."),
        ("en", TOO_SHORT),
    ],
)
def test_an_editor_cannot_change_to_a_short_password(client, editor, language, message):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = language
    profile.save()
    client.force_login(editor)
    form = password_change(PASSWORD, "short-pass1") | {"locale-preferred_language": language}
    response = client.post(reverse("wagtailadmin_account"), form)
    assert response.status_code == 200
    assert message in response.content.decode()
    editor.refresh_from_db()
    assert editor.check_password(PASSWORD)


def test_an_editor_changes_to_a_long_password(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("wagtailadmin_account"), password_change(PASSWORD, "a much longer passphrase")
    )
    assert response.status_code == 302
    editor.refresh_from_db()
    assert editor.check_password("a much longer passphrase")
