"""Two-factor sign-in: enrolling an authenticator, and the code it then asks for."""

import base64
import io
import re
from datetime import UTC, datetime, timedelta

import pytest
import qrcode
import time_machine
from django.core.management import CommandError, call_command
from django.test import Client, override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from .conftest import sign_in, signed_in

START = datetime(2026, 11, 28, 10, 0, 5, tzinfo=UTC)
ENROL = "/admin/two-factor/"
# One answer for a missing code, a wrong one and a wrong password (test_sign_in_answers).
CODE_REQUIRED = CODE_WRONG = "The user name, password or code is not right."


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


def current_code(device):
    """The code an authenticator app would show now for this device's key."""
    device.refresh_from_db()
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def wrong_code(device):
    return f"{(int(current_code(device)) + 500_000) % 1_000_000:06d}"


def shown_secret(response):
    match = re.search(r'class="two-factor-secret"[^>]*>([A-Z2-7 ]+)<', response.content.decode())
    return match.group(1).replace(" ", "")


def dark_modules(svg):
    """The dark squares an SVG QR code draws (one "Mx,yH..." path step per module)."""
    path = re.search(r'<path[^>]* d="([^"]+)"', svg).group(1)
    return {(int(x), int(y)) for x, y in re.findall(r"M(\d+),(\d+)H", path)}


def dark_modules_of(data):
    """The dark squares of the QR code for data, border included, as a scanner reads them."""
    code = qrcode.QRCode(border=4)
    code.add_data(data)
    code.make(fit=True)
    matrix = code.get_matrix()
    return {(x, y) for y, row in enumerate(matrix) for x, dark in enumerate(row) if dark}


