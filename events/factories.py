"""Factories for venues, event pages and the events index (tests and benchmarks)."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from events.models import EventIndexPage, EventPage, Venue
from hub.factories import index_page_factory


class VenueFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Community Centre {n}")
    address = "1 Example Road\nKingsbrook"
    postcode = "KB1 1AA"
    step_free_access = "yes"
    accessible_toilet = "yes"
    changing_places = "no"
    accessible_parking_bays = 3
    accessible_parking_distance = 25

    class Meta:
        model = Venue


EventIndexPageFactory = index_page_factory(EventIndexPage, "Events", "events")


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Parents' forum {n}")
    summary_text = "Our monthly meeting."
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=2))
    venue = factory.SubFactory(VenueFactory)
    booking_instructions = "Call us to book."

    class Meta:
        model = EventPage
