"""Moderators and Editors may moderate comments; Editors also set the comment policy."""

from django.db import migrations

RIGHTS = {
    "Moderators": [("comments", "comment", "moderate_comment")],
    "Editors": [
        ("comments", "comment", "moderate_comment"),
        ("comments", "commentpolicy", "change_commentpolicy"),
        ("comments", "discussionswitch", "add_discussionswitch"),
        ("comments", "discussionswitch", "change_discussionswitch"),
        ("comments", "discussionswitch", "delete_discussionswitch"),
    ],
}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for group_name, rights in RIGHTS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for app_label, model, codename in rights:
            content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type, codename=codename, defaults={"name": codename}
            )
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("comments", "0001_initial"), ("newsroom", "0002_newsroom_groups")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
