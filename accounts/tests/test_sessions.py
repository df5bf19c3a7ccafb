"""Admin sessions end at browser close and eight hours after sign-in, however busy."""

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.conf import settings

from .conftest import LOGIN_URL, PASSWORD, sign_in, signed_in

START = datetime(2026, 11, 28, 6, 0, tzinfo=UTC)


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


def sent_to_sign_in(response):
    return response.status_code == 302 and response["Location"].startswith(f"{LOGIN_URL}?next=")


def test_a_session_is_sent_back_to_sign_in_after_eight_hours(client, editor, clock):
    assert signed_in(sign_in(client, "editor"))
    clock.shift(timedelta(hours=7, minutes=59))
    assert client.get("/admin/").status_code == 200
    clock.shift(timedelta(minutes=2))
    assert sent_to_sign_in(client.get("/admin/"))
    assert sent_to_sign_in(client.get("/admin/pages/"))


def test_renewing_the_session_does_not_stretch_it_past_eight_hours(client, editor, clock):
    client.post(LOGIN_URL, {"username": "editor", "password": PASSWORD, "remember": "on"})
    for _ in range(7):
        clock.shift(timedelta(hours=1))
        assert client.get("/admin/").status_code == 200
        session = client.session  # activity that saves the session renews its expiry
        session["touched"] = True
        session.save()
    clock.shift(timedelta(hours=1, minutes=1))
    assert sent_to_sign_in(client.get("/admin/"))


def test_the_session_cookie_is_http_only_and_ends_with_the_browser(client, editor):
    response = sign_in(client, "editor")
    cookie = response.cookies["sessionid"]
    assert cookie["httponly"]
    assert cookie["max-age"] == "" and cookie["expires"] == ""


def test_remember_me_keeps_the_cookie_eight_hours_at_most(client, editor):
    response = client.post(
        LOGIN_URL, {"username": "editor", "password": PASSWORD, "remember": "on"}
    )
    assert response.cookies["sessionid"]["max-age"] == 8 * 60 * 60


NAMES = [
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "CSRF_COOKIE_HTTPONLY",
    "SESSION_COOKIE_AGE",
    "SESSION_EXPIRE_AT_BROWSER_CLOSE",
    "REQUIRE_2FA_FOR_SUPERUSERS",
]


def production_settings(**environment):
    """The production settings module as a fresh process would load it."""
    script = (
        "import json, samizdat.settings.production as p; "
        f"print(json.dumps({{name: getattr(p, name) for name in {NAMES!r}}}))"
    )
    env = os.environ | {
        "SECRET_KEY": "x" * 64,
        "ALLOWED_HOSTS": "news.example.org",
        "NEWSLETTER_KEY": "n" * 48,
    }
    result = subprocess.run(
        [sys.executable, "-c", script],
        env=env | environment,
        capture_output=True,
        text=True,
        check=True,
        cwd=settings.BASE_DIR,
    )
    return json.loads(result.stdout)


def test_production_cookies_are_secure_and_http_only():
    production = production_settings()
    assert production["SESSION_COOKIE_SECURE"] and production["CSRF_COOKIE_SECURE"]
    assert production["SESSION_COOKIE_HTTPONLY"] and production["CSRF_COOKIE_HTTPONLY"]
    assert production["SESSION_COOKIE_AGE"] == 8 * 60 * 60
    assert production["SESSION_EXPIRE_AT_BROWSER_CLOSE"]


def test_production_requires_two_factor_for_superusers_unless_told_not_to():
    assert production_settings()["REQUIRE_2FA_FOR_SUPERUSERS"] is True
    relaxed = production_settings(REQUIRE_2FA_FOR_SUPERUSERS="false")
    assert relaxed["REQUIRE_2FA_FOR_SUPERUSERS"] is False
