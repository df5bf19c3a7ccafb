"""manage.py backup PATH: one archive with the database and the media files."""

import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS

from backups.archive import write_archive
from backups.databases import opened


class Command(BaseCommand):
    help = "Write a consistent online backup of the database and the media files to PATH."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The archive to write (a .tar.gz).")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="Database alias.")
        parser.add_argument("--database-url", help="Back up this database instead of an alias.")
        parser.add_argument("--media-root", help="Media folder (default: MEDIA_ROOT).")

    def handle(self, *args, path, database, database_url, media_root, **options):
        target = Path(path)
        if not target.parent.is_dir():
            raise CommandError(f"No folder {target.parent} to write the archive into.")
        media_root = Path(media_root or settings.MEDIA_ROOT)
        with opened(database, database_url) as source, tempfile.TemporaryDirectory() as tmp:
            # The database first: a photo uploaded meanwhile lands in the media copy as an
            # unused file, while the other order could list a photo the archive lacks.
            dump_path = Path(tmp) / Path(source.member).name
            source.dump(dump_path)
            manifest = write_archive(target, source, dump_path, media_root)
        files = len(manifest["files"]) - 1
        self.stdout.write(f"Backed up the {source.label} and {files} media files to {target}.")
