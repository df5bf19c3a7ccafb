"""Static URLs come from the manifest of hashed names, each worked out once per process."""

import json

import pytest

from samizdat import caching
from samizdat.staticfiles import StaticFiles


@pytest.fixture
def storage(tmp_path, settings):
    names = {f"frontend/file{n}.css": f"frontend/file{n}.{n:08x}.css" for n in range(600)}
    names["frontend/site.css"] = "frontend/site.0a1b2c3d.css"
    manifest = {"paths": names, "version": "1.1", "hash": "0a1b2c3d"}
    (tmp_path / "staticfiles.json").write_text(json.dumps(manifest))
    settings.DEBUG = False
    return StaticFiles(location=str(tmp_path), base_url="/static/")


def test_each_url_is_the_manifests_and_worked_out_once(storage, monkeypatch):
    assert storage.url("frontend/site.css") == "/static/frontend/site.0a1b2c3d.css"

    def no_second_look(*args, **kwargs):
        raise AssertionError("the manifest was read again")

    monkeypatch.setattr(storage, "stored_name", no_second_look)
    assert storage.url("frontend/site.css") == "/static/frontend/site.0a1b2c3d.css"


def test_a_name_missing_from_the_manifest_is_an_error_every_time(storage):
    for _ in range(2):
        with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
            storage.url("frontend/made-up.css")
    assert "frontend/made-up.css" not in storage._urls


def test_many_names_keep_the_memo_within_its_bound(storage):
    for n in range(600):
        assert storage.url(f"frontend/file{n}.css") == f"/static/frontend/file{n}.{n:08x}.css"
    assert len(storage._urls) == caching.STATIC_URLS.limit
    # Past the bound a name is still answered, only not kept.
    assert storage.url("frontend/file599.css") == "/static/frontend/file599.00000257.css"
