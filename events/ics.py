"""Builds iCalendar (.ics) files for events, in UK time with its clock changes."""

import datetime
from zoneinfo import ZoneInfo

from django.utils.translation import gettext
from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

from hub.models import HubSettings

PRODID = "-//Partnership Hub//Events//EN"
LONDON_TZID = "Europe/London"
LONDON = ZoneInfo(LONDON_TZID)


def build_calendar(events, request, name):
    """The .ics file of the given events, as bytes."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", LONDON_TZID)
    # Every file carries it, even an empty feed, so that a client always has UK time's rules.
    calendar.add_component(london_timezone())
    for event in events:
        calendar.add_component(build_event(event, request))
    return calendar.to_ical()


def london_timezone():
    """The VTIMEZONE for UK time that every calendar client reads: GMT from the last Sunday
    of October, BST from the last Sunday of March, every year with no end date."""
    # Not icalendar's add_missing_timezones(): it writes long RDATE lists that stop in 2038,
    # and clients that do not read them in full keep BST all winter.
    zone = Timezone()
    zone.add("tzid", LONDON_TZID)
    zone.add_component(
        _observance(
            TimezoneStandard(),
            name="GMT",
            start=datetime.datetime(1970, 10, 25, 2, 0),  # 02:00 BST goes back to 01:00 GMT
            offset_from=1,
            offset_to=0,
            month=10,
        )
    )
    zone.add_component(
        _observance(
            TimezoneDaylight(),
            name="BST",
            start=datetime.datetime(1970, 3, 29, 1, 0),  # 01:00 GMT goes forward to 02:00 BST
            offset_from=0,
            offset_to=1,
            month=3,
        )
    )
    return zone


def _observance(observance, name, start, offset_from, offset_to, month):
    """One half of UK time (GMT or BST): its name, its offsets from UTC in hours, and the
    month on whose last Sunday it begins."""
    observance.add("dtstart", start)  # a local time, as RFC 5545 requires here
    observance.add("tzoffsetfrom", datetime.timedelta(hours=offset_from))
    observance.add("tzoffsetto", datetime.timedelta(hours=offset_to))
    observance.add("tzname", name)
    observance.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1SU"})
    return observance


def description(event, request):
    """The event's summary and, for one still to come, how to book: a reader who saved it to
    their calendar can book or ask from there, without finding the page again."""
    lines = [event.summary_text]
    if event.is_past:
        return "\n".join(lines)
    booking = event.booking_contact(HubSettings.for_request(request))
    how = [event.booking_instructions.strip()] if event.booking_instructions.strip() else []
    if event.booking_url:
        how.append(f"{gettext('Book a place')}: {event.booking_url}")
    if booking["phone"]:
        how.append(f"{gettext('Phone:')} {booking['phone']}")
    if booking["email"]:
        how.append(f"{gettext('Email:')} {booking['email']}")
    if how:
        lines += ["", gettext("How to book") + ":", *how]
    return "\n".join(lines)


def build_event(event, request):
    """The VEVENT of one event page."""
    item = Event()
    item.add("uid", f"event-{event.translation_key}-{event.locale.language_code}@partnership-hub")
    # Each event says which language it is in: an English event in a Welsh feed says "en".
    language = {"LANGUAGE": event.locale.language_code}
    item.add("summary", event.title, parameters=language)
    # RFC 5545's TZID form, not UTC: clients place it with the VTIMEZONE above, and one without
    # time-zone support still shows the page's wall-clock time (right on a phone on UK time).
    item.add("dtstart", event.start.astimezone(LONDON))
    item.add("dtend", event.end.astimezone(LONDON))
    item.add("dtstamp", event.last_published_at or event.latest_revision_created_at or event.start)
    item.add("description", description(event, request), parameters=language)
    item.add("url", event.get_full_url(request=request))
    venue = event.public_venue
    if event.is_in_person and venue:
        # The full address, postcode last, so a phone's maps app finds the door from it.
        item.add("location", ", ".join(venue.full_address_lines))
    elif event.is_online:
        item.add("location", gettext("Online"))
    return item
