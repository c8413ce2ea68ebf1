"""Factories for guide pages and the guides index (tests and benchmarks)."""

import json

import factory
import wagtail_factories

from guides.models import GuideIndexPage, GuidePage
from hub.factories import index_page_factory


def steps(*headings):
    """Raw StreamField data for steps; a heading like 'and: Get advice' makes an 'and' step."""
    data = []
    for heading in headings:
        logic, _, text = (
            heading.partition(": ") if heading[:4] in ("and:", "or: ") else ("", "", heading)
        )
        data.append(
            {
                "type": "step",
                "value": {
                    "heading": text,
                    "logic": logic,
                    "summary": f"About {text.lower()}.",
                    "body": [{"type": "paragraph", "value": f"<p>What happens: {text}.</p>"}],
                },
            }
        )
    return json.dumps(data)


GuideIndexPageFactory = index_page_factory(GuideIndexPage, "Guides", "guides")


class GuidePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Guide {n}")
    summary_text = "What happens, step by step."
    steps = factory.LazyFunction(lambda: steps("Someone gets in touch", "A meeting"))

    class Meta:
        model = GuidePage
