import datetime

import factory
import wagtail_factories

from stories.models import StoryIndexPage, StoryPage


class StoryIndexPageFactory(wagtail_factories.PageFactory):
    title = "You said, we did"
    slug = "you-said-we-did"

    class Meta:
        model = StoryIndexPage


class StoryPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Story {n}")
    said_summary = "Reports arrived too late to read."
    said_by = "The parents' group"
    said_on = datetime.date(2026, 3, 1)
    what_we_did = "<p>Reports now arrive three days before.</p>"
    status = "done"

    class Meta:
        model = StoryPage
