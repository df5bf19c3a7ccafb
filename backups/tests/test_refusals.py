"""A restore that cannot be right refuses with a clear message and changes nothing."""

import io
import json
import tarfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from backups.archive import MANIFEST
from backups.connections import database
from backups.tests.conftest import media_hashes, table_dump
from testing.factories import make_image


@pytest.fixture
def archive(site_skeleton, media_root, tmp_path):
    """A small archive: the site skeleton and one photo are enough to refuse."""
    make_image("Plosca")
    path = tmp_path / "site.tar.gz"
    call_command("backup", str(path))
    return path


def rewritten(archive, name, change_manifest=None, change_member=None):
    """A copy of the archive with its manifest or one media file altered."""
    copy = archive.with_name(f"{name}.tar.gz")
    with tarfile.open(archive) as source, tarfile.open(copy, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name == MANIFEST and change_manifest:
                manifest = json.loads(data)
                change_manifest(manifest)
                data = json.dumps(manifest).encode()
            elif member.name.startswith("media/original_images/") and change_member:
                data = change_member(data)
            member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    return copy


def assert_refused(path, url, media, message):
    with pytest.raises(CommandError, match=message):
        call_command("restore", str(path), database_url=url, media_root=str(media))
    with database(url=url) as target, target.cursor() as cursor:
        assert target.introspection.table_names(cursor) == []
    assert not media.exists() or media_hashes(media) == {}


def test_damaged_wrong_newer_or_foreign_archives_are_refused(archive, empty_database, tmp_path):
    url, media = empty_database("target"), tmp_path / "target-media"
    other_vendor = "postgresql" if connection.vendor == "sqlite" else "sqlite"

    def flip_bytes(data):
        return data[:-8] + bytes(8)

    cases = {
        "Checksum mismatch": dict(change_member=flip_bytes),
        "same kind": dict(change_manifest=lambda m: m["database"].update(vendor=other_vendor)),
        "newer than": dict(change_manifest=lambda m: m.update(format=99)),
        "does not match": dict(change_manifest=lambda m: m["files"].popitem()),
        "migrations this version": dict(
            change_manifest=lambda m: m["migrations"].append(["newsroom", "9999_later"])
        ),
    }
    for number, (message, change) in enumerate(cases.items()):
        assert_refused(rewritten(archive, f"altered-{number}", **change), url, media, message)

    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    foreign = tmp_path / "notes.tar.gz"
    foreign.write_bytes(b"not an archive at all")

    assert_refused(truncated, url, media, "not a readable backup archive")
    assert_refused(foreign, url, media, "not a readable backup archive")
    assert_refused(tmp_path / "missing.tar.gz", url, media, "No archive")


def test_a_database_or_media_folder_with_content_is_left_alone(
    archive, media_root, empty_database, tmp_path
):
    before = table_dump(connection.alias)
    with pytest.raises(CommandError, match="is not empty .*--force"):
        call_command("restore", str(archive), media_root=str(tmp_path / "empty-media"))
    assert table_dump(connection.alias) == before

    url = empty_database("target")
    files = media_hashes(media_root)
    with pytest.raises(CommandError, match="media folder .* is not empty"):
        call_command("restore", str(archive), database_url=url, media_root=str(media_root))
    assert media_hashes(media_root) == files
    with database(url=url) as target, target.cursor() as cursor:
        assert target.introspection.table_names(cursor) == []
