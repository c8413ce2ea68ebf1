"""The best matches first, fast, on Wagtail's database search backend.

Wagtail's database backend is slow on a big site. On SQLite it orders by relevance with a
subquery that runs the full-text match again for every matching row (18 seconds for a common
word on 10,000 pages). On PostgreSQL it matches `title || body`, a vector built per row, so no
index is used (0.4 to 0.9 seconds a search). Here the index table is asked directly, for ids:

- SQLite: FTS5 ranks every match in one pass (bm25, titles weighted 4 to 1).
- PostgreSQL: one stored vector per entry, title weighted A and body B, with its own GIN index
  (search/migrations/0004), finds the matches. ts_rank reads every vector it ranks, and a
  common word matches most pages, so it ranks a capped set: the first RANKED matches, those
  whose title has the words first, then the newest pages. The same query counts the matches.

The queries take words only (search.query.words_of: letters and digits), so nothing a reader
types reaches them as syntax. With Elasticsearch, its own ranking is used instead.
"""

from django.conf import settings
from django.db import connection
from django.db.models.expressions import RawSQL

# Candidates fetched from the index: on SQLite before the visibility filters (live, public,
# language...), on PostgreSQL after them.
CANDIDATES = 400
# PostgreSQL: how many matches ts_rank ranks, at most: ranking all 6,000 pages a common word
# matches takes 60 ms, ranking 1,000 a few.
RANKED = 1000
# SQLite bm25 weights for the index's columns, in order: autocomplete, body, title.
SQLITE_WEIGHTS = (0.0, 1.0, 4.0)


def ranks_in_sql():
    backend = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
    database = backend.startswith(
        ("wagtail.search.backends.database", "modelsearch.backends.database")
    )
    return database and connection.vendor in ("sqlite", "postgresql")


class Match:
    """What to match, as the database's full-text syntax: each variant's words (in any of
    their forms, the last word also as a prefix), all of them ("and") or any ("or")."""

    def __init__(self, variants, forms, operator):
        self.variants = [variant.split() for variant in variants]
        self.forms = forms
        self.operator = operator

    def _options(self, words, index, quote, prefix):
        options = [quote(form) for form in self.forms(words[index])]
        if index == len(words) - 1:
            options.append(prefix(words[index]))
        return options

    def fts5(self):
        joiner = " AND " if self.operator == "and" else " OR "
        alternatives = [
            "("
            + joiner.join(
                "(" + " OR ".join(self._options(words, i, '"{}"'.format, '"{}"*'.format)) + ")"
                for i in range(len(words))
            )
            + ")"
            for words in self.variants
        ]
        return "{title body} : (" + " OR ".join(alternatives) + ")"

    def tsquery(self, operator=None):
        joiner = " & " if (operator or self.operator) == "and" else " | "
        return " | ".join(
            "("
            + joiner.join(
                "(" + " | ".join(self._options(words, i, str, "{}:*".format)) + ")"
                for i in range(len(words))
            )
            + ")"
            for words in self.variants
        )


def best_pages(match, content_type_ids, pages, limit=None):
    """(rows, total): the best matches of these content types (at most ``limit``), best
    first, each as the row that ``pages`` (a values() queryset, "id" first) gives it, or None
    where ``pages`` leaves it out (not live, not in the reader's language...): the ranking and
    the filter in one query. On PostgreSQL, ``pages`` filters before the ranking, so no row is
    None, and the same query counts every match it lets through (``total``); on SQLite
    ``total`` is None (counted apart). ``limit`` is CANDIDATES unless given. ``pages`` gives
    each page once (filtered on the pages' own fields, or by id): the matches are joined to
    it, so a page it gave twice would be counted and listed twice."""
    limit = CANDIDATES if limit is None else limit
    if connection.vendor != "sqlite":
        return _postgres_best_pages(match, content_type_ids, pages, limit)
    best_sql, best_params = _ranked_sql(match, content_type_ids)
    pages_sql, pages_params = pages.query.sql_with_params()
    sql = f"""SELECT shown.* FROM ({best_sql} LIMIT %s) AS best
        LEFT JOIN ({pages_sql}) AS shown ON shown.id = CAST(best.object_id AS INTEGER)
        ORDER BY best.score, CAST(best.object_id AS INTEGER)"""  # noqa: S608 - ours and Django's
    with connection.cursor() as cursor:
        cursor.execute(sql, [*best_params, limit, *pages_params])
        return [row if row[0] is not None else None for row in cursor.fetchall()], None


