"""An index on the pages' url_path, which Wagtail leaves unindexed.

A reader URL is found by its url_path (newsroom.routing), once per page and cache
generation; with 120,000 pages each lookup scanned the whole table, about 40 ms of database
time, and every made-up URL in a flood paid it again. Only equality is asked, so PostgreSQL
gets a hash index (no limit on the length of a key); SQLite a plain one.
"""

from django.db import migrations

NAME = "newsroom_page_url_path"


def create(apps, schema_editor):
    kind = "USING hash " if schema_editor.connection.vendor == "postgresql" else ""
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {NAME} ON wagtailcore_page {kind}(url_path)")


def drop(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0009_editors_approve_submissions"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(create, drop)]
