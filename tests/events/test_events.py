"""Events: listed soonest first, with their venue's accessibility, calendar files and structured
data."""

import datetime
import json
import re

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils import timezone
from icalendar import Calendar

from events.factories import EventIndexPageFactory, EventPageFactory, VenueFactory
from tests.events.test_calendar_time_zones import ical_js_events

pytestmark = pytest.mark.django_db
LONDON = timezone.get_default_timezone()


@pytest.fixture
def events(home):
    return EventIndexPageFactory(parent=home)


def london(year, month, day, hour):
    return datetime.datetime(year, month, day, hour, tzinfo=LONDON)


def test_upcoming_events_come_first_soonest_first_and_past_events_apart(events, client):
    now = timezone.now()
    EventPageFactory(parent=events, title="Later", start=now + datetime.timedelta(days=20))
    EventPageFactory(parent=events, title="Sooner", start=now + datetime.timedelta(days=2))
    EventPageFactory(parent=events, title="Last month", start=now - datetime.timedelta(days=30))
    html = client.get(events.url).content.decode()
    assert html.index("Sooner") < html.index("Later") < html.index("Past events")
    assert html.index("Past events") < html.index("Last month")


def test_the_index_paginates_upcoming_and_past_events_separately(events, client):
    now = timezone.now()
    for n in range(12):
        EventPageFactory(
            parent=events, title=f"Upcoming {n:02}", start=now + datetime.timedelta(days=n + 1)
        )
    html = client.get(events.url, {"page": 2}).content.decode()
    assert "Upcoming 10" in html and "Upcoming 00" not in html
    assert 'aria-label="Upcoming events pages"' in html


@pytest.mark.parametrize(
    "query", [{"page": "abc"}, {"page": "-1"}, {"past": "9999"}, {"page": "1e9"}]
)
def test_bad_page_numbers_still_show_the_events(events, client, query):
    EventPageFactory(parent=events, title="Forum")
    response = client.get(events.url, query)
    assert response.status_code == 200
    assert "Forum" in response.content.decode()


def test_an_event_shows_its_venue_accessibility_in_a_summary_list(events, client):
    venue = VenueFactory(
        name="Riverside Hub",
        hearing_loop="no",
        accessible_parking_bays=4,
        accessible_parking_distance=20,
        how_to_ask_for_adjustments="Call us.",
    )
    event = EventPageFactory(parent=events, venue=venue)
    html = client.get(event.url).content.decode()
    assert "govuk-summary-list" in html
    assert "Step-free access" in html
    assert re.search(r"Hearing loop</dt>\s*<dd[^>]*>No", html)
    assert "4 accessible bays, 20 metres from the entrance" in html
    assert re.search(r"Changing Places toilet</dt>\s*<dd[^>]*>No", html)
    assert "Not known: please ask us" in html  # fields left blank say so, never guess
    assert "Call us." in html


def test_an_online_event_gives_joining_instructions_and_says_whether_it_has_captions(
    events, client
):
    event = EventPageFactory(
        parent=events,
        attendance="online",
        venue=None,
        joining_instructions="We email you a link.",
        live_captions=True,
    )
    html = client.get(event.url).content.decode()
    assert "We email you a link." in html
    assert "Live captions will be switched on." in html
    assert "Getting to" not in html


def test_an_event_page_carries_schema_org_event_data(events, client):
    event = EventPageFactory(parent=events, attendance="both", joining_instructions="Link by email")
    html = client.get(event.url).content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    )
    assert data["@type"] == "Event"
    assert data["name"] == event.title
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert datetime.datetime.fromisoformat(data["startDate"]) == event.start
    assert {loc["@type"] for loc in data["location"]} == {"Place", "VirtualLocation"}


@pytest.mark.parametrize(
    "cost, free",
    [
        ("Free", True),
        (" free ", True),
        ("Am ddim", True),  # as a Welsh translator writes it
        ("Bezpłatne", True),
        ("مفت", True),
        ("£3, or free with a carer's card", False),
    ],
)
def test_an_event_is_free_in_whichever_language_its_cost_was_written(events, client, cost, free):
    """Found in a walk: the Welsh page said "Am ddim" and told search engines it was not free."""
    event = EventPageFactory(parent=events, cost=cost)
    html = client.get(event.url).content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    )
    assert data["isAccessibleForFree"] is free
    cost_shown = BeautifulSoup(html, "html.parser").select_one(
        ".govuk-summary-list__row:-soup-contains('Cost') dd"
    )
    assert cost_shown.get_text(strip=True) == ("Free" if free else cost.strip())


def test_free_stays_free_on_a_hub_without_english(settings):
    from events.models import EventPage, words_for_free

    settings.LANGUAGES = [("cy", "Cymraeg"), ("pl", "Polski")]
    words_for_free.cache_clear()
    try:
        assert EventPage(cost="Free").is_free and EventPage(cost="Am ddim").is_free
    finally:
        words_for_free.cache_clear()


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"end_offset": -1}, "end"),
        ({"attendance": "in_person", "venue": None}, "venue"),
        (
            {"attendance": "online", "venue": None, "joining_instructions": ""},
            "joining_instructions",
        ),
        ({"booking_instructions": "", "booking_url": ""}, "booking_instructions"),
    ],
)
def test_an_event_with_missing_or_impossible_details_is_refused(events, changes, field):
    start = timezone.now() + datetime.timedelta(days=3)
    end = start + datetime.timedelta(hours=changes.pop("end_offset", 2))
    event = EventPageFactory.build(start=start, end=end, **{"venue": VenueFactory(), **changes})
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert field in error.value.message_dict


