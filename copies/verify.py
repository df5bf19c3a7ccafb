"""Checking a copy: a whole exported folder against its signed manifest, or one signed file."""

import hashlib
import json
from pathlib import Path

from . import signing
from .export import MANIFEST
from .incremental import STATE

# Files that sign or describe the copy rather than being part of it.
OUTSIDE_MANIFEST = {MANIFEST, MANIFEST + signing.SIGNATURE_SUFFIX, "signing-key.pub", STATE}


def verify_copy(path, public):
    """A list of problems with the copy at `path` (empty when it is intact and signed by us)."""
    path = Path(path)
    if not path.is_dir():
        try:
            signing.verify_file(public, path)
        except signing.BadSignature as error:
            return [f"{path.name}: {error}"]
        return []
    try:
        signing.verify_file(public, path / MANIFEST)
    except signing.BadSignature as error:
        return [f"{MANIFEST}: {error}"]
    files = json.loads((path / MANIFEST).read_text())["files"]
    problems = []
    for name, digest in sorted(files.items()):
        file = path / name
        if not file.is_file():
            problems.append(f"{name}: missing")
        elif hashlib.sha256(file.read_bytes()).hexdigest() != digest:
            problems.append(f"{name}: changed")
    for file in sorted(path.rglob("*")):
        name = file.relative_to(path).as_posix()
        signature = name.endswith(signing.SIGNATURE_SUFFIX)
        if file.is_file() and name not in files and name not in OUTSIDE_MANIFEST and not signature:
            problems.append(f"{name}: not in the manifest")
    return problems
