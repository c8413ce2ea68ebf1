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


def field_names(panels):
    for panel in panels:
        if getattr(panel, "field_name", None):
            yield panel.field_name
        yield from field_names(getattr(panel, "children", []))


def test_parents_read_every_word_of_a_venue_readers_may_be_shown_before_approving_it(home):
    """The booking phone and email too: an event with none of its own shows the venue's."""
    from django.db import models

    from events.models import Venue

    venue = VenueFactory()
    typed = {}
    for name in field_names(Venue.panels):
        field = Venue._meta.get_field(name)
        if isinstance(field, models.EmailField):
            typed[name] = f"{name.replace('_', '')}@example.org"
        elif isinstance(field, models.CharField | models.TextField) and not field.choices:
            typed[name] = "01632 960 999" if name == "phone" else f"Typed-{name}"
    typed["postcode"] = "KB7 9EE"
    for name, value in typed.items():
        setattr(venue, name, value)
    venue.save()
    html = venue.make_preview_request().content.decode()
    assert [name for name, value in typed.items() if value not in html] == []
    assert {"phone", "email", "access_notes", "parking_details"} <= set(typed)


@pytest.mark.parametrize(
    "typed",
    [
        "call Sam",
        "ask at reception",
        "0300 000 0000 ext 12",
        "12",
        "۰۳۰۰ ۰۰۰ ۰۰۰۰",  # Urdu digits: a phone's keypad dials ASCII ones
        "+44 (0)1632 960999",  # the phone would dial +44 0 1632...
        "0300 000 0000\n",
    ],
)
def test_a_booking_phone_must_be_a_number_a_phone_can_dial(home, typed):
    from django.core.exceptions import ValidationError

    venue = VenueFactory.build(phone=typed)
    with pytest.raises(ValidationError) as error:
        venue.full_clean(exclude=["translation_key", "locale"])
    assert "Enter a phone number only" in str(error.value.message_dict["phone"])


@pytest.mark.parametrize("typed", ["0300 000 0000", "+44 300 000 0000", "(01632) 960-999", "999"])
def test_a_booking_phone_may_be_written_as_people_write_numbers(home, typed):
    venue = VenueFactory.build(phone=typed)
    venue.full_clean(exclude=["translation_key", "locale"])


@pytest.mark.parametrize(
    "typed, kept",
    [("kb7 9ee", "KB7 9EE"), ("KB79EE", "KB7 9EE"), ("sw1a  2aa", "SW1A 2AA"), ("", "")],
)
def test_a_venue_s_postcode_is_kept_as_maps_expect_it(home, typed, kept):
    venue = VenueFactory.build(postcode=typed)
    venue.full_clean(exclude=["translation_key", "locale"])
    assert venue.postcode == kept


def test_comms_staff_submitting_an_event_at_an_unsent_venue_are_told_to_send_it(
    home, people, client
):
    """Found in a walk: the event went live saying "To be confirmed" for where."""
    from events.factories import EventIndexPageFactory, EventPageFactory
    from tests.helpers import form_data

    venue = VenueFactory(name="Eastfield Centre", live=False)
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home), venue=venue, live=False)
    client.force_login(people["comms"])
    data = form_data.nested_form_data({**form_data.event_page(event), "action-submit": "1"})
    answer = client.post(f"/admin/pages/{event.pk}/edit/", data, follow=True)
    assert "The venue “Eastfield Centre” is not on the website, and nobody has sent it" in (
        answer.content.decode()
    )
    event.refresh_from_db()
    assert event.current_workflow_state is not None  # the event went to review all the same

    # An autosave (JSON) leaves no warning behind to pile up in the editor.
    client.post(f"/admin/pages/{event.pk}/edit/", data, HTTP_ACCEPT="application/json")
    editor = client.get(f"/admin/pages/{event.pk}/edit/").content.decode()
    assert "nobody has sent it" not in editor

    venue.save_revision(user=people["comms"])
    venue.get_workflow().start(venue, people["comms"])
    answer = client.post(f"/admin/pages/{event.pk}/edit/", data, follow=True)
    assert "nobody has sent it" not in answer.content.decode()