@pytest.mark.parametrize("year_typed", [1026, 2062])
def test_a_mistyped_year_is_refused_with_the_year_to_check(events, year_typed):
    """Found in a comms walk: an event on 20 January 1026 went to parent review."""
    start = london(year_typed, 1, 20, 10)
    event = EventPageFactory.build(
        start=start, end=start + datetime.timedelta(hours=2), venue=VenueFactory()
    )
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert error.value.message_dict["start"][0].startswith(f"Check the year: {year_typed}.")


def test_an_event_with_no_places_left_says_it_is_full(events, client):
    """Before, 0 places showed nothing, so the event looked as if it had no limit."""
    event = EventPageFactory(parent=events, places=0)
    html = client.get(event.url).content.decode()
    assert "None left: this event is full" in html
    html = client.get(EventPageFactory(parent=events, places=None).url).content.decode()
    assert "Number of places" not in html


def parse(response):
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def test_an_event_downloads_as_ics_in_uk_time_across_the_clock_change(events, client):
    year = timezone.localdate().year + 1
    winter = EventPageFactory(
        parent=events,
        title="Winter forum",
        start=london(year, 1, 14, 10),
        end=london(year, 1, 14, 12),
    )
    summer = EventPageFactory(
        parent=events,
        title="Summer forum",
        start=london(year, 7, 8, 10),
        end=london(year, 7, 8, 12),
    )
    for event, offset in ((winter, 0), (summer, 1)):
        calendar = parse(client.get(event.get_ics_url()))
        (item,) = calendar.walk("VEVENT")
        start = item.decoded("dtstart")
        assert item["summary"] == event.title
        assert (start.hour, start.minute) == (10, 0)  # 10am on the wall clock, summer or winter
        assert start.utcoffset() == datetime.timedelta(hours=offset)
        assert item["dtstart"].params["TZID"] == "Europe/London"
        assert start == event.start
    (zone,) = calendar.walk("VTIMEZONE")
    assert zone["TZID"] == "Europe/London"
    assert {c.name for c in zone.subcomponents} == {"STANDARD", "DAYLIGHT"}


def test_the_calendar_feed_lists_only_upcoming_events(events, client):
    now = timezone.now()
    EventPageFactory(parent=events, title="Next week", start=now + datetime.timedelta(days=7))
    EventPageFactory(parent=events, title="Last week", start=now - datetime.timedelta(days=7))
    calendar = parse(client.get("/calendar/upcoming.ics"))
    assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == ["Next week"]


def test_the_events_list_offers_the_feed_in_plain_words_not_a_file_type(events, client):
    from bs4 import BeautifulSoup

    html = client.get(events.url).content
    link = BeautifulSoup(html, "html.parser").find("a", href="/calendar/upcoming.ics")
    words = " ".join(link.parent.get_text().split())
    assert words == (
        "Add all upcoming events to your calendar "
        "(works with the calendar on most phones and computers)"
    )


@pytest.mark.parametrize(
    "title, expected",
    [
        ("Parents' forum", "parents-forum.ics"),
        ("Fforwm rhieni: ŵyl", "fforwm-rhieni-wyl.ics"),
        ("والدین کا فورم", "والدین-کا-فورم.ics"),  # Urdu: sent as RFC 6266 allows
        ("!!!", None),  # no letters: the event's number
    ],
)
def test_a_calendar_file_is_named_after_its_event_in_any_letters(events, client, title, expected):
    from email.message import EmailMessage

    event = EventPageFactory(parent=events, title=title, slug="the-event")
    response = client.get(event.get_ics_url())
    # Read by the standard library's MIME parser, as a mail or download client reads it.
    header = EmailMessage()
    header["Content-Disposition"] = response["Content-Disposition"]
    assert header.get_content_disposition() == "attachment"
    assert header.get_filename() == (expected or f"event-{event.pk}.ics")


def test_a_draft_or_missing_event_has_no_calendar_file(events, client):
    event = EventPageFactory(parent=events, live=False)
    assert client.get(f"/calendar/event-{event.pk}.ics").status_code == 404
    assert client.get("/calendar/event-999999.ics").status_code == 404


def test_the_calendar_file_location_has_the_venue_name_full_address_and_postcode(events, client):
    venue = VenueFactory(
        name="Riverside Family Hub", address="Family Hub, Mill Lane\nKingsbrook", postcode="KB1 1AA"
    )
    event = EventPageFactory(parent=events, venue=venue)
    (item,) = parse(client.get(event.get_ics_url())).walk("VEVENT")
    assert (
        str(item["location"]) == "Riverside Family Hub, Family Hub, Mill Lane, Kingsbrook, KB1 1AA"
    )