def enrol(client, user):
    """Sign in (no device yet) and set up an authenticator through the screen."""
    client.force_login(user)
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=user)
    response = client.post(ENROL, {"code": current_code(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    return device


@pytest.fixture
def enrolled_editor(editor, clock):
    """An editor with a confirmed authenticator, signed out, one step after enrolling."""
    device = enrol(Client(), editor)
    clock.shift(timedelta(seconds=30))
    return device


def test_the_enrolment_screen_shows_the_qr_code_and_the_secret_from_here(client, editor, clock):
    client.force_login(editor)
    response = client.get(ENROL, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    svg = re.search(r'class="two-factor-qr"[^>]*>\s*(<svg.*?</svg>)', html, re.S).group(1)
    assert not re.search(r"(href|src)=", svg), "the QR code loads nothing"
    device = TOTPDevice.objects.get(user=editor)
    assert not device.confirmed
    assert len(dark_modules(svg)) > 200
    assert dark_modules(svg) == dark_modules_of(device.config_url)
    assert f"secret={base64.b32encode(device.bin_key).decode()}" in device.config_url
    assert shown_secret(response) == base64.b32encode(device.bin_key).decode()
    assert shown_secret(client.get(ENROL)) == shown_secret(response), "same key on reload"


def test_a_wrong_code_does_not_turn_two_factor_on(client, editor, clock):
    client.force_login(editor)
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=editor)
    response = client.post(ENROL, {"code": wrong_code(device)}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "That code is wrong or expired." in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    # Without a confirmed device, signing in needs no code.
    assert signed_in(sign_in(Client(), "editor"))


def test_a_current_code_turns_two_factor_on_for_this_session(client, editor, clock):
    enrol(client, editor)
    page = client.get(ENROL, HTTP_ACCEPT_LANGUAGE="en")
    assert "Two-factor sign-in is on" in page.content.decode()
    assert client.get("/admin/").status_code == 200


def test_sign_in_then_asks_for_the_code(enrolled_editor):
    response = sign_in(Client(), "editor", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert CODE_REQUIRED in response.content.decode()

    browser = Client()
    assert signed_in(sign_in(browser, "editor", code=current_code(enrolled_editor)))
    assert browser.get("/admin/").status_code == 200


def test_a_wrong_code_is_refused(enrolled_editor):
    response = sign_in(
        Client(), "editor", code=wrong_code(enrolled_editor), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    assert CODE_WRONG in response.content.decode()


def test_a_used_code_is_refused_the_second_time(enrolled_editor, clock):
    code = current_code(enrolled_editor)
    assert signed_in(sign_in(Client(), "editor", code=code))
    clock.shift(timedelta(seconds=3))  # same 30-second step: the app still shows this code
    replay = sign_in(Client(), "editor", code=code, HTTP_ACCEPT_LANGUAGE="en")
    assert replay.status_code == 200
    assert CODE_WRONG in replay.content.decode()


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("be", "Імя карыстальніка, пароль або код няправільныя."),
        ("ru", "Имя пользователя, пароль или код неверны."),
    ],
)
def test_the_code_messages_speak_the_readers_language(enrolled_editor, language, text):
    response = sign_in(Client(), "editor", code="000000x", HTTP_ACCEPT_LANGUAGE=language)
    assert text in response.content.decode()


def test_guessing_codes_locks_the_account_like_guessing_passwords(enrolled_editor, clock):
    browser = Client()
    statuses = []
    for _ in range(5):
        statuses.append(sign_in(browser, "editor", code=wrong_code(enrolled_editor)).status_code)
        clock.shift(timedelta(seconds=40))  # past django-otp's own growing delay
    assert statuses == [200, 200, 200, 200, 429]
    assert sign_in(browser, "editor", code=current_code(enrolled_editor)).status_code == 429


def test_a_session_without_the_code_must_sign_in_again_once_a_device_exists(editor, clock):
    older = Client()
    older.force_login(editor)
    assert older.get("/admin/").status_code == 200
    enrol(Client(), editor)
    response = older.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=")


def test_turning_two_factor_off_needs_a_current_code(client, editor, clock):
    device = enrol(client, editor)
    clock.shift(timedelta(seconds=30))
    refused = client.post(ENROL, {"code": wrong_code(device)})
    assert refused.status_code == 200
    assert TOTPDevice.objects.filter(user=editor, confirmed=True).exists()
    clock.shift(timedelta(seconds=30))
    assert client.post(ENROL, {"code": current_code(device)}).status_code == 302
    assert not TOTPDevice.objects.filter(user=editor).exists()


def test_the_account_page_links_to_two_factor(client, editor):
    client.force_login(editor)
    assert f'href="{ENROL}"' in client.get("/admin/account/").content.decode()


@override_settings(REQUIRE_2FA_FOR_SUPERUSERS=True)
def test_a_superuser_without_a_device_may_only_enrol(client, chief, clock):
    client.force_login(chief)
    for path in ["/admin/", "/admin/pages/", "/admin/users/", "/admin/account/"]:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"] == ENROL
    for path in [ENROL, "/admin/jsi18n/", "/admin/sprite/"]:
        assert client.get(path).status_code == 200, path
    device = TOTPDevice.objects.get(user=chief)
    assert client.post(ENROL, {"code": current_code(device)}).status_code == 302
    assert client.get("/admin/users/").status_code == 200


@override_settings(REQUIRE_2FA_FOR_SUPERUSERS=True)
def test_other_staff_are_not_forced_to_enrol(client, editor):
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200


def test_without_the_setting_superusers_are_not_forced(client, chief):
    client.force_login(chief)
    assert client.get("/admin/").status_code == 200


def test_an_administrator_removes_a_lost_authenticator(enrolled_editor):
    call_command("two_factor_reset", "editor", stdout=io.StringIO())
    assert not TOTPDevice.objects.filter(user__username="editor").exists()
    assert signed_in(sign_in(Client(), "editor"))
    with pytest.raises(CommandError):
        call_command("two_factor_reset", "nobody")


def test_the_sign_in_form_has_a_field_for_the_code(client, db):
    html = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert 'name="otp_token"' in html
    assert 'autocomplete="one-time-code"' in html
    assert "Код из приложения-аутентификатора" in html
