"""Builds iCalendar (.ics) files for events, in UK time with its clock changes."""

from django.utils.translation import gettext
from icalendar import Calendar, Event

PRODID = "-//Partnership Hub//Events//EN"


def build_calendar(events, request, name):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/London")
    for event in events:
        calendar.add_component(build_event(event, request))
    # Adds a VTIMEZONE for Europe/London, with its GMT and BST rules.
    calendar.add_missing_timezones()
    return calendar.to_ical()


def build_event(event, request):
    from django.utils import timezone

    london = timezone.get_default_timezone()
    item = Event()
    item.add("uid", f"event-{event.translation_key}-{event.locale.language_code}@partnership-hub")
    # Each event says which language it is in: an English event in a Welsh feed says "en".
    language = {"LANGUAGE": event.locale.language_code}
    item.add("summary", event.title, parameters=language)
    item.add("dtstart", timezone.localtime(event.start, london))
    item.add("dtend", timezone.localtime(event.end, london))
    item.add("dtstamp", event.last_published_at or event.latest_revision_created_at or event.start)
    item.add("description", event.summary_text, parameters=language)
    item.add("url", event.get_full_url(request=request))
    if event.is_in_person and event.venue:
        item.add("location", ", ".join([event.venue.name, *event.venue.address_lines]))
    elif event.is_online:
        item.add("location", gettext("Online"))
    return item
