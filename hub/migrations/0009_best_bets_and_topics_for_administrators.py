"""Best bets and topic names reach the public the moment they are saved, so only hub
administrators may change them; comms staff keep the search terms report (to see what people
look for) through its own permission. Frozen: the permissions it moves are written here."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

COMMS_STAFF = "Comms staff"
HUB_ADMINISTRATORS = "Hub administrators"

TAKEN_FROM_COMMS_STAFF = [
    ("wagtailsearchpromotions", "add_searchpromotion"),
    ("wagtailsearchpromotions", "change_searchpromotion"),
    ("wagtailsearchpromotions", "delete_searchpromotion"),
    ("taggit", "add_tag"),
    ("taggit", "change_tag"),
]
SEARCH_TERMS_REPORT = ("wagtailsearchpromotions", "view_query")


def move(apps, schema_editor):
    for label in ("wagtailsearchpromotions", "taggit"):
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def permission(app_label, codename):
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    comms, _ = Group.objects.get_or_create(name=COMMS_STAFF)
    administrators, _ = Group.objects.get_or_create(name=HUB_ADMINISTRATORS)
    comms.permissions.remove(*(permission(*p) for p in TAKEN_FROM_COMMS_STAFF))
    administrators.permissions.add(
        *(permission(*p) for p in TAKEN_FROM_COMMS_STAFF), permission(*SEARCH_TERMS_REPORT)
    )
    comms.permissions.add(permission(*SEARCH_TERMS_REPORT))


def give_back(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    comms = Group.objects.filter(name=COMMS_STAFF).first()
    if comms:
        comms.permissions.add(
            *Permission.objects.filter(
                codename__in=[codename for _label, codename in TAKEN_FROM_COMMS_STAFF]
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("hub", "0008_search_permissions"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(move, give_back)]
