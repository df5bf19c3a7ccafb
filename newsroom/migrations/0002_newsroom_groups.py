"""Editors, Translators and Moderators with least privilege.

Wagtail's own first migration gives its Moderators group the right to add, edit and publish
pages. Our moderators look after comments only, so each group's rights are set here whole.
Permissions are created with get_or_create because Django adds them only after migrating.
"""

from django.db import migrations

PAGE_RIGHTS = {
    "Editors": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    "Translators": ["add_page", "change_page"],
    "Moderators": [],
}
IMAGE_RIGHTS = {
    "Editors": [
        ("newsroom", "newsroomimage", "add"),
        ("newsroom", "newsroomimage", "change"),
        ("newsroom", "newsroomimage", "choose"),
        ("wagtaildocs", "document", "add"),
        ("wagtaildocs", "document", "change"),
        ("wagtaildocs", "document", "choose"),
    ],
    "Translators": [
        ("newsroom", "newsroomimage", "choose"),
        ("wagtaildocs", "document", "choose"),
    ],
    "Moderators": [],
}
MODEL_RIGHTS = {
    "Editors": [
        ("wagtailadmin", "admin", "access_admin"),
        ("newsroom", "author", "add_author"),
        ("newsroom", "author", "change_author"),
        ("newsroom", "author", "delete_author"),
        ("simple_translation", "simpletranslation", "submit_translation"),
    ],
    "Translators": [
        ("wagtailadmin", "admin", "access_admin"),
        ("newsroom", "author", "add_author"),
        ("newsroom", "author", "change_author"),
        ("simple_translation", "simpletranslation", "submit_translation"),
    ],
    "Moderators": [("wagtailadmin", "admin", "access_admin")],
}


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename}
    )
    return perm


def set_group_rights(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)

    for name in PAGE_RIGHTS:
        group, _ = Group.objects.get_or_create(name=name)
        GroupPagePermission.objects.filter(group=group).delete()
        GroupCollectionPermission.objects.filter(group=group).delete()
        for codename in PAGE_RIGHTS[name]:
            GroupPagePermission.objects.create(
                group=group,
                page=root_page,
                permission=permission(apps, "wagtailcore", "page", codename),
            )
        for app_label, model, action in IMAGE_RIGHTS[name]:
            GroupCollectionPermission.objects.create(
                group=group,
                collection=root_collection,
                permission=permission(apps, app_label, model, f"{action}_{model}"),
            )
        group.permissions.add(*[permission(apps, *right) for right in MODEL_RIGHTS[name]])


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("simple_translation", "0001_initial"),
    ]

    operations = [migrations.RunPython(set_group_rights, migrations.RunPython.noop)]
