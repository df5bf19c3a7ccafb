"""Fixtures shared by every app's tests."""

import sys
from pathlib import Path

import pytest

from testing import missing

# The testing package's fixtures, for every app's tests: comments' policy without waiting
# time, both readership buffers, a caching proxy that records purges, a real SMTP server.
pytest_plugins = ["testing.comments", "testing.readership", "testing.purges", "testing.mail"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Build the site skeleton (three editions, All news, sections) once per test run.

    Each test runs in a transaction that is rolled back, so the skeleton stays as built.
    Building it per test cost about two seconds each.
    """
    from newsroom.structure import ensure_site_structure

    with django_db_blocker.unblock():
        ensure_site_structure("Samizdat")


@pytest.fixture
def homes(db):
    """The three language editions with All news and sections, as a new site has them."""
    from newsroom.models import HomePage

    return {home.locale.language_code: home for home in HomePage.objects.select_related("locale")}


@pytest.fixture(autouse=True)
def _clear_cache():
    """Each test starts with an empty cache (Redis in CI), so no test sees another's state."""
    from testing import forget_cached_state

    forget_cached_state()
    yield
    forget_cached_state()


@pytest.fixture(autouse=True)
def _no_configured_hosts():
    """No mirror host names unless a test saves some (mirrors/tests), and no query for them.

    Every request reads the names from a snapshot refreshed every few seconds; a refresh
    landing inside another app's query-count assertion would make it flaky.
    """
    from mirrors import hosts

    hosts.remember(hosts.EMPTY, seconds=float("inf"))
    yield
    hosts.forget()


def needs_committed_data(item):
    marker = item.get_closest_marker("django_db")
    return (
        item.get_closest_marker("e2e") is not None
        or "transactional_db" in getattr(item, "fixturenames", ())
        or (marker is not None and marker.kwargs.get("transaction", False))
    )


def pytest_collection_modifyitems(config, items):
    """Transactional and browser tests last: the database is emptied after each of them."""
    items.sort(key=needs_committed_data)


def pytest_collection_finish(session):
    """Refuse a parallel run that would split a group of tests (xdist_group) over workers.

    pytest-xdist keeps a group on one worker by adding its name to each test's node id; a
    pytest that no longer reads the id it changes spreads the group, and then two workers
    build the same group's site (samizdat/tests/test_one_site.py) at once.
    """
    if not getattr(session.config.option, "loadgroup", False):
        return
    split = [
        item.nodeid
        for item in session.items
        if item.get_closest_marker("xdist_group") and "@" not in item.nodeid
    ]
    if split:
        message = (
            f"pytest-xdist could not keep {len(split)} grouped tests together (first: "
            f"{split[0]}): this pytest does not read the group from the node id."
        )
        sys.__stderr__.write(f"\n{message}\n")
        raise pytest.UsageError(message)


@pytest.fixture
def site_skeleton(transactional_db):
    """Committed site data for tests that cross threads (live server, concurrency).

    Such tests cannot run inside a rolled-back transaction: the database is emptied after
    each, so what the migrations made (root page, root collection) is put back first,
    after the first time as the rows the first build wrote (testing.skeleton).
    """
    from testing import restore_skeleton

    return restore_skeleton()


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory):
    """A redis-server of the test run's own on a spare port (testing.RedisServer)."""
    from testing import REDIS_SERVER, RedisServer

    if not Path(REDIS_SERVER).exists():
        missing("redis-server is not installed")
    server = RedisServer(tmp_path_factory.mktemp("redis"))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def redis_to_stop(tmp_path):
    """A redis-server a test may stop and start again, as an outage would."""
    from testing import REDIS_SERVER, RedisServer

    if not Path(REDIS_SERVER).exists():
        missing("redis-server is not installed")
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()
