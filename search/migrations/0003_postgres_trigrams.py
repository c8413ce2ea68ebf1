"""On PostgreSQL, the pg_trgm extension: "did you mean" scores words by trigram similarity
(search/spelling.py). Nothing to do on SQLite, which uses an edit-distance fallback."""

from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")


class Migration(migrations.Migration):
    dependencies = [("search", "0002_postgres_title_body_index")]

    # Not dropped when unapplied: other databases objects may use the extension.
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
