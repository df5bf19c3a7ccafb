"""Signatures in minisign's formats: ours verify, a changed byte fails, minisign agrees."""

import shutil
import subprocess  # noqa: S404

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from copies import export, signing
from copies.checks import signing_key_not_served
from testing.factories import make_article


def test_a_signed_file_verifies_and_one_changed_byte_fails(tmp_path, signing_key):
    edition = tmp_path / "edition.html"
    edition.write_bytes(b"<p>\xd0\x9d\xd0\xb0\xd0\xb2\xd1\x96\xd0\xbd\xd1\x8b</p>")
    signing.sign_file(signing_key, edition)

    assert "file:edition.html" in signing.verify_file(signing_key.public, edition)

    edition.write_bytes(edition.read_bytes()[:-1] + b"!")
    with pytest.raises(signing.BadSignature, match="does not match"):
        signing.verify_file(signing_key.public, edition)


def test_another_key_is_not_accepted(tmp_path, signing_key):
    page = tmp_path / "mirrors.json"
    page.write_text("{}")
    signing.sign_file(signing.SecretKey.generate(), page)

    with pytest.raises(signing.BadSignature, match="another key"):
        signing.verify_file(signing_key.public, page)


def test_the_key_survives_its_file_format_and_refuses_damage(signing_key):
    text = signing_key.as_file()
    assert signing.SecretKey.parse(text).public.fingerprint == signing_key.public.fingerprint
    lines = text.splitlines()
    damaged = lines[1][:-8] + ("A" if lines[1][-8] != "A" else "B") + lines[1][-7:]
    with pytest.raises(ValueError, match="damaged"):
        signing.SecretKey.parse(lines[0] + "\n" + damaged)


def test_the_key_can_come_from_the_environment(monkeypatch, settings):
    key = signing.SecretKey.generate()
    settings.SIGNING_KEY_FILE = ""
    monkeypatch.setenv("SAMIZDAT_SIGNING_KEY", key.as_file())
    assert signing.configured_key().public.fingerprint == key.public.fingerprint


MINISIGN = shutil.which("minisign")


@pytest.mark.skipif(not MINISIGN, reason="minisign is not installed")
def test_minisign_verifies_our_signatures_and_we_verify_its(tmp_path, signing_key):
    ours = tmp_path / "ours.txt"
    ours.write_text("signed by the newsroom")
    signing.sign_file(signing_key, ours)
    public_file = tmp_path / "key.pub"
    public_file.write_text(signing_key.public.as_file())
    checked = subprocess.run(
        [MINISIGN, "-V", "-m", ours, "-p", public_file], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stderr

    theirs = tmp_path / "theirs.txt"
    theirs.write_text("signed with the minisign tool")
    secret_file = tmp_path / "key.secret"
    secret_file.write_text(signing_key.as_file())
    made = subprocess.run(
        [MINISIGN, "-S", "-m", theirs, "-s", secret_file],
        capture_output=True,
        stdin=subprocess.DEVNULL,
    )
    assert made.returncode == 0, made.stderr
    assert "file:theirs.txt" in signing.verify_file(signing_key.public, theirs)


def test_rotation_signs_the_new_public_key_with_the_old_one(tmp_path, signing_key):
    new_key_file = tmp_path / "next.key"
    call_command("signing_key", "rotate", str(new_key_file))

    new = signing.SecretKey.parse(new_key_file.read_text())
    public_file = tmp_path / "next.key.pub"
    assert signing.PublicKey.parse(public_file.read_text()).fingerprint == new.public.fingerprint
    comment = signing.verify_file(signing_key.public, public_file)
    assert f"replaces {signing_key.public.fingerprint}" in comment
    assert oct(new_key_file.stat().st_mode & 0o777) == "0o600"


def test_rotation_never_overwrites_a_key(tmp_path, signing_key):
    existing = tmp_path / "keys" / "signing.key"
    before = existing.read_text()
    with pytest.raises(CommandError, match="exists"):
        call_command("signing_key", "rotate", str(existing))
    assert existing.read_text() == before


def test_verify_copy_checks_a_single_signed_file(tmp_path, signing_key):
    edition = tmp_path / "edition.epub"
    edition.write_bytes(b"PK\x03\x04 an edition")
    signing.sign_file(signing_key, edition)
    call_command("verify_copy", str(edition))

    edition.write_bytes(b"PK\x03\x04 an editioN")
    with pytest.raises(CommandError, match="does not match"):
        call_command("verify_copy", str(edition))


@pytest.mark.django_db
def test_the_live_mirror_list_has_a_signature_of_its_exact_bytes(client, signing_key):
    listing = client.get("/mirrors.json").content
    signature = client.get("/mirrors.json.minisig").content.decode()

    assert "file:mirrors.json" in signing_key.public.verify(listing, signature)
    with pytest.raises(signing.BadSignature):
        signing_key.public.verify(listing.replace(b"{", b"{ ", 1), signature)


@pytest.mark.django_db
def test_without_a_key_there_is_no_signature_to_serve(client, settings, monkeypatch):
    monkeypatch.delenv("SAMIZDAT_SIGNING_KEY", raising=False)
    monkeypatch.delenv("SAMIZDAT_SIGNING_KEY_FILE", raising=False)
    settings.SIGNING_KEY_FILE = ""
    assert client.get("/mirrors.json.minisig").status_code == 404


def test_a_signing_key_inside_a_served_folder_is_refused(tmp_path, settings, monkeypatch):
    monkeypatch.delenv("SAMIZDAT_SIGNING_KEY_FILE", raising=False)
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.SIGNING_KEY_FILE = str(tmp_path / "media" / "keys" / "signing.key")
    errors = signing_key_not_served()
    assert [error.id for error in errors] == ["copies.E001"]
    assert "MEDIA_ROOT" in errors[0].msg

    settings.SIGNING_KEY_FILE = str(tmp_path / "secrets" / "signing.key")
    assert signing_key_not_served() == []


@pytest.mark.django_db
def test_no_file_of_a_copy_holds_the_secret_key(homes, tmp_path, signing_key):
    make_article("Навіна з подпісам")
    export.export(tmp_path / "copy", key=signing_key)
    secret = signing_key.as_file().splitlines()[1].encode()
    seed = signing_key.key.private_bytes_raw()
    for path in (tmp_path / "copy").rglob("*"):
        if path.is_file():
            assert secret not in path.read_bytes() and seed not in path.read_bytes(), path
