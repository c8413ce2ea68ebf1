import re

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Page

from hub.i18n import in_reader_language

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200
WORD = re.compile(r"\w+", re.UNICODE)


def clean_query(raw):
    """The query as the reader typed it, for showing back: printable, bounded, tidy spaces."""
    text = "".join(ch if ch.isprintable() else " " for ch in raw)
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def search_terms(query):
    """Only the words, lower-cased: full-text engines give quotes, brackets, '*' and upper-case
    AND/OR/NOT/NEAR their own meanings, and a reader never means those."""
    return " ".join(WORD.findall(query.lower()))


def uses_database_search():
    """Wagtail's database backend runs in SQL, so filters may be subqueries."""
    backend = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
    return backend.startswith(("wagtail.search.backends.database", "modelsearch.backends.database"))


def search(request):
    """Searches every live, public page in the reader's language."""
    query = clean_query(request.GET.get("q", ""))
    terms = search_terms(query)
    results = None
    if query:
        pages = in_reader_language(
            Page.objects.live().public(), as_values=not uses_database_search()
        ).specific()
        found = pages.search(terms) if terms else pages.none()
        results = Paginator(found, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "search/search.html", {"search_query": query, "results": results})
