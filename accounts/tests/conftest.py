"""Accounts and a way to sign in through the real admin sign-in form."""

import pytest
from django.contrib.auth.models import Group, User

PASSWORD = "long enough passphrase for tests"
LOGIN_URL = "/admin/login/"


@pytest.fixture
def editor(db):
    """A member of Editors who may use the admin."""
    user = User.objects.create_user("editor", password=PASSWORD)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def chief(db):
    """A superuser."""
    return User.objects.create_superuser("chief", password=PASSWORD)


def sign_in(client, username, password=PASSWORD, code=None, **headers):
    """POST the admin sign-in form as a browser would; returns the response."""
    data = {"username": username, "password": password, "next": "/admin/"}
    if code is not None:
        data["otp_token"] = code
    return client.post(LOGIN_URL, data, **headers)


def signed_in(response):
    """The sign-in form redirects on success and shows itself again on failure."""
    return response.status_code == 302 and response["Location"] == "/admin/"
