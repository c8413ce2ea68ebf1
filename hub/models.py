"""The shared base of every page and the partnership's site settings.

Features keep their own models in their packages (parent review in `hub/review/`, topics in
`hub/topics/`, the cache's generation in `hub/caching/`); they are imported here because
Django finds an app's models in its `models` module, and all of them belong to the `hub` app.
"""

from django.conf import settings
from django.db import models
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.search import index
from wagtail.utils.decorators import cached_classmethod

from hub.blocks import FooterLinkBlock
from hub.caching.generation import remembered
from hub.caching.models import CacheGeneration  # noqa: F401  (a model of the hub app, see above)
from hub.furniture import breadcrumbs
from hub.public import is_restricted
from hub.review.forms import ReviewedPageForm
from hub.review.models import (  # noqa: F401  (models of the hub app, see above)
    ParentPanelReviewTask,
    ParentReviewDecision,
    ReviewEmailPreference,
    ReviewRound,
    RevisionNote,
    SignInLink,
)
from hub.review.permissions import HubPagePermissionTester
from hub.sitemap import alternates_for
from hub.topics.models import TopicName  # noqa: F401
from hub.topics.names import topic_labels
from hub.validators import validate_phone_number


class BasePage(Page):
    """Abstract base for every public page type.

    Holds what all pages share: meta description fallbacks, a plain summary for listings and
    search results, breadcrumbs, sitemap entries with translations, and the hub's permission
    rules. Every page carries "Exit this page" (templates/base.html): any page of the hub may
    be one a reader needs to leave in a hurry.
    """

    # Subclasses name the field that summarises them in listings and meta descriptions.
    summary_field = None
    # What a reader calls this kind of page (shown in search results and tag pages).
    content_type_label = _("Page")

    # The editor asks the author what changed, for parent reviewers (hub/review/forms.py).
    base_form_class = ReviewedPageForm

    class Meta:
        abstract = True

    @cached_classmethod
    def get_edit_handler(cls):
        """Wagtail's tabs (content, promote, settings), with the line for parent reviewers at
        the end of the content, just above the button that sends the draft to them."""
        tabs = [
            ObjectList(
                [*cls.content_panels, FieldPanel("change_summary")], heading=gettext_lazy("Content")
            ),
            ObjectList(cls.promote_panels, heading=gettext_lazy("Promote")),
            ObjectList(cls.settings_panels, heading=gettext_lazy("Settings")),
        ]
        return TabbedInterface(tabs, base_form_class=cls.base_form_class).bind_to_model(cls)

    def permissions_for_user(self, user):
        return HubPagePermissionTester(user, self)

    @cached_property
    def summary(self):
        text = getattr(self, self.summary_field, "") if self.summary_field else ""
        return Truncator(str(text or "")).chars(200)

    def get_context(self, request, *args, **kwargs):
        """What every page shows besides its own content, so templates run no queries: its
        breadcrumbs and, for tagged pages, its topics in the reader's language."""
        context = super().get_context(request, *args, **kwargs)
        context["breadcrumbs"] = breadcrumbs(request, self) if self.depth > 2 else []
        tags = getattr(self, "tags", None)
        context["topics"] = topic_labels(tags.all()) if tags is not None else []
        return context

    def get_meta_description(self):
        return self.search_description or self.summary

    def get_sitemap_urls(self, request=None):
        """Wagtail's sitemap entries for the page, each with the page's translations."""
        alternates = alternates_for(self, request)
        return [{**entry, "alternates": alternates} for entry in super().get_sitemap_urls(request)]

    def serve_password_required_response(self, request, form, action_url):
        """The password form shows nothing of the page behind it: no title, description or
        address in the head (templates/wagtailcore/password_required.html)."""
        response = super().serve_password_required_response(request, form, action_url)
        response.context_data.update(page=None, self=None, breadcrumbs=None)
        return response

    def get_view_restrictions(self):
        """Wagtail's, without asking the database when no restriction covers the page (most
        pages): the restricted trees are read once per change (hub.public)."""
        if self.alias_of_id is None and not is_restricted(self):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def get_breadcrumbs(self):
        """The page's ancestors below the root, for the breadcrumbs component."""
        return self.get_ancestors().filter(depth__gt=1).specific(defer=True)


class IndexPage(BasePage):
    """Abstract base for a section's front page (guides, events, stories): a short intro above
    the section's pages, one per home page and language."""

    intro = models.TextField(blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1
    summary_field = "intro"

    class Meta:
        abstract = True


@register_setting(icon="cog")
class HubSettings(BaseSiteSetting):
    """The partnership's name, contact details and footer, shown on every page.

    Words that need translating (the tagline, opening hours) live on the home page instead,
    which has a version in every language.
    """

    organisation_name = models.CharField(max_length=120, default="Partnership Hub")
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=40, blank=True, validators=[validate_phone_number])
    contact_address = models.TextField(blank=True)
    exit_page_url = models.URLField(
        "'Exit this page' goes to",
        default=settings.HUB_EXIT_PAGE_URL,
        help_text="A neutral website that gives no clue what the reader was looking at.",
    )
    cover_your_tracks = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="'Cover your tracks' page",
        help_text=(
            "How to browse privately and clear history, linked beside 'Exit this page' on every"
            " page (in the reader's language where it is translated)."
        ),
    )
    accessibility_statement = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Linked from every page's footer.",
    )
    footer_links = StreamField([("link", FooterLinkBlock())], blank=True)

    panels = [
        MultiFieldPanel([FieldPanel("organisation_name")], heading="Organisation"),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_address"),
            ],
            heading="Contact details",
        ),
        FieldPanel("exit_page_url"),
        FieldPanel("cover_your_tracks"),
        FieldPanel("accessibility_statement"),
        FieldPanel("footer_links"),
    ]

    class Meta:
        verbose_name = "hub settings"

    @classmethod
    def for_request(cls, request):
        """The settings of the request's site: every page shows them, so they are read once
        per change (hub.caching), not once per request."""
        attr_name = cls.get_cache_attr_name()
        if not hasattr(request, attr_name):
            site = Site.find_for_request(request)
            if site is None:
                return super().for_request(request)
            found = remembered("hub-settings", lambda: cls.for_site(site), site.pk)
            found._request = request
            setattr(request, attr_name, found)
        return getattr(request, attr_name)
