"""Factories for story pages and the stories index (tests and benchmarks)."""

import datetime

import factory
import wagtail_factories

from hub.factories import index_page_factory
from stories.models import StoryIndexPage, StoryPage

StoryIndexPageFactory = index_page_factory(StoryIndexPage, "You said, we did", "you-said-we-did")


class StoryPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Story {n}")
    said_summary = "Reports arrived too late to read."
    said_by = "The parents' group"
    said_on = datetime.date(2026, 3, 1)
    what_we_did = "<p>Reports now arrive three days before.</p>"
    status = "done"

    class Meta:
        model = StoryPage
