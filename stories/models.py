"""'You said, we did': what parents said, what changed, and what could not change and why."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from charter.models import Promise
from hub.models import BasePage, IndexPage
from hub.public import only_public
from hub.translation.reader import children_in_reader_language, locale_codes, reader_language
from stories.forms import StoryPageForm

STORIES_PER_PAGE = 10


class StoryStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    NOT_POSSIBLE = "not_possible", _("Not possible")


# The GOV.UK tag colour for each status.
STATUS_TAG_COLOURS = {
    StoryStatus.PLANNED: "grey",
    StoryStatus.IN_PROGRESS: "blue",
    StoryStatus.DONE: "green",
    StoryStatus.NOT_POSSIBLE: "orange",
}


class StoryIndexPage(IndexPage):
    """Lists 'you said, we did' stories, newest first, filtered by status and tag."""

    subpage_types = ["stories.StoryPage"]
    content_type_label = _("Stories")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stories = children_in_reader_language(StoryPage, self)
        status = request.GET.get("status", "")
        if status not in StoryStatus.values:
            status = ""
        if status:
            stories = stories.filter(status=status)
        tag_slug = request.GET.get("tag", "")
        tags = (
            Tag.objects.filter(
                stories_storypagetag_items__content_object__in=children_in_reader_language(
                    StoryPage, self
                )
            )
            .distinct()
            .order_by("name")
        )
        if tag_slug:
            stories = stories.filter(tags__slug=tag_slug)
        stories = stories.order_by("-said_on", "-first_published_at").distinct()
        context.update(
            stories=Paginator(stories, STORIES_PER_PAGE).get_page(request.GET.get("page")),
            statuses=StoryStatus.choices,
            selected_status=status,
            tags=tags,
            selected_tag=tag_slug,
            filtered=bool(status or tag_slug),
        )
        return context


class StoryPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "stories.StoryPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class StoryPage(BasePage):
    """One 'you said, we did' story: what parents said, what we did, and where it stands."""

    base_form_class = StoryPageForm

    said_summary = models.TextField(
        "what parents said", help_text="In the parents' words where possible."
    )
    said_by = models.CharField(
        "who said it", max_length=150, help_text="The group or forum, never a person's name."
    )
    said_on = models.DateField("when they said it")
    what_we_did = RichTextField(features=["bold", "italic", "ul", "ol", "link", "document-link"])
    status = models.CharField(
        max_length=20, choices=StoryStatus.choices, default=StoryStatus.PLANNED
    )
    not_possible_reason = models.TextField(
        "why this was not possible",
        blank=True,
        help_text="Needed when the status is 'Not possible': parents have a right to know why.",
    )
    tags = ClusterTaggableManager("topics", through=StoryPageTag, blank=True)

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("said_summary"),
                FieldRowPanel([FieldPanel("said_by"), FieldPanel("said_on")]),
            ],
            heading="You said",
        ),
        MultiFieldPanel(
            [FieldPanel("what_we_did"), FieldPanel("status"), FieldPanel("not_possible_reason")],
            heading="We did",
        ),
        InlinePanel("updates", label="Update"),
        InlinePanel("promises_kept", label="Charter promise this keeps"),
        FieldPanel("tags"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("said_summary"),
        index.SearchField("what_we_did"),
        index.SearchField("not_possible_reason"),
        index.SearchField("said_by"),
        index.AutocompleteField("said_summary"),
        index.FilterField("status"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []
    summary_field = "said_summary"
    content_type_label = _("You said, we did")

    def clean(self):
        super().clean()
        errors = {}
        if self.status == StoryStatus.NOT_POSSIBLE and not self.not_possible_reason.strip():
            errors["not_possible_reason"] = (
                "Say why this was not possible. Parents have a right to know why something "
                "they asked for could not change."
            )
        if self.said_on and self.said_on > timezone.localdate():
            errors["said_on"] = (
                f"Check the date: {self.said_on:%-d %B %Y} has not come yet. Give the day, or "
                "the month, when parents said it."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def status_colour(self):
        return STATUS_TAG_COLOURS[self.status]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["updates"] = self.updates.order_by("-date")
        context["promises"] = promises_for_reader(
            item.promise for item in self.promises_kept.select_related("promise__principle__page")
        )
        return context


def promises_for_reader(promises):
    """Charter promises as a reader sees them: each in the reader's language where the charter
    in that language is public (a story chosen in English, or translated with its English
    promise, links a Welsh reader to the Welsh charter), else as chosen if its charter is;
    those whose charter the public may not see are left out. Each with its language code
    where that is not the reader's (for ``lang`` and "Only in English"). One query for the
    translations, one for which charters are public."""
    promises = list(promises)
    if not promises:
        return []
    language = reader_language()
    codes = locale_codes()
    elsewhere = [p.translation_key for p in promises if codes.get(p.locale_id) != language]
    translated = {}
    if elsewhere:
        translated = {
            p.translation_key: p
            for p in Promise.objects.filter(
                translation_key__in=elsewhere, locale__language_code=language
            ).select_related("principle__page")
        }
    candidates = [(translated.get(p.translation_key), p) for p in promises]
    public = {
        page.pk
        for page in only_public(
            promise.principle.page for pair in candidates for promise in pair if promise
        )
    }
    shown = []
    for theirs, chosen in candidates:
        promise = next((p for p in (theirs, chosen) if p and p.principle.page_id in public), None)
        if promise is not None:
            code = codes.get(promise.locale_id, "")
            promise.other_language = "" if code == language else code
            shown.append(promise)
    return shown


class StoryUpdate(TranslatableMixin, Orderable):
    """A dated milestone in a story, such as 'the new leaflet went to print'."""

    page = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField()
    text = models.TextField()

    panels = [FieldPanel("date"), FieldPanel("text")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]


class StoryPromise(Orderable):
    """Links a story to a charter promise that it keeps."""

    page = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="promises_kept")
    promise = models.ForeignKey("charter.Promise", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("promise")]
