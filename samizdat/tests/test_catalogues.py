"""Every catalogue passes GNU msgfmt's format check, as `compilemessages` in CI runs it: a
translation that drops a placeholder of its source would stop the deploy."""

import shutil
import subprocess

import pytest

from samizdat.compile_messages import ROOT, catalogues

MSGFMT = shutil.which("msgfmt")


@pytest.mark.skipif(MSGFMT is None, reason="GNU gettext (msgfmt) is not installed")
@pytest.mark.parametrize(
    "po_path", sorted(catalogues()), ids=lambda path: str(path.relative_to(ROOT))
)
def test_catalogue_keeps_every_placeholder_of_its_source(po_path, tmp_path):
    checked = subprocess.run(
        [MSGFMT, "--check-format", "-o", str(tmp_path / "checked.mo"), str(po_path)],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stderr
