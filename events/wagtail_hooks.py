"""Venues in the admin menu (a reviewed snippet: drafts go to parent review)."""

from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from events.models import Venue


class VenueViewSet(SnippetViewSet):
    """Venues in the admin: listed by name and town, searchable, previewed as the public sees."""

    model = Venue
    icon = "site"
    menu_label = "Venues"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "postcode", "step_free_access", Column("status", label="Status")]
    list_filter = ["step_free_access", "changing_places", "hearing_loop"]


register_snippet(VenueViewSet)
