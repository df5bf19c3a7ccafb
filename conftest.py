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


@pytest.fixture
def homes(db):
    """The three language editions with All news and sections, as a new site has them."""
    from newsroom.models import HomePage

    return {home.locale.language_code: home for home in HomePage.objects.select_related("locale")}


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


@pytest.fixture
def site_skeleton(transactional_db):
    """Committed site data for tests that cross threads (live server, concurrency).

    Such tests cannot run inside a rolled-back transaction: the database is emptied after
    each, so what the migrations made (root page, root collection) is put back first.
    """
    from django.conf import settings
    from wagtail.models import Collection, Locale, Page

    from newsroom.structure import ensure_site_structure

    locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    rerun_data_migrations()
    return ensure_site_structure("Samizdat")


PROJECT_APPS = {"newsroom", "privacy", "comments", "corrections", "readership"}


def rerun_data_migrations():
    """Our data migrations (groups and their rights) again; each is safe to repeat."""
    from django.apps import apps
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.operations.special import RunPython

    loader = MigrationLoader(None, ignore_no_migrations=True)
    plan = []
    for leaf in loader.graph.leaf_nodes():
        plan += [node for node in loader.graph.forwards_plan(leaf) if node not in plan]
    for app_label, name in plan:
        if app_label in PROJECT_APPS and apps.is_installed(app_label):
            migration = loader.graph.nodes[(app_label, name)]
            for operation in migration.operations:
                if isinstance(operation, RunPython):
                    operation.code(apps, None)
