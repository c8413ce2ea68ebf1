from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.models import SearchSynonym


class SynonymViewSet(SnippetViewSet):
    """Words parents use for the same thing, kept by comms staff (Snippets → Synonym groups)."""

    model = SearchSynonym
    icon = "search"
    list_display = ["__str__", "note"]
    search_fields = ["words", "note"]


register_snippet(SynonymViewSet)
