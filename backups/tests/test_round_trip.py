"""A backup restored into an empty database and media folder gives the same site back."""

import json
import tarfile

from django.core.management import call_command
from django.db import connection

from backups.archive import FORMAT, MANIFEST
from backups.connections import database
from backups.tests.conftest import media_hashes, table_dump
from comments.models import Comment, Status


def test_restore_gives_back_every_row_media_file_and_the_manifest_lists_them(
    newsroom, media_root, empty_database, tmp_path
):
    archive = tmp_path / "site.tar.gz"
    call_command("backup", str(archive))
    restored_media = tmp_path / "restored-media"
    url = empty_database("restored")

    call_command("restore", str(archive), database_url=url, media_root=str(restored_media))

    before = table_dump(connection.alias)
    with database(url=url) as restored:
        after = table_dump(restored.alias)
        # A new row gets a fresh key: sequences came back with the rows (PostgreSQL).
        fresh = Comment.objects.using(restored.alias).create(
            article_id=newsroom["lead"].pk, author_name="Новы", text="Пасля", status="published"
        )
        assert fresh.pk > max(row[0] for row in before["comments.Comment"])
    assert after == before
    assert len(before["newsroom.ArticlePage"]) == 2
    assert any(Status.PENDING in row for row in before["comments.Comment"])
    assert before["readership.ReadingDay"] and before["corrections.Correction"]
    assert before["newsroom.Author"] and before["wagtaildocs.Document"]
    originals = media_hashes(media_root)
    assert {path.split("/")[0] for path in originals} == {"original_images", "images", "documents"}
    assert media_hashes(restored_media) == originals
    assert_manifest_describes(archive)

    # --force restores over content: the row added above is gone again.
    call_command(
        "restore", str(archive), database_url=url, media_root=str(restored_media), force=True
    )
    with database(url=url) as restored:
        assert table_dump(restored.alias) == before


def assert_manifest_describes(archive):
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile(MANIFEST))
        members = {member.name for member in tar.getmembers()} - {MANIFEST}
    assert manifest["format"] == FORMAT
    assert manifest["database"]["vendor"] == connection.vendor
    assert ["newsroom", "0001_initial"] in manifest["migrations"]
    assert set(manifest["files"]) == members
    assert all(len(digest) == 64 for digest in manifest["files"].values())
    assert manifest["created_at"]
    assert oct(archive.stat().st_mode & 0o777) == "0o600"


def test_a_restore_starts_a_new_cache_generation(newsroom, media_root, empty_database, tmp_path):
    """The shared cache outlives the database it remembered: after a restore, no page,
    route or switcher link rendered from the replaced rows may be served."""
    from samizdat import caching

    archive = tmp_path / "site.tar.gz"
    call_command("backup", str(archive))
    before = caching.generation()
    url = empty_database("restored")
    call_command(
        "restore", str(archive), database_url=url, media_root=str(tmp_path / "restored-media")
    )
    assert caching.generation() != before
