"""Sign-in throttling: five failures lock an account or a client for fifteen minutes."""

import io
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from axes.models import AccessAttempt
from django.contrib.auth.models import Group, User
from django.core.management import call_command

from .conftest import sign_in, signed_in

START = datetime(2026, 11, 28, 10, 0, tzinfo=UTC)


def from_address(address):
    return {"REMOTE_ADDR": address}


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


def fail(client, username, times, **headers):
    return [sign_in(client, username, "wrong password", **headers) for _ in range(times)]


def test_four_failures_leave_the_form_and_the_fifth_locks(client, editor, clock):
    responses = fail(client, "editor", 5)
    assert [r.status_code for r in responses] == [200, 200, 200, 200, 429]
    assert not signed_in(sign_in(client, "editor"))


def test_an_account_is_locked_whatever_client_guesses_its_password(client, editor, clock):
    for n in range(5):
        fail(client, "editor", 1, **from_address(f"127.0.0.{10 + n}"))
    locked = sign_in(client, "editor", **from_address("127.0.0.99"))
    assert locked.status_code == 429
    other = User.objects.create_user("translator", password="another long passphrase")
    other.groups.add(Group.objects.get(name="Translators"))
    assert signed_in(
        sign_in(client, "translator", "another long passphrase", **from_address("127.0.0.99"))
    )


def test_a_client_is_locked_whatever_usernames_it_tries(client, editor, clock):
    for n in range(5):
        fail(client, f"guess-{n}", 1, **from_address("127.0.0.2"))
    assert sign_in(client, "editor", **from_address("127.0.0.2")).status_code == 429
    assert signed_in(sign_in(client, "editor", **from_address("127.0.0.3")))


def test_changing_the_user_agent_does_not_escape_the_client_limit(client, editor, clock):
    for n in range(5):
        fail(client, f"guess-{n}", 1, REMOTE_ADDR="127.0.0.2", HTTP_USER_AGENT=f"Agent/{n}")
    response = sign_in(client, "editor", REMOTE_ADDR="127.0.0.2", HTTP_USER_AGENT="Agent/new")
    assert response.status_code == 429


def test_the_lock_lifts_fifteen_minutes_after_the_last_counted_failure(client, editor, clock):
    fail(client, "editor", 5)
    clock.shift(timedelta(minutes=14))
    assert sign_in(client, "editor").status_code == 429
    # That attempt during the lockout was refused, not counted: the fifteen minutes hold.
    clock.shift(timedelta(minutes=1, seconds=1))
    assert signed_in(sign_in(client, "editor"))


def test_a_locked_client_cannot_go_on_to_lock_the_accounts_it_names(client, editor, clock):
    fail(client, "guess", 5, **from_address("127.0.0.2"))
    for _ in range(10):
        assert sign_in(client, "editor", "wrong", **from_address("127.0.0.2")).status_code == 429
    assert not AccessAttempt.objects.filter(username="editor").exists()
    assert signed_in(sign_in(client, "editor", **from_address("127.0.0.3")))


def test_a_client_behind_nginx_is_locked_whatever_it_writes_in_the_header(
    client, editor, clock, settings
):
    settings.TRUST_X_FORWARDED_FOR = True  # one proxy hop: nginx as documented
    settings.TRUSTED_PROXY_HOPS = 1
    for n in range(5):
        forwarded = {
            "REMOTE_ADDR": "127.0.0.1",
            "HTTP_X_FORWARDED_FOR": f"10.0.0.{n}, 198.51.100.4",
        }
        fail(client, f"guess-{n}", 1, **forwarded)
    again = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "10.9.9.9, 198.51.100.4"}
    assert sign_in(client, "editor", **again).status_code == 429
    elsewhere = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "198.51.100.5"}
    assert signed_in(sign_in(client, "editor", **elsewhere))


def test_a_successful_sign_in_resets_the_count(client, editor, clock):
    fail(client, "editor", 4)
    assert signed_in(sign_in(client, "editor"))
    assert not AccessAttempt.objects.filter(username="editor").exists()
    client.post("/admin/logout/")
    responses = fail(client, "editor", 4)
    assert [r.status_code for r in responses] == [200] * 4
    assert signed_in(sign_in(client, "editor"))


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("be", "Занадта шмат няўдалых спробаў уваходу"),
        ("ru", "Слишком много неудачных попыток входа"),
        ("en", "Too many failed sign-in attempts"),
    ],
)
def test_the_lockout_page_speaks_the_readers_language(client, editor, clock, language, text):
    responses = fail(client, "editor", 5, HTTP_ACCEPT_LANGUAGE=language)
    locked = responses[-1]
    assert locked.status_code == 429
    assert locked["Retry-After"] == "900"
    assert text in locked.content.decode()
    assert 'href="/admin/login/"' in locked.content.decode()


def test_hostile_usernames_get_the_form_back_not_an_error(client, editor, clock):
    for username in ["x" * 5000, "nul\x00byte", "<script>alert(1)</script>", ""]:
        response = sign_in(client, username, "wrong password")
        assert response.status_code == 200, username
        assert "<script>alert(1)</script>" not in response.content.decode()


def test_an_administrator_unlocks_an_account(client, editor, clock):
    fail(client, "editor", 5, **from_address("127.0.0.20"))
    assert sign_in(client, "editor", **from_address("127.0.0.21")).status_code == 429
    call_command("axes_reset_username", "editor", stdout=io.StringIO())
    assert signed_in(sign_in(client, "editor", **from_address("127.0.0.21")))
