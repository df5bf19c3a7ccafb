"""An index on the pages' url_path, which Wagtail leaves unindexed.

A reader URL is found by its url_path (newsroom.routing), once per page and cache
generation; with 120,000 pages each lookup scanned the whole table, about 40 ms of database
time, and every made-up URL in a flood paid it again. Only equality is asked, so PostgreSQL
gets a hash index (no limit on the length of a key); SQLite a plain one.
"""

from django.db import connection as default_connection
from django.db import migrations

NAME = "newsroom_page_url_path"


def create(apps, schema_editor):
    # Safe to repeat, also without a schema editor (testing.rerun_data_migrations).
    connection = schema_editor.connection if schema_editor else default_connection
    kind = "USING hash " if connection.vendor == "postgresql" else ""
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE INDEX IF NOT EXISTS {NAME} ON wagtailcore_page {kind}(url_path)")


def drop(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0009_editors_approve_submissions"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(create, drop)]
