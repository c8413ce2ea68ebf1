from django.db import migrations

from hub.roles import grant_translation_permissions


def grant(apps, schema_editor):
    grant_translation_permissions(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("hub", "0005_site_wide_words_move_to_home_page"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
