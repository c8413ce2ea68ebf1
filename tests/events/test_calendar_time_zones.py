"""Calendar files place every event at the moment its page shows, in any calendar client.

Two readers check each file, and both place times with the file's own VTIMEZONE (the block
clients read), never with a time-zone database that knows "Europe/London" by name: icalendar,
which writes the files, and ical.js, an independent reader that node runs.
"""

import datetime
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from icalendar import Calendar

from events.factories import EventIndexPageFactory, EventPageFactory
from events.models import EventPage

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
ICS_INSTANTS = Path(__file__).with_name("ics_instants.mjs")
UTC = datetime.UTC
FEEDS = [
    "/calendar/upcoming.ics",
    "/cy/calendar/upcoming.ics",
    "/pl/calendar/upcoming.ics",
    "/ur/calendar/upcoming.ics",
]
# Start and end on the UTC clock: 10 a.m. to noon in London, in GMT (winter) or BST (summer).
NEXT_YEAR = datetime.date.today().year + 1
TIMES = {
    "January": ((NEXT_YEAR, 1, 14, 10), (NEXT_YEAR, 1, 14, 12)),
    "July": ((NEXT_YEAR, 7, 8, 9), (NEXT_YEAR, 7, 8, 11)),
    "January 2040": ((2040, 1, 11, 10), (2040, 1, 11, 12)),
    "July 2040": ((2040, 7, 12, 9), (2040, 7, 12, 11)),
}


@pytest.fixture
def seasonal_events(home):
    """An event in January and one in July, next year and in 2040, as stored (UTC)."""
    index = EventIndexPageFactory(parent=home)
    for title, (start, end) in TIMES.items():
        EventPageFactory(
            parent=index,
            title=title,
            start=datetime.datetime(*start, tzinfo=UTC),
            end=datetime.datetime(*end, tzinfo=UTC),
        )
    return list(EventPage.objects.order_by("start"))


def uid(event):
    return f"event-{event.translation_key}-{event.locale.language_code}@partnership-hub"


def calendar_files(client, events):
    """Each calendar file that lists the events, with the events it lists: every feed lists
    them all, and each event's own file lists that event."""
    files = [(url, events) for url in FEEDS] + [(event.get_ics_url(), [event]) for event in events]
    for url, listed in files:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"] == "text/calendar; charset=utf-8", url
        yield url, response.content, listed


def page_instants(client, event):
    """The start and end the event's page shows, from its <time datetime> elements."""
    html = client.get(event.url).content.decode()
    start, end = re.findall(r'<time datetime="([^"]+)">', html)[:2]
    return datetime.datetime.fromisoformat(start), datetime.datetime.fromisoformat(end)


def read_with_ical_js(body):
    """{UID: (start, end)} as ical.js places them, with the file's VTIMEZONE."""
    return {
        key: tuple(datetime.datetime.fromisoformat(event[edge]["utc"]) for edge in ("start", "end"))
        for key, event in ical_js_events(body).items()
    }


def ical_js_events(body):
    """{UID: {"start", "end", "description"}} as ical.js reads them (ics_instants.mjs)."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("These tests need Node.js: no `node` on PATH to run ical.js with.")
    if not (ROOT / "node_modules" / "ical.js" / "package.json").is_file():
        pytest.fail(f"ical.js is not installed: run `npm ci` in {ROOT} (`make test` does).")
    result = subprocess.run(
        [node, str(ICS_INSTANTS)], input=body, capture_output=True, cwd=ROOT, timeout=60
    )
    if result.returncode:
        pytest.fail(f"ical.js could not read the calendar file:\n{result.stderr.decode()}")
    return json.loads(result.stdout)


def read_with_icalendar(body):
    """{UID: (start, end)} as icalendar places them, with the file's VTIMEZONE."""
    calendar = Calendar.from_ical(body)
    (vtimezone,) = calendar.walk("VTIMEZONE")
    # lookup_tzid=False: build the zone from the block itself, not from the tz database.
    zone = vtimezone.to_tz(lookup_tzid=False)
    instants = {}
    for item in calendar.walk("VEVENT"):
        for name in ("dtstart", "dtend"):
            assert item[name].params["TZID"] == vtimezone["TZID"]
        start, end = (item[name].dt.replace(tzinfo=zone) for name in ("dtstart", "dtend"))
        instants[str(item["uid"])] = (start, end)
    return instants


def by_title(instants, events):
    """{title: (start, end)} in UTC, so that a failure names the event."""
    titles = {uid(event): event.title for event in events}
    return {
        titles.get(key, key): tuple(time.astimezone(UTC) for time in pair)
        for key, pair in instants.items()
    }


def assert_compact_uk_vtimezone(body, where):
    """The file has one VTIMEZONE, Europe/London, in the compact form every client reads."""
    calendar = Calendar.from_ical(body)
    (vtimezone,) = calendar.walk("VTIMEZONE")
    assert vtimezone["TZID"] == "Europe/London", where
    assert [part.name for part in vtimezone.subcomponents] == ["STANDARD", "DAYLIGHT"], where
    standard, daylight = vtimezone.subcomponents
    for part, starts, offsets, name, month in (
        (standard, datetime.datetime(1970, 10, 25, 2), (1, 0), "GMT", 10),
        (daylight, datetime.datetime(1970, 3, 29, 1), (0, 1), "BST", 3),
    ):
        assert part.decoded("dtstart") == starts, where
        assert [part.decoded("tzoffsetfrom"), part.decoded("tzoffsetto")] == [
            datetime.timedelta(hours=hours) for hours in offsets
        ], where
        assert part["tzname"] == name, where
        # Yearly on the month's last Sunday, for ever: no UNTIL, no COUNT, no RDATE list.
        assert dict(part["rrule"]) == {"FREQ": ["YEARLY"], "BYMONTH": [month], "BYDAY": ["-1SU"]}
    assert "COMMENT" not in vtimezone, where
    assert b"RDATE" not in body and b"2038" not in body, where


@pytest.mark.parametrize("reader", [read_with_ical_js, read_with_icalendar])
def test_winter_summer_and_2040_events_start_at_the_instant_their_page_shows_in_two_readers(
    client, seasonal_events, reader
):
    for event in seasonal_events:
        assert page_instants(client, event) == (event.start, event.end), event.title
    for url, body, listed in calendar_files(client, seasonal_events):
        expected = {event.title: (event.start, event.end) for event in listed}
        assert by_title(reader(body), listed) == expected, url


def test_every_calendar_file_has_the_compact_uk_vtimezone_with_yearly_rules_and_no_end(
    client, seasonal_events
):
    for url, body, _listed in calendar_files(client, seasonal_events):
        assert_compact_uk_vtimezone(body, url)


def test_a_feed_with_no_events_still_carries_the_uk_vtimezone(client, home):
    response = client.get("/calendar/upcoming.ics")
    assert b"BEGIN:VEVENT" not in response.content
    assert_compact_uk_vtimezone(response.content, "an empty feed")
