"""Wagtail's starter groups ("Editors", "Moderators") and its starter workflow ("Moderators
approval") go: the hub's roles are comms staff, parent reviewers, translators and hub
administrators (README), and parent review is its one workflow.

Migration 0003 took the starter groups' page permissions, but they kept the admin and adding,
changing and deleting pictures and documents: an administrator who added someone to them
would have given a role the README does not describe. A starter group that has members (added
by hand before this) is emptied of every permission instead of deleted, so nobody loses their
account and nobody keeps a route around review. The starter workflow, inactive since 0003,
still showed in Wagtail's workflow reports and filters; it goes if no page ever went through it.
"""

from django.db import migrations

STARTER_GROUPS = ["Editors", "Moderators"]
STARTER_WORKFLOW = "Moderators approval"


def remove_starters(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    Task = apps.get_model("wagtailcore", "Task")
    TaskState = apps.get_model("wagtailcore", "TaskState")

    for workflow in Workflow.objects.filter(name=STARTER_WORKFLOW, active=False):
        if WorkflowState.objects.filter(workflow=workflow).exists():
            continue
        task_ids = list(
            WorkflowTask.objects.filter(workflow=workflow).values_list("task", flat=True)
        )
        workflow.delete()
        for task in Task.objects.filter(pk__in=task_ids, name=STARTER_WORKFLOW):
            in_use = WorkflowTask.objects.filter(task=task).exists()
            if not in_use and not TaskState.objects.filter(task=task).exists():
                task.delete()

    for group in Group.objects.filter(name__in=STARTER_GROUPS):
        GroupPagePermission.objects.filter(group=group).delete()
        GroupCollectionPermission.objects.filter(group=group).delete()
        group.permissions.clear()
        if not group.user_set.exists():
            group.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("hub", "0014_cache_generation"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(remove_starters, migrations.RunPython.noop)]
