"""Test support shared by every app: rebuilding what a test emptied."""


def restore_skeleton():
    """What the migrations made (root page, collection, groups) and the newsroom skeleton."""
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