def _postgres_best_pages(match, content_type_ids, pages, limit):
    # One pass over the matches serves the count and the ranking. The index answers which
    # entries match (and whether in their titles); the pages' own filter (by id) keeps those the
    # reader may see, in one hash join: the planner cannot guess how many entries match (see
    # _matching_sql), and checked each one against the page table by its key instead (9,000
    # lookups for a common word, a third of the query). The candidates are the matches whose
    # title has the words, then the newest pages; ts_rank reads the weighted vectors of those
    # alone, fetched by id. The index holds one entry per page (its own type), so counting
    # entries counts pages.
    visible_sql, visible_params = pages.values("id").query.sql_with_params()
    pages_sql, pages_params = pages.query.sql_with_params()
    sql = f"""WITH matched AS MATERIALIZED (
            SELECT entry.id AS entry_id, CAST(entry.object_id AS INTEGER) AS page_id,
                entry.title @@ query AS in_title
            FROM wagtailsearch_indexentry AS entry, to_tsquery(%s) AS query
            WHERE entry.content_type_id IN ({_types(content_type_ids)})
              AND entry.hub_search_vector @@ query
        ), visible AS (
            SELECT matched.* FROM matched
            JOIN ({visible_sql}) AS visible_page ON visible_page.id = matched.page_id
        ), candidate AS (
            SELECT * FROM visible ORDER BY in_title DESC, page_id DESC LIMIT %s
        ), best AS (
            SELECT candidate.page_id, ts_rank(entry.hub_search_vector, query) AS score
            FROM candidate JOIN wagtailsearch_indexentry AS entry ON entry.id = candidate.entry_id,
                to_tsquery(%s) AS query
            ORDER BY score DESC, candidate.page_id DESC
            LIMIT %s
        )
        SELECT shown.*, (SELECT count(*) FROM visible)
        FROM best JOIN ({pages_sql}) AS shown ON shown.id = best.page_id
        ORDER BY best.score DESC, best.page_id DESC"""  # noqa: S608 - ours and Django's
    tsquery = match.tsquery()
    params = [tsquery, *content_type_ids, *visible_params, RANKED, tsquery, limit, *pages_params]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return [row[:-1] for row in rows], (rows[0][-1] if rows else 0)


def matching(match, content_type_ids):
    """A subquery of the ids of every matching object, for `pk__in=` (counts, later pages)."""
    sql, params = _matching_sql(match, content_type_ids)
    return RawSQL(sql, params)


def _types(content_type_ids):
    return ", ".join(["%s"] * len(content_type_ids))


def _matching_sql(match, content_type_ids):
    if connection.vendor == "sqlite":
        return (
            f"""SELECT CAST(entry.object_id AS INTEGER)
            FROM wagtailsearch_indexentry_fts AS fts
            JOIN wagtailsearch_indexentry AS entry ON entry.id = fts.rowid
            WHERE wagtailsearch_indexentry_fts MATCH %s
              AND entry.content_type_id IN ({_types(content_type_ids)})""",  # noqa: S608
            [match.fts5(), *content_type_ids],
        )
    # to_tsquery in FROM, not in WHERE, on purpose: parsed once, not for every row; and the
    # planner, which cannot guess from it how many entries match, takes the GIN index. Knowing
    # that a common word matches most entries, it would read every entry's vector instead
    # (3 µs each, 30 ms on 10,000), where the index answers without reading them.
    return (
        f"""SELECT CAST(entry.object_id AS INTEGER)
        FROM wagtailsearch_indexentry AS entry, to_tsquery(%s) AS query
        WHERE entry.content_type_id IN ({_types(content_type_ids)})
          AND entry.hub_search_vector @@ query""",  # noqa: S608
        [match.tsquery(), *content_type_ids],
    )


def _ranked_sql(match, content_type_ids):
    sql, params = _matching_sql(match, content_type_ids)
    sql = sql.replace(
        "SELECT CAST(entry.object_id AS INTEGER)",
        "SELECT entry.object_id, bm25(wagtailsearch_indexentry_fts, %s, %s, %s) AS score",
        1,
    )
    return sql + " ORDER BY score", [*SQLITE_WEIGHTS, *params]
