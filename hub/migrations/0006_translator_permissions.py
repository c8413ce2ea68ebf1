"""Comms staff translate (wagtail-localize's "Translate" and "Sync translated pages" need this
permission); translations then go to parent review like any draft. Frozen: the data is here."""

from django.db import migrations

TRANSLATOR_PERMISSIONS = {
    "Comms staff": [("wagtail_localize", "submit_translation")],
    "Hub administrators": [("wagtail_localize", "submit_translation")],
}


def grant(apps, permissions_by_group):
    """Adds model permissions to groups (creating the groups if need be)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, permissions in permissions_by_group.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
                for app_label, codename in permissions
            )
        )


def grant_translation_permissions(apps, schema_editor):
    grant(apps, TRANSLATOR_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("hub", "0005_site_wide_words_move_to_home_page"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(grant_translation_permissions, migrations.RunPython.noop)]
