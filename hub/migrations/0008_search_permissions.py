from django.db import migrations

from hub.roles import grant_search_permissions


def grant(apps, schema_editor):
    grant_search_permissions(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("hub", "0007_topic_names"),
        ("search", "0001_synonyms"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
