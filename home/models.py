"""The front door of the hub and its ordinary pages (about, forums and groups, contact)."""

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from charter.models import CoProductionCharterPage, ParentRightsCharterPage
from events.models import EventIndexPage, EventPage
from guides.models import GuideIndexPage, linked_guides
from hub.blocks import BodyBlock
from hub.caching.middleware import fresh_until
from hub.furniture import furniture
from hub.models import BasePage
from hub.public import public_pages
from hub.translation.reader import in_reader_language
from stories.models import StoryIndexPage, StoryPage


class HomePage(BasePage):
    """The hub's front door: featured guides, upcoming events, latest stories and the charter."""

    intro = models.TextField(help_text="A sentence or two that says what the hub is for.")
    featured_heading = models.CharField(max_length=100, default="Guides for parents")
    tagline = models.CharField(
        max_length=200,
        blank=True,
        help_text="Describes the hub in search engines and links shared elsewhere.",
    )
    contact_hours = models.CharField(
        "opening hours",
        max_length=200,
        blank=True,
        help_text="When people can call, shown beside the contact details on every page.",
    )
    contact_hours_easy_read = models.CharField(
        "opening hours in Easy Read",
        max_length=200,
        blank=True,
        help_text=(
            "The same, in short plain sentences, for the end of Easy Read guides. "
            "Left empty, they show the opening hours above."
        ),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("featured_heading"),
        InlinePanel("featured_guides", label="Featured guide", max_num=6),
        MultiFieldPanel(
            [
                FieldPanel("tagline"),
                # A sentence or three: a box that shows them whole.
                FieldPanel("contact_hours", widget=forms.Textarea(attrs={"rows": 2})),
                FieldPanel("contact_hours_easy_read", widget=forms.Textarea(attrs={"rows": 2})),
            ],
            heading="On every page",
        ),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    # Read with every page, in the reader's language (hub.furniture): the header and footer
    # show the tagline and hours, an Easy Read guide's "Talk to someone" the Easy Read hours.
    shown_on_every_page = ["tagline", "contact_hours", "contact_hours_easy_read"]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "charter.CoProductionCharterPage",
        "charter.ParentRightsCharterPage",
        "guides.GuideIndexPage",
        "events.EventIndexPage",
        "stories.StoryIndexPage",
    ]
    summary_field = "intro"
    content_type_label = _("Home")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["featured_guides"] = linked_guides(self.featured_guides)
        context["upcoming_events"] = list(
            in_reader_language(public_pages(EventPage))
            .filter(end__gte=timezone.now())
            .select_related("venue", "locale")
            .order_by("start")[:3]
        )
        fresh_until(request, *(event.end for event in context["upcoming_events"]))
        context["latest_stories"] = (
            in_reader_language(public_pages(StoryPage))
            .select_related("locale")
            .order_by("-said_on", "-first_published_at")[:3]  # as the stories page lists them
        )
        charter = (
            in_reader_language(public_pages(CoProductionCharterPage))
            .prefetch_related("principles")
            .first()
        )
        context["charter"] = charter
        context["sections"] = self.sections(request)
        return context

    # The sections the home page links to by name ("See all events"), as the menu has them.
    LINKED_SECTIONS = {
        "rights": ParentRightsCharterPage,
        "guides": GuideIndexPage,
        "events": EventIndexPage,
        "stories": StoryIndexPage,
    }

    def sections(self, request):
        """{"rights": {"title", "url"}, "events": ...}: the menu's sections in the reader's
        language, from the page furniture (no query of its own); a section the public cannot
        see is missing."""
        found = furniture(request) or {"menu": []}
        by_type = {item["page"].content_type_id: item for item in found["menu"]}
        return {
            name: by_type.get(ContentType.objects.get_for_model(model).pk)
            for name, model in self.LINKED_SECTIONS.items()
        }


class HomePageFeaturedGuide(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_guides")
    guide = models.ForeignKey("guides.GuidePage", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("guide")]


class StandardPage(BasePage):
    """An ordinary page: about the partnership, forums and groups, contact, accessibility."""

    intro = models.TextField(blank=True)
    body = StreamField(BodyBlock(), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
    summary_field = "intro"
    content_type_label = _("Information")
