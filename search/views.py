from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Locale, Page

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def clean_query(raw):
    """A query safe to hand to any search backend: no control characters, bounded length."""
    text = "".join(ch for ch in raw if ch.isprintable() or ch == " ")
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def search(request):
    """Searches every live, public page in the reader's language."""
    query = clean_query(request.GET.get("q", ""))
    results = None
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        results = Paginator(pages.search(query), RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "search/search.html", {"search_query": query, "results": results})
