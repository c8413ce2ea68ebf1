"""Venues in the admin: comms staff find and edit them; the public sees them as approved."""

import pytest

from events.factories import VenueFactory

pytestmark = pytest.mark.django_db


def test_comms_staff_find_venues_in_the_admin_menu_and_can_search_them(client, people):
    VenueFactory(name="Riverside Family Hub")
    VenueFactory(name="Northgate Centre")
    client.force_login(people["comms"])
    menu = client.get("/admin/").content.decode()
    # The sidebar menu is built from JSON the page carries.
    assert '"Venues"' in menu and '"/admin/snippets/events/venue/"' in menu
    html = client.get("/admin/snippets/events/venue/", {"q": "Riverside"}).content.decode()
    assert "Riverside Family Hub" in html
    assert "Northgate Centre" not in html


def test_a_venue_previews_as_the_public_will_see_it(home):
    venue = VenueFactory(name="Riverside Family Hub", hearing_loop="yes")
    response = venue.make_preview_request()
    assert response.status_code == 200
    html = response.content.decode()
    assert "Riverside Family Hub" in html
    assert "Hearing loop" in html


def test_a_venue_in_use_by_an_event_cannot_be_deleted_from_under_it(home):
    from django.db.models import ProtectedError

    from events.factories import EventIndexPageFactory, EventPageFactory

    event = EventPageFactory(parent=EventIndexPageFactory(parent=home))
    with pytest.raises(ProtectedError):
        event.venue.delete()
