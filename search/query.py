"""From what a reader typed to what the search engine is asked.

Readers type questions ("what is co-production"), quotes, brackets and words engines treat as
operators (AND, NEAR, *). Only the words are kept, lower-cased; small question words are
dropped (they would otherwise have to appear in a page for it to match); and the synonyms comms
staff keep ("social worker" ~ "children's services") add alternative wordings.
"""

import re

from modelsearch.query import And, Or, PlainText

MAX_QUERY_LENGTH = 200
MAX_VARIANTS = 8
WORD = re.compile(r"\w+", re.UNICODE)

# Words that carry no meaning in a search, per language. Kept short on purpose: a word missing
# here costs a little ranking, a word wrongly here loses results.
STOP_WORDS = {
    "en": {
        "a",
        "an",
        "and",
        "are",
        "do",
        "does",
        "for",
        "how",
        "i",
        "is",
        "it",
        "my",
        "of",
        "the",
        "to",
        "what",
        "when",
        "where",
        "who",
        "why",
    },
    "cy": {"a", "ac", "beth", "y", "yr", "yw", "sut", "pam", "i", "o", "mae"},
    "pl": {"a", "co", "czy", "i", "jak", "jest", "na", "o", "to", "w", "z"},
    "ur": {"کیا", "ہے", "ہیں", "کا", "کی", "کے", "میں", "اور", "کو", "سے"},
}


def clean_query(raw):
    """The query as the reader typed it, for showing back: printable, bounded, tidy spaces."""
    text = "".join(ch if ch.isprintable() else " " for ch in raw)
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def words_of(text):
    """Only the words, lower-cased: full-text engines give quotes, brackets, '*' and upper-case
    AND/OR/NOT/NEAR their own meanings, and a reader never means those."""
    return WORD.findall(text.lower())


def search_terms(query, language="en"):
    """The words worth searching for; the question words only if nothing else is left."""
    words = words_of(query)
    meaningful = [w for w in words if w not in STOP_WORDS.get(language, set())]
    return " ".join(meaningful or words)


def variants(terms, synonym_groups):
    """The terms, then the terms with each synonym swapped in ("court hearing" with "court" ~
    "care proceedings" gives "care proceedings hearing"). At most MAX_VARIANTS."""
    found = [terms]
    padded = f" {terms} "
    for group in synonym_groups:
        for phrase in group:
            if f" {phrase} " not in padded:
                continue
            for other in group:
                if other != phrase:
                    variant = padded.replace(f" {phrase} ", f" {other} ").strip()
                    if variant not in found:
                        found.append(variant)
    return found[:MAX_VARIANTS]


def word_forms(word, language):
    """The word and its singular or plural, for English ("conference" finds "conferences"):
    the database search engines do not all stem words."""
    forms = {word}
    if language == "en" and len(word) > 3 and word.isalpha():
        if word.endswith("ies"):
            forms.add(word[:-3] + "y")
        elif word.endswith("s") and not word.endswith("ss"):
            forms.add(word[:-1])
        elif word.endswith("y") and word[-2] not in "aeiou":
            forms.add(word[:-1] + "ies")
        else:
            forms.add(word + "s")
    return sorted(forms)


def _either(items):
    return items[0] if len(items) == 1 else Or(items)


def build_query(terms, synonym_groups=(), operator="and", language="en"):
    """A search query for the terms (each word in any of its forms) and their synonym
    variants; with operator "and" a page needs every word, with "or" any of them."""
    combine = And if operator == "and" else Or
    queries = []
    for variant in variants(terms, synonym_groups):
        words = [
            _either([PlainText(form) for form in word_forms(w, language)]) for w in variant.split()
        ]
        queries.append(words[0] if len(words) == 1 else combine(words))
    return _either(queries)
