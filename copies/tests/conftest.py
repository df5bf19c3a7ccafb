import pytest

from copies import signing


@pytest.fixture
def signing_key(tmp_path, settings, monkeypatch):
    """A fresh key in a file, configured the way production configures it."""
    monkeypatch.delenv("SAMIZDAT_SIGNING_KEY", raising=False)
    monkeypatch.delenv("SAMIZDAT_SIGNING_KEY_FILE", raising=False)
    key = signing.SecretKey.generate()
    path = tmp_path / "keys" / "signing.key"
    path.parent.mkdir()
    path.write_text(key.as_file())
    settings.SIGNING_KEY_FILE = str(path)
    return key
