"""Hub administrators see the sign-in attempts django-axes keeps (failed sign-ins and lockouts
show in their site history). Frozen: the permission it gives is written here."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

HUB_ADMINISTRATORS = "Hub administrators"
PERMISSIONS = [("axes", "view_accessattempt"), ("axes", "delete_accessattempt")]


def give(apps, schema_editor):
    app_config = apps.get_app_config("axes")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    administrators, _ = Group.objects.get_or_create(name=HUB_ADMINISTRATORS)
    administrators.permissions.add(
        *(
            Permission.objects.get(content_type__app_label=label, codename=codename)
            for label, codename in PERMISSIONS
        )
    )


def take_back(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    administrators = Group.objects.filter(name=HUB_ADMINISTRATORS).first()
    if administrators:
        administrators.permissions.remove(
            *administrators.permissions.filter(
                content_type__app_label="axes",
                codename__in=[codename for _label, codename in PERMISSIONS],
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("hub", "0011_sign_in_links"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [migrations.RunPython(give, take_back)]
