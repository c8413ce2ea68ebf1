"""Comms staff look after search: best bets, synonym groups and the search terms report.
(0009 later gives best bets to administrators only.) Frozen: the data is here."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

SEARCH_PERMISSIONS = {
    name: [
        ("wagtailsearchpromotions", "add_searchpromotion"),
        ("wagtailsearchpromotions", "change_searchpromotion"),
        ("wagtailsearchpromotions", "delete_searchpromotion"),
        ("search", "add_searchsynonym"),
        ("search", "change_searchsynonym"),
        ("search", "delete_searchsynonym"),
    ]
    for name in ("Comms staff", "Hub administrators")
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


def grant_search_permissions(apps, schema_editor):
    # Permissions are normally made after migrations; this migration needs them now.
    for label in ("wagtailsearchpromotions", "search"):
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    grant(apps, SEARCH_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("hub", "0007_topic_names"),
        ("search", "0001_synonyms"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [migrations.RunPython(grant_search_permissions, migrations.RunPython.noop)]
