"""On PostgreSQL, one stored search vector per entry of Wagtail's search index: the title's
words weighted A, the body's B, with its own GIN index (search/ranking.py).

Matching `title || body` built the vector again for every row (in EXPLAIN ANALYZE the
planner read every entry rather than use the expression index of 0002), and ts_rank could
rank only one of the two. A generated column is recomputed by PostgreSQL on every insert and
update, so `update_index` and a publish keep it right with no code of ours. It replaces the
`title || body` index, which nothing else uses. Nothing to do on SQLite, which ranks with FTS5.
"""

from django.db import migrations

COLUMN = "hub_search_vector"
INDEX = "hub_search_vector_gin"
OLD_INDEX = "hub_search_title_body_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"ALTER TABLE wagtailsearch_indexentry ADD COLUMN IF NOT EXISTS {COLUMN} tsvector "
            "GENERATED ALWAYS AS (setweight(title, 'A') || setweight(body, 'B')) STORED"
        )
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry USING GIN ({COLUMN})"
        )
        schema_editor.execute(f"DROP INDEX IF EXISTS {OLD_INDEX}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {OLD_INDEX} ON wagtailsearch_indexentry "
            "USING GIN ((title || body))"
        )
        # Dropping the column drops its index.
        schema_editor.execute(
            f"ALTER TABLE wagtailsearch_indexentry DROP COLUMN IF EXISTS {COLUMN}"
        )


class Migration(migrations.Migration):
    dependencies = [("search", "0003_postgres_trigrams")]

    operations = [migrations.RunPython(create, drop)]
