"""What a translator submits for approval goes to the Editors.

Wagtail's first migrations make a workflow "Moderators approval" whose one task is for the
Moderators group. Our moderators look after comments and have no rights on pages
(0002_newsroom_groups), so nobody but a superuser could approve a translator's submission.
The task is given to the Editors and both are named in the newsroom's working language;
editors may rename them in Settings → Workflows.
"""

from django.db import migrations

OLD_NAME = "Moderators approval"
NEW_NAME = "Праверка рэдактара"


def to_editors(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    editors = Group.objects.filter(name="Editors").first()
    if editors is None:
        return
    for task in GroupApprovalTask.objects.filter(name=OLD_NAME):
        task.name = NEW_NAME
        task.save(update_fields=["name"])
        task.groups.set([editors])
    Workflow.objects.filter(name=OLD_NAME).update(name=NEW_NAME)


def to_moderators(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    moderators = Group.objects.filter(name="Moderators").first()
    for task in GroupApprovalTask.objects.filter(name=NEW_NAME):
        task.name = OLD_NAME
        task.save(update_fields=["name"])
        if moderators is not None:
            task.groups.set([moderators])
    Workflow.objects.filter(name=NEW_NAME).update(name=OLD_NAME)


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0008_editors_upload_images"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(to_editors, to_moderators)]
