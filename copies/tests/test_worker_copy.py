"""The worker keeps the static copy named by STATIC_COPY_DIR current: `manage.py worker`
exports it, signs it, and after a publish brings the new article in."""

import logging
import time

import pytest
from django.core.management import call_command
from django.utils.module_loading import autodiscover_modules

from copies import export
from copies.verify import verify_copy
from samizdat import forking, jobs
from testing.factories import make_article


@pytest.mark.django_db
def test_the_worker_exports_the_configured_folder_and_keeps_it_current(
    homes, tmp_path, settings, signing_key, django_capture_on_commit_callbacks
):
    folder = tmp_path / "copy"
    settings.STATIC_COPY_DIR = str(folder)
    first = make_article("Навіна да працаўніка")

    call_command("worker", "--once")
    assert (folder / "be" / "news" / first.slug / "index.html").is_file()
    assert verify_copy(folder, signing_key.public) == []

    with django_capture_on_commit_callbacks(execute=True):
        second = make_article("Навіна пасля экспарту")
    call_command("worker", "--once")
    assert second.title in (folder / "be" / "news" / second.slug / "index.html").read_text()
    assert second.title in (folder / "be" / "index.html").read_text()
    assert verify_copy(folder, signing_key.public) == []


@pytest.mark.django_db
def test_without_a_folder_or_a_key_the_worker_writes_no_copy(
    homes, tmp_path, settings, monkeypatch, caplog
):
    monkeypatch.delenv("SAMIZDAT_SIGNING_KEY", raising=False)
    monkeypatch.delenv("SAMIZDAT_SIGNING_KEY_FILE", raising=False)
    settings.SIGNING_KEY_FILE = ""
    settings.STATIC_COPY_DIR = str(tmp_path / "copy")
    make_article("Навіна без ключа")
    with caplog.at_level(logging.WARNING, logger="copies.jobs"):
        call_command("worker", "--once")
    assert not (tmp_path / "copy").exists()  # an unsigned copy would teach readers to trust one
    assert "no signing key" in caplog.text


@pytest.mark.django_db
def test_a_failed_export_in_the_worker_leaves_the_copy_and_the_other_jobs(
    homes, tmp_path, settings, signing_key, monkeypatch, caplog
):
    folder = tmp_path / "copy"
    settings.STATIC_COPY_DIR = str(folder)
    make_article("Навіна перад збоем")
    call_command("worker", "--once")
    before = {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()}

    def outage(*args, **kwargs):
        raise RuntimeError("database unreachable")

    monkeypatch.setattr("mirrors.hosts.mirror_list", outage)
    with caplog.at_level(logging.ERROR, logger="samizdat.jobs"):
        call_command("worker", "--once")
    assert "Job static_copy failed" in caplog.text
    assert {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()} == before


def test_the_worker_goes_on_while_its_export_runs_apart(
    site_skeleton, tmp_path, settings, signing_key, monkeypatch
):
    """Committed data (site_skeleton): the export runs in a forked process of its own."""
    if not forking.can_fork():
        pytest.skip("in-memory SQLite: a forked export would see an empty database")
    folder, go = tmp_path / "copy", tmp_path / "go"
    settings.STATIC_COPY_DIR = str(folder)
    article = make_article("Навіна для экспарту ўбаку")
    real_export = export.export

    def slow_export(*args, **kwargs):  # a large archive, stood in for by a wait
        for _ in range(600):
            if go.exists():
                break
            time.sleep(0.1)
        return real_export(*args, **kwargs)

    monkeypatch.setattr(export, "export", slow_export)
    autodiscover_modules("jobs")
    began = time.monotonic()
    jobs.run_due(force=True)
    # Every other job ran and the loop is free while the export waits; a second pass starts
    # no second export.
    assert not jobs.ended("static_copy")
    jobs.run_due(force=True)
    assert time.monotonic() - began < 50
    assert not (folder / "manifest.json").exists()

    go.touch()
    jobs.wait_apart()
    assert (folder / "be" / "news" / article.slug / "index.html").is_file()
    assert verify_copy(folder, signing_key.public) == []
