"""Guides: step-by-step explanations of what happens when children's services get involved."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils.text import slugify
from django.utils.translation import get_language, get_language_info, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from guides.blocks import StepBlock
from hub.blocks import DownloadBlock, VideoBlock
from hub.models import BasePage, IndexPage
from hub.public import public_pages
from hub.translation.reader import children_in_reader_language, in_reader_language, localized_pages

# What an 'and' or 'or' step shows in place of its number, in the reader's language.
STEP_LOGIC_LABELS = {
    "and": pgettext_lazy("step-by-step: a step that happens alongside the one before", "and"),
    "or": pgettext_lazy("step-by-step: a step that happens instead of the one before", "or"),
}


def step_anchor(number, heading, taken):
    """A step's anchor, "step-2-an-assessment": its number and its heading, in the heading's
    own letters where they are not Latin (Urdu), and unique on the page ("and"/"or" steps
    share their number)."""
    words = slugify(heading) or slugify(heading, allow_unicode=True)
    base = f"step-{number}-{words[:40]}".rstrip("-")
    anchor, n = base, 2
    while anchor in taken:
        anchor, n = f"{base}-{n}", n + 1
    taken.add(anchor)
    return anchor


class GuideIndexPage(IndexPage):
    """Lists the guides, standard versions first with their Easy Read pairs beside them."""

    subpage_types = ["guides.GuidePage"]
    content_type_label = _("Guides")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # A listing shows titles and summaries: the guides' bodies stay in the database, and
        # of each standard version only its key is read.
        guides = list(
            children_in_reader_language(GuidePage, self)
            .defer(*GuidePage.BODY_FIELDS)
            .annotate(standard_key=F("standard_version__translation_key"))
            .order_by("title")
        )
        # Pairs are matched across languages: a translated guide's standard version is the
        # English page (wagtail-localize keeps page links as they are and localizes on show).
        easy_read_for = {g.standard_key: g for g in guides if g.is_easy_read and g.standard_key}
        standard = {g.translation_key for g in guides if not g.is_easy_read}
        context["guides"] = [
            (guide, easy_read_for.get(guide.translation_key))
            for guide in guides
            if not guide.is_easy_read
        ]
        context["unpaired_easy_read"] = [
            g for g in guides if g.is_easy_read and g.standard_key not in standard
        ]
        return context


class GuidePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "guides.GuidePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class GuidePage(BasePage):
    """A guide: numbered steps in plain words, downloads, videos and related guides.

    A guide may be an Easy Read version of another guide; each links to the other.
    """

    summary_text = models.TextField(
        "summary", help_text="What the guide covers, in one or two sentences."
    )
    is_easy_read = models.BooleanField(
        "this is an Easy Read guide",
        default=False,
        help_text="Easy Read guides use a picture beside each short sentence.",
    )
    standard_version = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="easy_read_versions",
        help_text="For an Easy Read guide: the standard guide it is a version of.",
    )
    steps = StreamField([("step", StepBlock())])
    downloads = StreamField([("download", DownloadBlock())], blank=True)
    videos = StreamField([("video", VideoBlock())], blank=True)
    last_reviewed = models.DateField(
        null=True, blank=True, help_text="When the partnership last checked this guide."
    )
    tags = ClusterTaggableManager("topics", through=GuidePageTag, blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("summary_text"),
        MultiFieldPanel(
            [FieldPanel("is_easy_read"), FieldPanel("standard_version")], heading="Easy Read"
        ),
        FieldPanel("steps"),
        FieldPanel("downloads"),
        FieldPanel("videos"),
        InlinePanel("related_guides", label="Related guide", max_num=6),
        FieldPanel("last_reviewed"),
        FieldPanel("tags"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary_text"),
        index.SearchField("steps"),
        index.AutocompleteField("summary_text"),
        index.FilterField("is_easy_read"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    parent_page_types = ["guides.GuideIndexPage"]
    subpage_types = []
    summary_field = "summary_text"
    content_type_label = _("Guide")
    # What a listing of guides never shows: deferred there, so a list of titles and summaries
    # does not read every guide's steps.
    BODY_FIELDS = ("steps", "downloads", "videos")

    def clean(self):
        super().clean()
        errors = {}
        if self.standard_version_id:
            if not self.is_easy_read:
                errors["standard_version"] = (
                    "Only an Easy Read guide has a standard version. Tick 'this is an Easy Read "
                    "guide' or clear this field."
                )
            elif self.standard_version_id == self.pk:
                errors["standard_version"] = "A guide cannot be its own standard version."
            elif self.standard_version.is_easy_read:
                errors["standard_version"] = "Choose a standard guide, not another Easy Read one."
        if self.steps and self.steps[0].value.get("logic"):
            errors["steps"] = "The first step cannot be an 'and' or 'or' step."
        if errors:
            raise ValidationError(errors)

    @property
    def numbered_steps(self):
        """Steps with their numbers and anchors: 'and'/'or' steps share the step before's."""
        numbered, number, taken = [], 0, set()
        for block in self.steps:
            logic = block.value.get("logic") or ""
            if not logic or number == 0:
                number += 1
            numbered.append(
                {
                    "number": number,
                    "logic": logic,
                    "logic_label": STEP_LOGIC_LABELS.get(logic, ""),
                    "anchor": step_anchor(number, block.value["heading"], taken),
                    "value": block.value,
                }
            )
        return numbered

    @property
    def contents(self):
        """The contents list: one entry per numbered step, labelled as its heading reads
        ("Step 2: An assessment"); an 'and' or 'or' step is listed under the step it goes with,
        by its own heading, so no entry starts with a bare "and:" or "or:"."""
        entries = []
        for step in self.numbered_steps:
            if step["logic"] and entries:
                entries[-1]["also"].append(
                    {"anchor": step["anchor"], "label": step["value"]["heading"]}
                )
                continue
            label = _("Step %(number)s: %(heading)s") % {
                "number": step["number"],
                "heading": step["value"]["heading"],
            }
            entries.append({"anchor": step["anchor"], "label": label, "also": []})
        return entries

    @property
    def easy_read_version(self):
        if self.is_easy_read:
            return None
        return (
            in_reader_language(
                public_pages(GuidePage).filter(
                    standard_version__translation_key=self.translation_key
                )
            )
            .defer(*GuidePage.BODY_FIELDS)  # linked to, not shown
            .first()
        )

    @property
    def standard_version_for_reader(self):
        """The standard guide this Easy Read guide is a version of, in the reader's language
        where it has been translated."""
        shown = localized_pages([self.standard_version])
        return shown[0] if shown else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["easy_read"] = self.easy_read_version
        context["standard"] = self.standard_version_for_reader if self.is_easy_read else None
        context["related"] = linked_guides(self.related_guides)
        context["source_documents"] = self.documents_in_the_source_language()
        if context["source_documents"]:
            context["source_language"] = get_language_info(settings.LANGUAGE_CODE)[
                "name_translated"
            ]
        return context

    def documents_in_the_source_language(self):
        """The ids of the leaflets this translation shares with the page it was translated
        from (in its downloads or its steps): they are in that language, and the page says so
        beside each link (a translation may choose a translated leaflet instead). Read from the
        source page's stored blocks, in one query."""
        source_language = settings.LANGUAGE_CODE
        if get_language() == source_language:
            return set()  # the page is shown in the source language
        stored = (
            GuidePage.objects.filter(
                translation_key=self.translation_key, locale__language_code=source_language
            )
            .values_list("pk", "downloads", "steps")
            .first()
        )
        if not stored or stored[0] == self.pk:
            return set()  # no source page, or this is it
        return {
            document
            for stream in stored[1:]
            for document in _downloaded_documents(stream.raw_data if stream else [])
        }


def linked_guides(links):
    """The guides that links to guides (a page's related or featured guides) point at, in the
    reader's language, as a list shows them: without their steps, downloads and videos."""
    links = links.select_related("guide", "guide__locale").defer(
        *(f"guide__{field}" for field in GuidePage.BODY_FIELDS)
    )
    return localized_pages((link.guide for link in links), defer=GuidePage.BODY_FIELDS)


def _downloaded_documents(blocks):
    """The document ids of every download block in raw StreamField data, however deep."""
    for block in blocks:
        if isinstance(block, dict):
            if block.get("type") == "download" and isinstance(block.get("value"), dict):
                if block["value"].get("document"):
                    yield block["value"]["document"]
            else:
                yield from _downloaded_documents(
                    v for v in block.values() if isinstance(v, (dict, list))
                )
        elif isinstance(block, list):
            yield from _downloaded_documents(block)


class RelatedGuide(Orderable):
    page = ParentalKey(GuidePage, on_delete=models.CASCADE, related_name="related_guides")
    guide = models.ForeignKey(GuidePage, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("guide")]
