"""Compile the project's .po catalogues to .mo without needing GNU gettext installed."""

from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
SKIP = {".venv", "node_modules", "static", "media"}


def catalogues():
    for po_path in ROOT.rglob("*.po"):
        if not SKIP.intersection(po_path.relative_to(ROOT).parts):
            yield po_path


def main():
    for po_path in catalogues():
        polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))


if __name__ == "__main__":
    main()
