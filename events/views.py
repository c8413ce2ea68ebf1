"""Calendar (.ics) views: one event, or every upcoming event in the reader's language."""

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext

from events.ics import build_calendar
from events.models import EventPage
from hub.caching.middleware import fresh_until
from hub.models import HubSettings
from hub.public import public_pages
from hub.translation.reader import in_reader_language

# Page ids are 64-bit integers: a bigger number names no event (and SQLite cannot compare it).
MAX_PAGE_ID = 2**63 - 1


def _ics_response(body, filename):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    # A name in other letters than Latin (Urdu) is sent as RFC 6266 allows (filename*=).
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def event_filename(event):
    """The event's file name from its title ("parents-forum.ics", "فورم.ics"); by its number
    where the title leaves no letters."""
    name = slugify(event.title) or slugify(event.title, allow_unicode=True)
    return f"{name or f'event-{event.pk}'}.ics"


def event_ics(request, page_id):
    """One event as an .ics file, to add to a phone's or computer's calendar."""
    if page_id > MAX_PAGE_ID:
        raise Http404("No such event")
    event = public_pages(EventPage).select_related("venue", "locale").filter(pk=page_id).first()
    if event is None:
        raise Http404("No such event")
    if not event.is_past:
        fresh_until(request, event.end)  # then its booking details go
    return _ics_response(build_calendar([event], request, event.title), event_filename(event))


def upcoming_ics(request):
    """A calendar feed of every upcoming event, in the reader's language."""
    events = list(
        in_reader_language(public_pages(EventPage))
        .filter(end__gte=timezone.now())
        .select_related("venue", "locale")
        .order_by("start")
    )
    fresh_until(request, *(event.end for event in events))
    site_name = HubSettings.for_request(request).organisation_name
    name = gettext("%(site)s: events") % {"site": site_name}
    return _ics_response(build_calendar(events, request, name), "events.ics")
