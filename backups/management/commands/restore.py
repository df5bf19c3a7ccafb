"""manage.py restore PATH: an archive from `backup` into an empty database and media folder."""

import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader

from backups.archive import MEDIA, media_files, unpack
from backups.databases import opened
from samizdat import caching


class Command(BaseCommand):
    help = "Restore a backup archive into an empty database and media folder."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The archive `manage.py backup` wrote.")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="Database alias.")
        parser.add_argument("--database-url", help="Restore into this database instead.")
        parser.add_argument("--media-root", help="Media folder (default: MEDIA_ROOT).")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Restore even though the database or media folder has content: the "
            "archive's tables and files replace theirs.",
        )

    def handle(self, *args, path, database, database_url, media_root, force, **options):
        media_root = Path(media_root or settings.MEDIA_ROOT)
        with opened(database, database_url) as target, tempfile.TemporaryDirectory() as tmp:
            staging = Path(tmp)
            # Every check runs before the first change, so a refusal leaves all as it was.
            manifest = unpack(path, staging)
            check_vendor(manifest, target)
            check_migrations(manifest)
            if not force:
                check_empty(target, media_root)
            target.restore(staging / manifest["database"]["member"], force=force)
            copy_media(staging / MEDIA, media_root)
            # The shared cache outlives restarts (Redis, or the default SQLite files): what
            # every process remembered of the replaced rows must not be served again.
            caching.purge_everything()
            files = len(manifest["files"]) - 1
            self.stdout.write(f"Restored the {target.label} and {files} media files from {path}.")
            if plan := MigrationExecutor(target.connection).migration_plan(leaf_nodes()):
                self.stdout.write(f"Run `manage.py migrate`: {len(plan)} migrations to apply.")


def check_vendor(manifest, target):
    vendor = manifest["database"].get("vendor")
    if vendor != target.vendor:
        raise CommandError(
            f"The archive holds a {vendor} database and the target is {target.vendor}: "
            "restore it into a database of the same kind."
        )


def leaf_nodes():
    return MigrationLoader(None, ignore_no_migrations=True).graph.leaf_nodes()


def check_migrations(manifest):
    """Refuse a database made by a newer version of the site than this one."""
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    unknown = sorted(
        f"{app}.{name}" for app, name in manifest.get("migrations", []) if (app, name) not in known
    )
    if unknown:
        raise CommandError(
            f"The archive's database has migrations this version of the site lacks "
            f"({', '.join(unknown[:5])}): restore it with the version that made it."
        )


def check_empty(target, media_root):
    tables = target.tables()
    if tables:
        raise CommandError(
            f"The {target.label} is not empty ({len(tables)} tables). Restore into a new, "
            "empty database, or pass --force to replace its content."
        )
    files = media_files(media_root)
    if files:
        raise CommandError(
            f"The media folder {media_root} is not empty ({len(files)} files). Restore into "
            "an empty one, or pass --force to replace its files."
        )


def copy_media(source, media_root):
    """Copy the archive's media files into place, each written whole before it is renamed."""
    for relative in media_files(source):
        destination = media_root / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        partial = destination.with_name(destination.name + ".partial")
        shutil.copyfile(source / relative, partial)
        partial.replace(destination)
