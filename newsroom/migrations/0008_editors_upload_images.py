"""Editors may upload and edit images, translators choose them, in Wagtail's own terms.

Wagtail checks image rights against its base image model (wagtailimages.Image), whatever
image model a site uses; the rights given in 0002 named ours, so the admin refused editors
the upload form. Safe to run again: rights are added, never duplicated.
"""

from django.db import migrations

IMAGE_RIGHTS = {"Editors": ["add", "change", "choose"], "Translators": ["choose"]}


def give_image_rights(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is None:
        return
    image_type, _ = ContentType.objects.get_or_create(app_label="wagtailimages", model="image")
    for name, actions in IMAGE_RIGHTS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for action in actions:
            right, _ = Permission.objects.get_or_create(
                content_type=image_type,
                codename=f"{action}_image",
                defaults={"name": f"Can {action} image"},
            )
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=right
            )


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0007_image_text_per_language")]

    operations = [migrations.RunPython(give_image_rights, migrations.RunPython.noop)]
