"""The best matches first, fast, on SQLite.

Wagtail's SQLite search backend orders by relevance with a correlated subquery that runs the
full-text match again for every matching row: fine for a few hundred pages, 18 seconds for a
common word on 10,000. SQLite's FTS5 can instead rank every match in one pass and return the
best ones; this asks it directly, for the ids only. Titles weigh four times the body.

Elsewhere (PostgreSQL, Elasticsearch) the backend's own ordering is used.
"""

from django.conf import settings
from django.db import connection

# Candidates fetched from the index, before visibility filters (live, public, language...).
CANDIDATES = 400
# bm25 weights for the index's columns, in their order: autocomplete, body, title.
WEIGHTS = (0.0, 1.0, 4.0)


def ranks_in_sql():
    backend = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
    database = backend.startswith(
        ("wagtail.search.backends.database", "modelsearch.backends.database")
    )
    return database and connection.vendor == "sqlite"


def match_expression(variants, forms, operator):
    """An FTS5 MATCH for the title and body columns: each variant's words (in any of their
    forms, the last one also as a prefix) all present ("and") or any present ("or"). Words
    are letters and digits only (search.query.words_of), so quoting them is safe."""
    joiner = " AND " if operator == "and" else " OR "
    alternatives = []
    for variant in variants:
        words = variant.split()
        parts = []
        for index, word in enumerate(words):
            options = [f'"{form}"' for form in forms(word)]
            if index == len(words) - 1:
                options.append(f'"{word}"*')
            parts.append("(" + " OR ".join(options) + ")")
        alternatives.append("(" + joiner.join(parts) + ")")
    return "{title body} : (" + " OR ".join(alternatives) + ")"


def best_page_ids(expression, content_type_ids, limit=CANDIDATES):
    """Ids of the objects of these content types that match best, best first."""
    placeholders = ", ".join(["%s"] * len(content_type_ids))
    sql = f"""
        SELECT entry.object_id
        FROM wagtailsearch_indexentry_fts AS fts
        JOIN wagtailsearch_indexentry AS entry ON entry.id = fts.rowid
        WHERE wagtailsearch_indexentry_fts MATCH %s
          AND entry.content_type_id IN ({placeholders})
        ORDER BY bm25(wagtailsearch_indexentry_fts, %s, %s, %s)
        LIMIT %s
    """  # noqa: S608 - only placeholders are formatted in
    with connection.cursor() as cursor:
        cursor.execute(sql, [expression, *content_type_ids, *WEIGHTS, limit])
        return [int(row[0]) for row in cursor.fetchall()]
