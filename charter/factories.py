"""Factories for charter pages, their principles and promises (tests and benchmarks)."""

import json

import factory
import wagtail_factories

from charter.models import CoProductionCharterPage, ParentRightsCharterPage, Principle, Promise


class CoProductionCharterPageFactory(wagtail_factories.PageFactory):
    title = "Our charter"
    slug = "charter"
    intro = "How we work together."

    class Meta:
        model = CoProductionCharterPage
        skip_postgeneration_save = True

    @factory.post_generation
    def principles(obj, create, extracted, **kwargs):
        # A charter needs at least one principle with a promise, as the editor insists.
        if extracted is None:
            extracted = [("Trust", ["We will not talk about you without you"])]
        obj.principles = [
            Principle(title=title, promises=[Promise(text=text) for text in promises])
            for title, promises in extracted
        ]
        if create:
            obj.save()


class ParentRightsCharterPageFactory(wagtail_factories.PageFactory):
    title = "Your rights as a parent"
    slug = "rights"
    intro = "How you should be treated."
    rights = factory.LazyFunction(
        lambda: json.dumps(
            [
                {
                    "type": "right",
                    "value": {
                        "title": "To be treated with respect",
                        "what_it_means": "<p>People are kind and honest with you.</p>",
                        "if_not_met": "<p>Tell the worker's manager.</p>",
                    },
                }
            ]
        )
    )

    class Meta:
        model = ParentRightsCharterPage
