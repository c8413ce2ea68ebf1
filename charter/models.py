"""The partnership's charters: the co-production charter and the parent rights charter."""

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from charter.blocks import RightBlock
from hub.blocks import unique_anchor
from hub.models import BasePage


class CoProductionCharterPage(BasePage):
    """The co-production charter: ordered principles, each with the promises that carry it out.

    Each promise keeps a stable anchor, so stories and other pages can link to it.
    """

    intro = models.TextField()
    closing_text = models.TextField(blank=True, help_text="Shown after the principles.")

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        InlinePanel("principles", label="Principle", min_num=1),
        FieldPanel("closing_text"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.RelatedFields(
            "principles",
            [index.SearchField("title"), index.SearchField("summary")],
        ),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    summary_field = "intro"
    content_type_label = _("Charter")

    def clean(self):
        super().clean()
        # Give every new promise an anchor once; existing anchors never change, so links to
        # them keep working when a promise's words are edited.
        promises = [p for principle in self.principles.all() for p in principle.promises.all()]
        taken = {p.anchor for p in promises if p.anchor}
        for promise in promises:
            if not promise.anchor:
                promise.anchor = unique_anchor(promise.text, taken)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        principles = self.principles.all()
        if not getattr(request, "is_preview", False):
            principles = principles.prefetch_related("promises")
        context["principles"] = principles
        return context


class Principle(TranslatableMixin, Orderable, ClusterableModel):
    """One principle of the co-production charter, such as "Trust".

    Translatable, so that its words (and its promises') are translated with the charter.
    """

    page = ParentalKey(CoProductionCharterPage, on_delete=models.CASCADE, related_name="principles")
    title = models.CharField(max_length=100)
    summary = models.TextField(blank=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("summary"),
        InlinePanel("promises", label="Promise", min_num=1),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]

    def __str__(self):
        return self.title

    @property
    def anchor(self):
        return f"principle-{slugify(self.title, allow_unicode=True) or self.sort_order}"


class Promise(TranslatableMixin, Orderable):
    """A short promise under a principle, such as "No conversations about you without you"."""

    principle = ParentalKey(Principle, on_delete=models.CASCADE, related_name="promises")
    text = models.CharField(max_length=200)
    anchor = models.SlugField(
        max_length=70,
        blank=True,
        help_text="Set once when the promise is first saved, so links to it keep working.",
    )

    panels = [FieldPanel("text")]
    # The anchor is the same in every language, so a link to a promise works in all of them.
    override_translatable_fields = [SynchronizedField("anchor")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]

    def __str__(self):
        return f"{self.principle.title}: {self.text}"

    def save(self, *args, **kwargs):
        # A promise is in its principle's language. Copying a charter into another language
        # (Wagtail's copy_for_translation) moves principles, not the promises inside them.
        if self.principle_id and self.principle.locale_id != self.locale_id:
            self.locale_id = self.principle.locale_id
        super().save(*args, **kwargs)

    @property
    def fragment(self):
        return f"promise-{self.anchor}"

    def get_url(self, request=None):
        page_url = self.principle.page.get_url(request=request)
        return f"{page_url}#{self.fragment}" if page_url else None


class ParentRightsCharterPage(BasePage):
    """The parent rights charter: each right, what it means and what to do if it is not met."""

    intro = models.TextField()
    rights = StreamField([("right", RightBlock())])
    closing_text = models.TextField(blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("rights"),
        FieldPanel("closing_text"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("rights"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    summary_field = "intro"
    content_type_label = _("Charter")
