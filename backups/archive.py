"""The backup archive: a tar.gz of the database copy, the media files and a manifest.

Layout: `database/<dump>`, `media/<path under MEDIA_ROOT>`, and `manifest.json` last,
because it carries the checksum of every member, known only once each is written.
"""

import hashlib
import io
import json
import os
import tarfile
from pathlib import Path

from django.core.management.base import CommandError
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA = "media"
CHUNK = 1024 * 1024


class HashingReader:
    """A file that hashes what tarfile reads from it, so each file is read only once."""

    def __init__(self, file):
        self.file = file
        self.digest = hashlib.sha256()

    def read(self, size=-1):
        data = self.file.read(size)
        self.digest.update(data)
        return data


def file_sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while chunk := file.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def media_files(media_root):
    """Every file under the media root, as paths relative to it, in a stable order."""
    root = Path(media_root)
    if not root.is_dir():
        return []
    return sorted(path.relative_to(root) for path in root.rglob("*") if path.is_file())


def add_file(tar, path, name):
    """Add one file and return its checksum, or None when it vanished meanwhile."""
    try:
        with open(path, "rb") as file:
            info = tar.gettarinfo(arcname=name, fileobj=file)
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            reader = HashingReader(file)
            tar.addfile(info, reader)
    except FileNotFoundError:
        return None
    return reader.digest.hexdigest()


def write_archive(path, database, dump_path, media_root):
    """Write the archive under a temporary name and move it into place when complete."""
    path = Path(path)
    partial = path.with_name(path.name + ".partial")
    checksums = {}
    # Only the owner may read it: the archive holds everything the database does.
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
            checksums[database.member] = add_file(tar, dump_path, database.member)
            for relative in media_files(media_root):
                name = f"{MEDIA}/{relative.as_posix()}"
                digest = add_file(tar, Path(media_root) / relative, name)
                if digest is not None:
                    checksums[name] = digest
            manifest = build_manifest(database, checksums)
            add_bytes(tar, MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False).encode())
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return manifest


def add_bytes(tar, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    info.mode = 0o600
    tar.addfile(info, io.BytesIO(data))


def build_manifest(database, checksums):
    return {
        "format": FORMAT,
        "created_at": timezone.now().isoformat(),
        "database": {
            "vendor": database.vendor,
            "server_version": database.server_version(),
            "member": database.member,
        },
        "migrations": database.applied_migrations(),
        "files": checksums,
    }


def unpack(path, staging):
    """Extract an archive into a staging folder and return its verified manifest.

    Nothing outside the staging folder is touched, so a refused archive changes nothing.
    """
    try:
        with tarfile.open(path, mode="r:gz") as tar:
            # The "data" filter refuses absolute paths, links out of the folder and devices.
            tar.extractall(staging, filter="data")
    except FileNotFoundError as error:
        raise CommandError(f"No archive at {path}.") from error
    except (tarfile.TarError, EOFError, OSError, ValueError) as error:
        raise CommandError(f"{path} is not a readable backup archive: {error}.") from error
    manifest = read_manifest(Path(staging) / MANIFEST)
    verify_members(Path(staging), manifest)
    return manifest


def read_manifest(path):
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise CommandError(
            "The archive has no readable manifest: not a Samizdat backup."
        ) from error
    if not isinstance(manifest, dict) or not isinstance(manifest.get("format"), int):
        raise CommandError("The archive's manifest has no format version: not a Samizdat backup.")
    if manifest["format"] > FORMAT:
        raise CommandError(
            f"The archive has format {manifest['format']}, newer than this version of the "
            f"site reads ({FORMAT}): restore it with the version that made it."
        )
    if not isinstance(manifest.get("files"), dict) or not isinstance(
        manifest.get("database"), dict
    ):
        raise CommandError("The archive's manifest is incomplete: not a Samizdat backup.")
    return manifest


def verify_members(staging, manifest):
    """Every file listed is there with its checksum, and no file is there unlisted."""
    found = {
        path.relative_to(staging).as_posix() for path in staging.rglob("*") if path.is_file()
    } - {MANIFEST}
    listed = set(manifest["files"])
    if found != listed:
        missing, extra = sorted(listed - found), sorted(found - listed)
        raise CommandError(
            f"The archive does not match its manifest (missing: {missing[:5]}, "
            f"unlisted: {extra[:5]}): it is damaged."
        )
    for name, expected in manifest["files"].items():
        if file_sha256(staging / name) != expected:
            raise CommandError(f"Checksum mismatch for {name}: the archive is damaged.")
