"""The hub's roles and its parent review workflow.

Frozen: the groups, permissions and workflow this migration creates are written out here, so
that what a fresh install gets never changes when the code does. Later changes to roles are
later migrations (0006, 0008, 0009...).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

COMMS_STAFF = "Comms staff"
PARENT_REVIEWERS = "Parent reviewers"
HUB_ADMINISTRATORS = "Hub administrators"

PARENT_REVIEW_WORKFLOW = "Parent review"
PARENT_REVIEW_TASK = "Parent panel review"
DEFAULT_APPROVALS = 2

# Page permissions, granted on the root of the page tree so they cover every locale.
PAGE_PERMISSIONS = {
    COMMS_STAFF: ["add_page", "change_page", "lock_page"],
    PARENT_REVIEWERS: [],
    HUB_ADMINISTRATORS: [
        "add_page",
        "change_page",
        "publish_page",
        "bulk_delete_page",
        "lock_page",
        "unlock_page",
    ],
}

# Image and document permissions, on the root collection.
COLLECTION_PERMISSIONS = {
    COMMS_STAFF: [
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "choose_document"),
    ],
    PARENT_REVIEWERS: [],
    HUB_ADMINISTRATORS: [
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "delete_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "delete_document"),
        ("wagtaildocs", "choose_document"),
    ],
}

# Model permissions (app label, codename).
MODEL_PERMISSIONS = {
    COMMS_STAFF: [
        ("wagtailadmin", "access_admin"),
        ("events", "add_venue"),
        ("events", "change_venue"),
        ("events", "lock_venue"),
        ("taggit", "add_tag"),
        ("taggit", "change_tag"),
    ],
    PARENT_REVIEWERS: [("wagtailadmin", "access_admin")],
    HUB_ADMINISTRATORS: [
        ("wagtailadmin", "access_admin"),
        ("events", "add_venue"),
        ("events", "change_venue"),
        ("events", "delete_venue"),
        ("events", "publish_venue"),
        ("events", "lock_venue"),
        ("events", "unlock_venue"),
        ("taggit", "add_tag"),
        ("taggit", "change_tag"),
        ("taggit", "delete_tag"),
        ("auth", "add_user"),
        ("auth", "change_user"),
        ("auth", "delete_user"),
        ("auth", "add_group"),
        ("auth", "change_group"),
        ("auth", "delete_group"),
        ("wagtailcore", "add_workflow"),
        ("wagtailcore", "change_workflow"),
        ("wagtailcore", "add_task"),
        ("wagtailcore", "change_task"),
        ("wagtailcore", "add_site"),
        ("wagtailcore", "change_site"),
        ("wagtailcore", "add_locale"),
        ("wagtailcore", "change_locale"),
        ("hub", "change_hubsettings"),
        ("wagtailredirects", "add_redirect"),
        ("wagtailredirects", "change_redirect"),
        ("wagtailredirects", "delete_redirect"),
    ],
}

# Snippets whose content reaches the public go through the same review as pages.
REVIEWED_SNIPPETS = [("events", "venue")]


def apply_roles(apps, schema_editor):
    """Creates the groups, their permissions and the parent review workflow."""
    for app_config in apps.get_app_configs():
        # Permissions are normally made after migrations; this migration needs them now.
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    # Wagtail adds these for snippets after migrations (snippets.models.create_extra_permissions).
    for app_label, model in REVIEWED_SNIPPETS:
        content_type = ContentType.objects.get(app_label=app_label, model=model)
        for action in ("publish", "lock", "unlock"):
            Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )

    def permission(app_label, codename):
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)
    for name in (COMMS_STAFF, PARENT_REVIEWERS, HUB_ADMINISTRATORS):
        group, _ = Group.objects.get_or_create(name=name)
        for codename in PAGE_PERMISSIONS[name]:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=permission("wagtailcore", codename)
            )
        for app_label, codename in COLLECTION_PERMISSIONS[name]:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=permission(app_label, codename),
            )
        group.permissions.add(*(permission(*p) for p in MODEL_PERMISSIONS[name]))

    # Wagtail's own starter groups could publish; on the hub only administrators can.
    GroupPagePermission.objects.filter(group__name__in=["Editors", "Moderators"]).delete()

    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    ReviewTask = apps.get_model("hub", "ParentPanelReviewTask")

    task = ReviewTask.objects.filter(name=PARENT_REVIEW_TASK).first()
    if task is None:
        task = ReviewTask.objects.create(
            name=PARENT_REVIEW_TASK,
            active=True,
            approvals_required=DEFAULT_APPROVALS,
            content_type=ContentType.objects.get_for_model(ReviewTask),
        )
    workflow, _ = Workflow.objects.get_or_create(
        name=PARENT_REVIEW_WORKFLOW, defaults={"active": True}
    )
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    # One workflow per page: parent review replaces Wagtail's starter "Moderators approval".
    WorkflowPage.objects.filter(page=root_page).exclude(workflow=workflow).delete()
    WorkflowPage.objects.get_or_create(page=root_page, defaults={"workflow": workflow})
    Workflow.objects.exclude(pk=workflow.pk).filter(name="Moderators approval").update(active=False)
    for app_label, model in REVIEWED_SNIPPETS:
        content_type = ContentType.objects.get(app_label=app_label, model=model)
        WorkflowContentType.objects.update_or_create(
            content_type=content_type, defaults={"workflow": workflow}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("hub", "0002_parent_review"),
        ("events", "0002_venue_review"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(apply_roles, migrations.RunPython.noop)]
