""" "Did you mean": a misspelled word ("conferance") swapped for the closest word the hub uses.

The words the hub uses are those of the titles of the pages the reader may see (in their
language) and of the synonym groups comms staff keep. On PostgreSQL the closest is found by
trigram similarity, scored here as PostgreSQL's pg_trgm scores it (the same answer without a
query: tests/search/test_spelling.py checks the scores against PostgreSQL's own); elsewhere by
difflib's ratio, a small edit-distance measure from the standard library. Only words the hub
does not use are swapped, and only when the query found nothing (search/views.py), so a rare
real word is never "fixed" while it still finds pages.
"""

import difflib
import hashlib
import re
from functools import lru_cache

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
LETTERS = re.compile(r"[^\W_]+")


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
    unknown = [
        word
        for word in words
        if word not in known_set and len(word) >= MIN_LENGTH and not word.isdigit()
    ]
    swaps = closest(unknown, known) if unknown else {}
    corrected = [swaps.get(word) or word for word in words]
    return " ".join(corrected) if corrected != words else None


def closest(words, known):
    """{word: the known word most like it, if one is alike enough}."""
    found = {}
    for word in words:
        if connection.vendor == "postgresql":
            scored = [(trigram_similarity(word, each), each) for each in known]
            scored = [(score, each) for score, each in scored if score >= TRIGRAM_THRESHOLD]
            if scored:
                found[word] = min(scored, key=lambda item: (-item[0], item[1]))[1]
                continue
            # A word in Polish or Urdu script no trigram matches is tried the other way too
            # (under a plain C ctype, pg_trgm reads only ASCII letters as letters).
            if word.isascii():
                continue
        matches = difflib.get_close_matches(word, known, n=1, cutoff=RATIO_THRESHOLD)
        if matches:
            found[word] = matches[0]
    return found


@lru_cache(maxsize=50_000)
def trigrams(text):
    """pg_trgm's trigrams of a text: of each run of letters and digits, in lower case, with
    two spaces before and one after (PostgreSQL with a UTF-8 ctype, as the hub's databases are
    created, counts any language's letters as letters)."""
    found = set()
    for run in LETTERS.findall(text.lower()):
        padded = f"  {run} "
        found.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return frozenset(found)


def trigram_similarity(a, b):
    """pg_trgm's similarity(): the trigrams two words share, over all the trigrams of both."""
    first, second = trigrams(a), trigrams(b)
    shared = len(first & second)
    union = len(first) + len(second) - shared
    return shared / union if union else 0.0
