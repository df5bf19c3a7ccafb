"""`make run`'s editor account: named, in Editors, and its password never in a log."""

import io
import logging
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from testing.appserver import database_url_for_processes

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def credentials(settings, tmp_path):
    settings.EDITOR_CREDENTIALS_FILE = str(tmp_path / "local" / "editor-credentials")
    return Path(settings.EDITOR_CREDENTIALS_FILE)


def kept_password(credentials):
    return credentials.read_text().splitlines()[1]


def test_the_editor_has_a_name_and_may_edit(db, credentials):
    call_command("ensure_editor", stdout=io.StringIO())

    editor = User.objects.get(username="editor")
    assert (editor.first_name, editor.last_name) == ("Demo", "Editor")
    assert editor.get_full_name() == "Demo Editor"
    assert editor.is_superuser and editor.groups.filter(name="Editors").exists()
    assert editor.check_password(kept_password(credentials))
    assert credentials.stat().st_mode & 0o777 == 0o600


def test_an_older_editor_without_a_name_gets_one_and_keeps_its_password(db, credentials):
    call_command("ensure_editor", stdout=io.StringIO())
    User.objects.filter(username="editor").update(first_name="", last_name="")
    password = kept_password(credentials)

    call_command("ensure_editor", stdout=io.StringIO())

    editor = User.objects.get(username="editor")
    assert editor.get_full_name() == "Demo Editor"
    assert kept_password(credentials) == password and editor.check_password(password)


def test_output_that_is_not_a_terminal_never_holds_the_password(db, credentials, caplog):
    caplog.set_level(logging.DEBUG)
    output = io.StringIO()
    for _ in range(2):
        call_command("ensure_editor", stdout=output)

    password = kept_password(credentials)
    assert password not in output.getvalue()
    assert password not in caplog.text
    assert f"password in {credentials}" in output.getvalue()


def run_on_a_terminal(environment):
    """ensure_editor with a real pseudo-terminal as its output; returns what it showed."""
    here, there = pty.openpty()
    process = subprocess.Popen(  # noqa: S603 (our own command line)
        [sys.executable, "manage.py", "ensure_editor"],
        cwd=ROOT,
        env=environment,
        stdout=there,
        stderr=there,
    )
    os.close(there)
    shown = bytearray()
    while True:
        try:
            chunk = os.read(here, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        shown.extend(chunk)
    os.close(here)
    assert process.wait(timeout=60) == 0, shown.decode()
    return shown.decode()


@pytest.mark.django_db(transaction=True)
def test_a_terminal_is_shown_the_new_password_once_with_the_address_served(site_skeleton, tmp_path):
    credentials = tmp_path / "editor-credentials"
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "samizdat.settings.test",
        "DATABASE_URL": database_url_for_processes(tmp_path),
        "EDITOR_CREDENTIALS_FILE": str(credentials),
        "BASE_URL": "http://127.0.0.1:8101",
    }

    first = run_on_a_terminal(environment)
    again = run_on_a_terminal(environment)

    password = kept_password(credentials)
    assert "Editor sign-in at http://127.0.0.1:8101/admin/" in first
    assert password in first
    assert "Editor sign-in at http://127.0.0.1:8101/admin/" in again
    assert password not in again
    assert ":8000" not in first + again
