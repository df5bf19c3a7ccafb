"""Fixtures shared by every app's tests."""

import pytest


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Build the site skeleton (three editions, All news, sections) once per test run.

    Each test runs in a transaction that is rolled back, so the skeleton stays as built.
    Building it per test cost about two seconds each.
    """
    from newsroom.structure import ensure_site_structure

    with django_db_blocker.unblock():
        ensure_site_structure("Samizdat")


@pytest.fixture(autouse=True)
def _clear_cache():
    """Each test starts with an empty cache (Redis in CI), so no test sees another's state."""
    from django.core.cache import cache

    from privacy.clients import forget_cached_salt

    cache.clear()
    forget_cached_salt()
    yield
    cache.clear()
    forget_cached_salt()


def pytest_collection_modifyitems(config, items):
    """Browser tests last: their transactional database is emptied after each of them."""
    items.sort(key=lambda item: item.get_closest_marker("e2e") is not None)
