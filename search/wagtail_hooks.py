"""Search in the admin: synonym groups (comms staff) and the search terms report."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.models import SearchSynonym
from search.reports import SearchTermsReport, can_see_search_terms


class SynonymViewSet(SnippetViewSet):
    """Words parents use for the same thing, kept by comms staff (Snippets → Synonym groups)."""

    model = SearchSynonym
    icon = "search"
    list_display = ["__str__", "note"]
    search_fields = ["words", "note"]


register_snippet(SynonymViewSet)


@hooks.register("register_admin_urls")
def register_search_terms_report_urls():
    urls = [
        path("", SearchTermsReport.as_view(), name="index"),
        path("results/", SearchTermsReport.as_view(results_only=True), name="results"),
    ]
    return [path("reports/search-terms-hub/", include((urls, "search_terms")))]


class SearchTermsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_search_terms(request.user)


@hooks.register("register_reports_menu_item")
def register_search_terms_report():
    return SearchTermsMenuItem(
        "Search terms",
        reverse("search_terms:index"),
        name="hub-search-terms",
        icon_name="search",
        order=1300,
    )


@hooks.register("construct_reports_menu")
def one_search_terms_report(request, menu_items):
    """Wagtail's own (superusers only) is replaced by the one above, which comms staff see."""
    menu_items[:] = [item for item in menu_items if item.name != "search-terms"]
