"""Long jobs run apart: the worker forks them and goes on with its other jobs meanwhile,
starts no second run while one is going, and logs a run that failed."""

import logging
import os
import time

import pytest

from samizdat import forking, jobs


@pytest.fixture
def forks_allowed(monkeypatch):
    # These jobs touch no database, so the in-memory test database does not matter here.
    monkeypatch.setattr(forking, "can_fork", lambda: True)
    yield
    jobs.wait_apart()


def wait_then_sign(folder):
    """Waits for `go` in folder (30 s at most), then writes its process id into `done`."""
    for _ in range(300):
        if (folder / "go").exists():
            break
        time.sleep(0.1)
    (folder / "done").write_text(str(os.getpid()))


def break_down():
    raise RuntimeError("the archive is unreachable")


def test_a_job_run_apart_does_not_hold_up_the_worker_nor_start_twice(forks_allowed, tmp_path):
    assert jobs.apart("slow export", wait_then_sign, tmp_path) is True
    # Back at once while the run waits: the worker goes on with purges and publishing.
    assert not jobs.ended("slow export")
    assert not (tmp_path / "done").exists()
    assert jobs.apart("slow export", wait_then_sign, tmp_path) is False

    (tmp_path / "go").touch()
    jobs.wait_apart()
    assert jobs.ended("slow export")
    assert int((tmp_path / "done").read_text()) != os.getpid()
    assert jobs.apart("slow export", wait_then_sign, tmp_path) is True  # the next run


def test_a_failed_run_apart_is_logged_with_its_job(forks_allowed, caplog):
    with caplog.at_level(logging.ERROR, logger="samizdat.jobs"):
        assert jobs.apart("broken export", break_down) is True
        jobs.wait_apart()
    assert "Job broken export failed (exit code 1)" in caplog.text


def test_a_stopping_worker_starts_no_run_apart(forks_allowed, tmp_path, monkeypatch):
    started = []
    job = jobs.Job("export at shutdown", lambda: started.append(jobs.apart("x", print)), 60)
    monkeypatch.setattr(jobs, "_jobs", {job.name: job})
    jobs.run_due(force=True, start_apart=False)
    assert started == [False]
    assert jobs.ended("x")


@pytest.mark.django_db
def test_where_a_fork_would_not_see_the_data_the_job_runs_in_place(tmp_path):
    # An in-memory SQLite database would be another, empty one in a fork; on PostgreSQL this
    # test's writes are in a transaction no fork can see.
    (tmp_path / "go").touch()
    assert forking.can_fork() is False
    assert jobs.apart("in place", wait_then_sign, tmp_path) is True
    assert int((tmp_path / "done").read_text()) == os.getpid()
