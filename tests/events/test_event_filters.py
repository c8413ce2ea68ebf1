"""Events a parent can choose from: filtered by access needs, type, how to take part and month,
from the address (no JavaScript), with a count, a plain "no events match" and each event's
access shown in the list."""

import datetime
import re

import pytest
from django.utils import timezone

from events.factories import EventIndexPageFactory, EventPageFactory, VenueFactory
from tests.helpers.translation import publish_translation

pytestmark = pytest.mark.django_db
LONDON = timezone.get_default_timezone()


@pytest.fixture
def events(home):
    index = EventIndexPageFactory(parent=home)
    now = timezone.now()
    soon = now + datetime.timedelta(days=3)
    step_free_loop = VenueFactory(
        name="Riverside", step_free_access="yes", hearing_loop="yes", childcare="yes"
    )
    steps = VenueFactory(name="Old Hall", step_free_access="no", hearing_loop="", childcare="no")
    in_review = VenueFactory(name="New Hall", step_free_access="yes", live=False)
    EventPageFactory(parent=index, title="Forum", kind="forum", venue=step_free_loop, start=soon)
    EventPageFactory(parent=index, title="Dads group", kind="group", venue=steps, start=soon)
    EventPageFactory(parent=index, title="Unconfirmed", kind="group", venue=in_review, start=soon)
    EventPageFactory(
        parent=index,
        title="Online check",
        kind="have_your_say",
        attendance="online",
        venue=None,
        joining_instructions="A link by email.",
        start=soon,
    )
    return index


def titles(client, url, **params):
    """The titles of the events listed, in order."""
    html = client.get(url, params).content.decode()
    return re.findall(
        r'<h3 class="govuk-heading-m[^"]*"><a class="govuk-link" href="[^"]*">(.*?)</a>', html
    )


def listed(client, events, **params):
    return sorted(titles(client, events.url, **params))


def test_step_free_lists_only_events_at_approved_step_free_venues(client, events):
    assert listed(client, events, access="step-free") == ["Forum"]


def test_access_needs_combine_every_one_chosen(client, events):
    assert listed(client, events, access=["step-free", "hearing-loop", "creche"]) == ["Forum"]
    assert listed(client, events, access=["hearing-loop"]) == ["Forum"]


def test_events_filter_by_type_and_by_how_to_take_part(client, events):
    assert listed(client, events, type="group") == ["Dads group", "Unconfirmed"]
    assert listed(client, events, attendance="online") == ["Online check"]
    assert "Online check" not in listed(client, events, attendance="in_person")


def test_events_filter_by_month_in_uk_time(client, home):
    index = EventIndexPageFactory(parent=home)
    year = timezone.localdate().year + 1
    # 00:30 on 1 March in London is still February in UTC: it belongs to March.
    EventPageFactory(
        parent=index, title="March", start=datetime.datetime(year, 3, 1, 0, 30, tzinfo=LONDON)
    )
    EventPageFactory(
        parent=index, title="February", start=datetime.datetime(year, 2, 27, 10, tzinfo=LONDON)
    )
    assert listed(client, index, month=f"{year}-03") == ["March"]
    html = client.get(index.url).content.decode()
    assert f'<option value="{year}-02">February {year}</option>' in html
    assert f'<option value="{year}-03">March {year}</option>' in html


def test_the_list_says_how_many_events_match_and_offers_to_clear(client, events):
    html = client.get(events.url, {"type": "group"}).content.decode()
    assert "2 upcoming events match your filters" in html
    assert f'<a class="govuk-link" href="{events.url}">Clear filters</a>' in html
    assert "4 upcoming events" in client.get(events.url).content.decode()


def test_no_match_says_so_plainly_with_a_way_to_clear_the_filters(client, events):
    html = client.get(events.url, {"type": "training"}).content.decode()
    assert "0 upcoming events match your filters" in html
    assert "No upcoming events match these filters." in html
    assert "Clear filters" in html


def test_chosen_filters_stay_chosen_and_open(client, events):
    html = client.get(events.url, {"access": "step-free", "type": "forum"}).content.decode()
    assert 'value="step-free" checked' in html
    assert '<option value="forum" selected>' in html
    assert '<details class="govuk-details app-filter-toggle" open>' in html


@pytest.mark.parametrize(
    "params",
    [
        {"access": "teleport"},
        {"type": "party"},
        {"attendance": "by-pigeon"},
        {"month": "2026-13"},
        {"month": "not-a-month"},
        {"month": "99999-01"},
        {"month": "0000-01"},
        {"type": "x" * 5000},
        {"access": "step-free-ish"},
    ],
)
def test_a_filter_value_that_names_nothing_gives_the_unfiltered_list(client, events, params):
    response = client.get(events.url, params)
    assert response.status_code == 200
    assert len(titles(client, events.url, **params)) == 4


def test_each_listed_event_says_what_its_venue_offers_without_opening_it(client, events):
    html = client.get(events.url).content.decode()
    forum = html[html.index(">Forum<") :]
    access = forum[forum.index("app-access") : forum.index("</p>", forum.index("app-access"))]
    assert "Step-free" in access and "Hearing loop" in access and "Crèche" in access
    # A venue still in review promises nothing.
    unconfirmed = html[html.index(">Unconfirmed<") :]
    assert "Step-free" not in unconfirmed[: unconfirmed.index("</li>")]


def test_the_filters_and_labels_are_in_the_readers_language(client, events):
    welsh = publish_translation(events, "cy")
    html = client.get(welsh.url, {"access": "step-free"}).content.decode()
    assert "Hidlo digwyddiadau" in html  # Filter events
    assert "Heb risiau" in html  # Step-free, on the listed event
    assert "1 digwyddiad i ddod yn cyfateb i'ch hidlwyr" in html
