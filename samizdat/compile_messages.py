"""Compile the project's .po catalogues to .mo without needing GNU gettext installed."""

import os
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
SKIP = {".venv", ".runtime-venv", "node_modules", "static", "media"}


# The benchmarks' copies of earlier commits (bench.render_cpu) build their own.
BENCH_WORK = ROOT / "bench" / "work"


def catalogues():
    for po_path in ROOT.rglob("*.po"):
        if not SKIP.intersection(po_path.relative_to(ROOT).parts) and not po_path.is_relative_to(
            BENCH_WORK
        ):
            yield po_path


def compile_catalogue(po_path):
    """Write the .mo in one step: a process starting meanwhile (an app server of one test
    while another test's `make run` compiles) reads the old file or the new one, never half."""
    mo_path = po_path.with_suffix(".mo")
    partial = mo_path.with_name(f".{mo_path.name}.{os.getpid()}.partial")
    polib.pofile(str(po_path)).save_as_mofile(str(partial))
    os.replace(partial, mo_path)


def main():
    for po_path in catalogues():
        compile_catalogue(po_path)


if __name__ == "__main__":
    main()