def test_the_calendar_file_does_not_repeat_a_postcode_the_address_already_ends_with(events, client):
    venue = VenueFactory(
        name="Library", address="Market Square\nKingsbrook KB1 2CC", postcode="KB1 2CC"
    )
    event = EventPageFactory(parent=events, venue=venue)
    (item,) = parse(client.get(event.get_ics_url())).walk("VEVENT")
    assert str(item["location"]) == "Library, Market Square, Kingsbrook KB1 2CC"


def booking_links(html):
    section = html[html.index("How to book") :]
    return re.findall(r'<a class="govuk-link" href="((?:tel|mailto):[^"]*)"', section)


def test_an_event_says_how_to_book_with_its_own_phone_and_email(events, client):
    event = EventPageFactory(
        parent=events,
        title="Dads' group",
        booking_phone="01632 960 123",
        booking_email="dads@example.org",
        venue=VenueFactory(phone="01632 960 999", email="venue@example.org"),
    )
    assert booking_links(client.get(event.url).content.decode()) == [
        "tel:01632960123",
        "mailto:dads@example.org?subject=Booking%3A%20Dads%27%20group",
    ]


def test_an_event_without_its_own_contact_uses_the_venues_then_the_partnerships(events, client):
    from wagtail.models import Site

    from hub.models import HubSettings

    settings = HubSettings.for_site(Site.objects.get(is_default_site=True))
    settings.contact_phone, settings.contact_email = "0300 000 0000", "hub@example.org"
    settings.save()
    at_venue = EventPageFactory(parent=events, venue=VenueFactory(phone="01632 960 999"))
    assert booking_links(client.get(at_venue.url).content.decode()) == ["tel:01632960999"]
    elsewhere = EventPageFactory(parent=events, venue=VenueFactory())
    html = client.get(elsewhere.url).content.decode()
    assert booking_links(html)[0] == "tel:03000000000"
    assert booking_links(html)[1].startswith("mailto:hub@example.org?subject=Booking")


def test_a_venue_still_in_review_gives_no_booking_contact(events, client):
    from wagtail.models import Site

    from hub.models import HubSettings

    settings = HubSettings.for_site(Site.objects.get(is_default_site=True))
    settings.contact_phone = "0300 000 0000"
    settings.save()
    event = EventPageFactory(parent=events, venue=VenueFactory(phone="01632 960 999", live=False))
    assert booking_links(client.get(event.url).content.decode()) == ["tel:03000000000"]


def test_times_read_midday_not_12_pm_and_say_the_number_of_places(events, client):
    event = EventPageFactory(
        parent=events,
        title="Lunch and chat",
        start=london(2031, 3, 4, 12),
        end=london(2031, 3, 4, 14),
        places=20,
    )
    html = re.sub(r"\s+", " ", client.get(event.url).content.decode())
    assert "Tuesday 4 March 2031, midday</time> to <time" in html
    assert "2 p.m.</time>" in html
    assert "p.m." not in html.split("Tuesday 4 March 2031, ")[1][:10]
    assert re.search(r"Number of places</dt>\s*<dd[^>]*>20</dd>", html)


def test_an_upcoming_events_calendar_entry_says_how_to_book(events, client):
    event = EventPageFactory(
        parent=events,
        title="Forum",
        summary_text="Talk about the new leaflet.",
        start=timezone.now() + datetime.timedelta(days=3),
        booking_instructions="Tell us if you need a crèche place.",
        booking_url="https://booking.example.org/forum",
        booking_phone="0300 000 0001",
        booking_email="forum@example.org",
    )
    body = client.get(event.get_ics_url()).content
    # Read by ical.js, a reader independent of the icalendar library that writes the file.
    (item,) = ical_js_events(body).values()
    assert item["description"].splitlines() == [
        "Talk about the new leaflet.",
        "",
        "How to book:",
        "Tell us if you need a crèche place.",
        "Book a place: https://booking.example.org/forum",
        "Phone: 0300 000 0001",
        "Email: forum@example.org",
    ]
    past = EventPageFactory(
        parent=events,
        title="Last forum",
        summary_text="We talked.",
        start=timezone.now() - datetime.timedelta(days=3),
        booking_phone="0300 000 0001",
    )
    (item,) = parse(client.get(past.get_ics_url())).walk("VEVENT")
    assert str(item["description"]) == "We talked."


def test_a_past_event_says_it_has_finished_and_no_longer_invites_anyone(events, client):
    past = EventPageFactory(
        parent=events,
        title="Last forum",
        start=timezone.now() - datetime.timedelta(days=3),
        attendance="online",
        joining_instructions="Join on the video call at 6pm.",
        booking_url="https://booking.example.org/forum",
    )
    soup = BeautifulSoup(client.get(past.url).content, "html.parser")
    finished = soup.select_one(".app-event-finished")
    assert " ".join(finished.get_text().split()) == (
        "This event has finished. See the events still to come"
    )
    assert finished.a["href"] == events.url
    text = soup.main.get_text(" ")
    for invitation in ("Add to your calendar", "How to book", "Book a place", "Joining online"):
        assert invitation not in text
    assert "Join on the video call" not in text
