""" "Did you mean": a misspelled word ("conferance") swapped for the closest word the hub uses.

The words the hub uses are those of the titles of the pages the reader may see (in their
language) and of the synonym groups comms staff keep. On PostgreSQL the closest is found by
trigram similarity (pg_trgm, search/migrations/0003); elsewhere by difflib's ratio, a small
edit-distance measure from the standard library. Only words the hub does not use are swapped,
and only when the query found nothing (search/views.py), so a rare real word is never "fixed"
while it still finds pages.
"""

import difflib
import hashlib

from django.db import connection

from hub.caching.generation import remembered
from search.models import SearchSynonym
from search.query import words_of

# Shorter words have too few letters to tell a typo from another word ("cat" ~ "car").
MIN_LENGTH = 4
# How alike two words must be: pg_trgm's similarity (0 to 1) and difflib's ratio (0 to 1).
# "conferance" ~ "conference" scores 0.57 and 0.90; "proceedins" ~ "proceedings" 0.64 and 0.95.
TRIGRAM_THRESHOLD = 0.4
RATIO_THRESHOLD = 0.8


def vocabulary(pages):
    """The words of the titles of these pages and of every synonym group, as a sorted list.
    Remembered until the next change the public can see (a publish, a synonym): reading every
    title of a 10,000-page hub takes 50 ms. The pages' SQL (their language, type and topic)
    names them in the key."""
    key = hashlib.sha256(str(pages.query).encode()).hexdigest()
    return remembered("search-vocabulary", lambda: _vocabulary(pages), key)


def _vocabulary(pages):
    words = set()
    for title in pages.values_list("title", flat=True):
        words.update(words_of(title))
    for group in remembered("synonyms", SearchSynonym.groups):
        for phrase in group:
            words.update(phrase.split())
    return sorted(word for word in words if len(word) >= MIN_LENGTH and not word.isdigit())


def correction(terms, pages):
    """The terms with each word the hub does not use swapped for the closest one it does, or
    None if no word could be swapped."""
    words = terms.split()
    known = vocabulary(pages)
    if not known:
        return None
    known_set = set(known)
    corrected = []
    for word in words:
        if word in known_set or len(word) < MIN_LENGTH or word.isdigit():
            corrected.append(word)
        else:
            corrected.append(closest(word, known) or word)
    return " ".join(corrected) if corrected != words else None


def closest(word, known):
    """The known word most like ``word``, if one is alike enough."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT known FROM unnest(%s::text[]) AS known "
                "WHERE similarity(known, %s) >= %s "
                "ORDER BY similarity(known, %s) DESC, known LIMIT 1",
                [known, word, TRIGRAM_THRESHOLD, word],
            )
            row = cursor.fetchone()
        if row:
            return row[0]
        # pg_trgm reads only ASCII letters as letters under the C locale: words in Polish or
        # Urdu script fall back to the measure used elsewhere.
        if word.isascii():
            return None
    matches = difflib.get_close_matches(word, known, n=1, cutoff=RATIO_THRESHOLD)
    return matches[0] if matches else None
