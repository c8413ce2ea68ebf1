"""Factories for the home page and ordinary pages (tests and benchmarks)."""

import wagtail_factories

from home.models import HomePage, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Help and information for parents"
    slug = "hub-home"
    intro = "Clear information about children's services, written with parents."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = "About the partnership"
    intro = "Who we are."

    class Meta:
        model = StandardPage
