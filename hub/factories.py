"""Factories the apps' factories share (for tests and benchmarks)."""

import factory
import wagtail_factories


def index_page_factory(model, title, slug):
    """A factory for a section's index page (hub.models.IndexPage), with its usual title and
    address."""
    return factory.make_factory(
        model, FACTORY_CLASS=wagtail_factories.PageFactory, title=title, slug=slug
    )
