"""Editors work the typo queue and write corrections.

Permissions are created with get_or_create because Django adds them only after migrating.
"""

from django.db import migrations

EDITOR_RIGHTS = [
    ("typoreport", "view", "typo report"),
    ("typoreport", "change", "typo report"),
    ("correction", "view", "correction"),
    ("correction", "add", "correction"),
    ("correction", "change", "correction"),
    ("correction", "delete", "correction"),
]


def permissions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for model, action, label in EDITOR_RIGHTS:
        content_type, _ = ContentType.objects.get_or_create(app_label="corrections", model=model)
        perm, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_{model}",
            defaults={"name": f"Can {action} {label}"},
        )
        yield perm


def give_editors(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(*permissions(apps))


def take_back(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    editors = Group.objects.filter(name="Editors").first()
    if editors is not None:
        editors.permissions.remove(*permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("corrections", "0001_initial"),
        ("newsroom", "0002_newsroom_groups"),
    ]

    operations = [migrations.RunPython(give_editors, take_back)]
