"""Venues in the admin menu (a reviewed snippet: drafts go to parent review), and the calendar
files a CDN must forget when events change (hub/caching/frontend.py)."""

from django.conf import settings
from django.contrib import messages
from django.urls import reverse
from django.utils import translation
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from events.models import EventPage, Venue
from hub.public import public_pages


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


def calendar_addresses(event=None):
    """The upcoming events' calendar, and one event's file, in every language."""
    addresses = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            addresses.append(reverse("events:upcoming_ics"))
            if event is not None:
                addresses.append(reverse("events:event_ics", kwargs={"page_id": event.pk}))
    return addresses


@hooks.register("hub_cached_addresses_of_page")
def calendar_files_listing(page):
    return calendar_addresses(page) if isinstance(page, EventPage) else []


@hooks.register("hub_cached_addresses")
def every_calendar_file():
    addresses = calendar_addresses()
    for event in public_pages(EventPage).only("pk"):
        addresses += calendar_addresses(event)
    return list(dict.fromkeys(addresses))


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def say_when_the_venue_is_not_on_its_way(request, page):
    """An event's venue is reviewed on its own. If it is not on the website and nobody has sent
    it to parent review, the event would go live saying "To be confirmed" for where: the comms
    officer is told when they save or submit the event."""
    if not request.accepts("text/html"):
        return  # an autosave (JSON): the warning would pile up, once for each
    event = page.specific
    venue = event.venue if isinstance(event, EventPage) and event.is_in_person else None
    if venue is None or venue.live or venue.current_workflow_state is not None:
        return
    messages.warning(
        request,
        f"The venue “{venue}” is not on the website, and nobody has sent it to parent review. "
        "Send it too (Venues, then the venue, then Submit to Parent review), or this event "
        "will say “To be confirmed” for where it is.",
    )
