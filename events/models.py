"""Events: participation sessions, forums and groups, and the venues where they meet."""

import functools

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext, pgettext
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail.search.index import insert_or_update_object
from wagtail.signals import published
from wagtail_localize.fields import SynchronizedField
from wagtail_localize.models import TranslationSource

from events.filters import ACCESS_NEEDS, EventFilters
from hub.blocks import BodyBlock
from hub.caching import changes
from hub.caching.middleware import fresh_until
from hub.models import BasePage, HubSettings, IndexPage
from hub.translation.reader import children_in_reader_language
from hub.validators import tidy_postcode, validate_phone_number

EVENTS_PER_PAGE = 10
# The years an event's dates may fall in: from the hub's first events to 20 years ahead.
FIRST_YEAR = 2000
FURTHEST_YEARS_AHEAD = 20


class Availability(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    UNKNOWN = "", _("Not known: please ask us")


def availability_field(verbose_name, help_text=""):
    return models.CharField(
        verbose_name, max_length=3, choices=Availability.choices, blank=True, help_text=help_text
    )


class Venue(
    TranslatableMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    models.Model,
):
    """A place where events happen, with its accessibility spelled out for families."""

    name = models.CharField(max_length=150)
    address = models.TextField(help_text="One line per line of the address.")
    postcode = models.CharField(max_length=10, blank=True)
    how_to_get_there = models.TextField(
        blank=True, help_text="Buses, trains, walking routes and landmarks."
    )

    step_free_access = availability_field(_("step-free access"))
    step_free_details = models.CharField(
        max_length=250, blank=True, help_text="Ramps, lifts, door widths, which entrance to use."
    )
    accessible_toilet = availability_field(_("accessible toilet"))
    changing_places = availability_field(
        _("Changing Places toilet"), help_text="A toilet with a hoist and an adult changing bench."
    )
    hearing_loop = availability_field(_("hearing loop"))
    bsl_on_request = availability_field(_("British Sign Language interpreter on request"))
    quiet_space = availability_field(_("quiet space"))
    parking_details = models.CharField(max_length=250, blank=True)
    accessible_parking_bays = models.PositiveSmallIntegerField(
        "accessible parking bays", null=True, blank=True
    )
    accessible_parking_distance = models.PositiveSmallIntegerField(
        "distance from accessible bays to the entrance, in metres", null=True, blank=True
    )
    childcare = availability_field(_("crèche or childcare"))
    childcare_details = models.CharField(max_length=250, blank=True)
    travel_costs_help = availability_field(_("help with travel costs"))
    refreshments = availability_field(_("refreshments"))
    how_to_ask_for_adjustments = models.TextField(
        blank=True,
        help_text="Who to contact, and how, to ask for anything else that would help.",
    )
    phone = models.CharField(
        "phone number for booking",
        max_length=40,
        blank=True,
        validators=[validate_phone_number],
        help_text="If people book events here with the venue. Otherwise leave blank.",
    )
    email = models.EmailField(
        "email for booking",
        blank=True,
        help_text="If people book events here with the venue. Otherwise leave blank.",
    )
    access_notes = models.TextField("other access notes", blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("address"),
        FieldPanel("postcode"),
        FieldPanel("how_to_get_there"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("step_free_access"), FieldPanel("step_free_details")]),
                FieldRowPanel([FieldPanel("accessible_toilet"), FieldPanel("changing_places")]),
                FieldRowPanel([FieldPanel("hearing_loop"), FieldPanel("bsl_on_request")]),
                FieldPanel("quiet_space"),
            ],
            heading="Access",
        ),
        MultiFieldPanel(
            [
                FieldPanel("parking_details"),
                FieldRowPanel(
                    [
                        FieldPanel("accessible_parking_bays"),
                        FieldPanel("accessible_parking_distance"),
                    ]
                ),
            ],
            heading="Parking",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("childcare"), FieldPanel("childcare_details")]),
                FieldPanel("travel_costs_help"),
                FieldPanel("refreshments"),
            ],
            heading="Support on the day",
        ),
        FieldPanel("how_to_ask_for_adjustments"),
        FieldPanel("access_notes"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")], heading="Booking"),
    ]
    # A postcode or a phone number is the same in every language; translators need not see it.
    override_translatable_fields = [SynchronizedField("postcode"), SynchronizedField("phone")]
    # What is true of the place in every language: its yes/no answers, numbers, postcode and
    # phone. Once parents approve them in the source language, every translation shows them
    # (share_the_venues_facts, below); the words (directions, details, notes) wait for their
    # translator.
    FACTS = (
        "step_free_access",
        "accessible_toilet",
        "changing_places",
        "hearing_loop",
        "bsl_on_request",
        "quiet_space",
        "accessible_parking_bays",
        "accessible_parking_distance",
        "childcare",
        "travel_costs_help",
        "refreshments",
        "postcode",
        "phone",
    )
    search_fields = [
        index.SearchField("name"),
        index.SearchField("address"),
        index.AutocompleteField("name"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        # In parents' review, in their language.
        verbose_name = _("venue")
        verbose_name_plural = _("venues")

    def __str__(self):
        return self.name

    @property
    def status(self):
        """For the admin's list of venues: "Live" or "Draft", in words."""
        return "Live" if self.live else "Draft"

    def get_preview_template(self, request, mode_name):
        return "events/venue_preview.html"

    def clean(self):
        super().clean()
        self.postcode = tidy_postcode(self.postcode)

    @property
    def address_lines(self):
        return [line.strip() for line in self.address.splitlines() if line.strip()]

    @property
    def full_address_lines(self):
        """Name, address and postcode, each once (an address may already end in its postcode)."""
        lines = [self.name, *self.address_lines]
        postcode = self.postcode.strip()
        if postcode and postcode.replace(" ", "").upper() not in lines[-1].replace(" ", "").upper():
            lines.append(postcode)
        return lines

    def accessibility(self):
        """Rows for the venue's accessibility summary list: (label, answer, detail)."""

        def row(field, detail=""):
            f = self._meta.get_field(field)
            return (
                capfirst(f.verbose_name),
                getattr(self, f"get_{field}_display")(),
                detail,
            )

        parking = self.parking_details
        if self.accessible_parking_bays is not None:
            bays = self.accessible_parking_bays
            parking = ngettext("%(count)s accessible bay", "%(count)s accessible bays", bays) % {
                "count": bays
            }
            if self.accessible_parking_distance is not None:
                distance = self.accessible_parking_distance
                parking += ", " + ngettext(
                    "%(count)s metre from the entrance",
                    "%(count)s metres from the entrance",
                    distance,
                ) % {"count": distance}
            if self.parking_details:
                parking += f". {self.parking_details}"
        return [
            row("step_free_access", self.step_free_details),
            row("accessible_toilet"),
            row("changing_places"),
            row("hearing_loop"),
            row("bsl_on_request"),
            row("quiet_space"),
            (_("Parking"), parking or Availability.UNKNOWN.label, ""),
            row("childcare", self.childcare_details),
            row("travel_costs_help"),
            row("refreshments"),
        ]


class EventIndexPage(IndexPage):
    """Lists events: upcoming ones first, soonest first, then past ones, newest first. Readers
    narrow the list by access needs, type of event, how they take part and month
    (events/filters.py), with the filters in the address."""

    subpage_types = ["events.EventPage"]
    content_type_label = _("Events")

    def events(self):
        return children_in_reader_language(EventPage, self).select_related("venue", "locale")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        events = self.events()
        filters = EventFilters(
            request.GET, months_of=events.filter(end__gte=now), kinds=EventPage.Kind
        )
        events = filters.apply(events)
        upcoming = events.filter(end__gte=now).order_by("start")
        past = events.filter(end__lt=now).order_by("-start")
        context["upcoming"] = Paginator(upcoming, EVENTS_PER_PAGE).get_page(request.GET.get("page"))
        # When any event to come ends, every page of the list changes (it moves to the past
        # events, the count and the months offered change): no cache keeps it beyond then.
        ends = self.events().filter(end__gte=now).aggregate(first=models.Min("end"))
        fresh_until(request, ends["first"])
        context["past"] = Paginator(past, EVENTS_PER_PAGE).get_page(request.GET.get("past"))
        context["filters"] = filters
        context["feed_url"] = reverse("events:upcoming_ics")
        return context


class EventPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "events.EventPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


@functools.cache
def words_for_free():
    """The word "Free" for an event's cost as the hub's interface says it, in each language."""
    words = {"free"}  # the field's default, whichever languages the hub has
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            words.add(pgettext("the cost of an event", "Free").casefold())
    return frozenset(words)


class EventPage(BasePage):
    """One event: when and where it is, how to book, and how accessible it is."""

    class Attendance(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        BOTH = "both", _("In person and online")

    class Kind(models.TextChoices):
        FORUM = "forum", _("Forum or meeting")
        GROUP = "group", _("Group or drop-in")
        TRAINING = "training", _("Training")
        HAVE_YOUR_SAY = "have_your_say", _("Have your say")
        OTHER = "other", _("Other event")

    summary_text = models.TextField("summary", help_text="What happens, and who it is for.")
    kind = models.CharField(
        "type of event",
        max_length=20,
        choices=Kind.choices,
        default=Kind.OTHER,
        help_text="Readers can list only one type of event.",
    )
    start = models.DateTimeField(help_text="UK time.")
    end = models.DateTimeField(help_text="UK time.")
    attendance = models.CharField(
        max_length=10, choices=Attendance.choices, default=Attendance.IN_PERSON
    )
    venue = models.ForeignKey(
        Venue, null=True, blank=True, on_delete=models.PROTECT, related_name="events"
    )
    joining_instructions = models.TextField(
        blank=True, help_text="For online events: how to join, and what you need."
    )
    live_captions = models.BooleanField(
        default=False, help_text="Online events: live captions are switched on."
    )
    body = StreamField(BodyBlock(), blank=True)
    cost = models.CharField(max_length=100, default="Free")
    booking_url = models.URLField("booking link", blank=True)
    booking_instructions = models.TextField(blank=True)
    booking_phone = models.CharField(
        "phone number for booking",
        max_length=40,
        blank=True,
        validators=[validate_phone_number],
        help_text="Leave blank to use the venue's, or else the partnership's (site settings).",
    )
    booking_email = models.EmailField(
        "email for booking",
        blank=True,
        help_text="Leave blank to use the venue's, or else the partnership's (site settings).",
    )
    places = models.PositiveIntegerField(
        "places available", null=True, blank=True, help_text="Leave blank if there is no limit."
    )
    tags = ClusterTaggableManager("topics", through=EventPageTag, blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("summary_text"),
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading="When"),
        MultiFieldPanel(
            [
                FieldPanel("attendance"),
                FieldPanel("venue"),
                FieldPanel("joining_instructions"),
                FieldPanel("live_captions"),
            ],
            heading="Where",
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("cost"),
                FieldPanel("booking_url"),
                FieldPanel("booking_instructions"),
                FieldRowPanel([FieldPanel("booking_phone"), FieldPanel("booking_email")]),
                FieldPanel("places"),
            ],
            heading="Booking",
        ),
        FieldPanel("tags"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary_text"),
        index.SearchField("body"),
        index.AutocompleteField("summary_text"),
        index.FilterField("start"),
        index.FilterField("end"),
        index.RelatedFields("venue", [index.SearchField("name")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.SearchField("venue_access"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    summary_field = "summary_text"
    override_translatable_fields = [SynchronizedField("booking_phone")]
    content_type_label = _("Event")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = "The event must end after it starts."
        # A mistyped year (1026, 2062) would list the event among past ones, or years ahead.
        latest = timezone.localdate().year + FURTHEST_YEARS_AHEAD
        for field in ("start", "end"):
            moment = getattr(self, field)
            if moment and not FIRST_YEAR <= moment.year <= latest and field not in errors:
                errors[field] = (
                    f"Check the year: {moment.year}. Events here are between {FIRST_YEAR} and "
                    f"{latest}."
                )
        if self.attendance != self.Attendance.ONLINE and not self.venue_id:
            errors["venue"] = "Choose the venue for an event that people attend in person."
        if self.attendance != self.Attendance.IN_PERSON and not self.joining_instructions:
            errors["joining_instructions"] = "Say how people join an online event."
        if not self.booking_url and not self.booking_instructions:
            errors["booking_instructions"] = (
                "Say how to book, or that there is no need to: give a booking link or instructions."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def public_venue(self):
        """The venue as readers may see it: only once parents have approved it. A venue that
        is new and still in review (or unpublished) shows as "to be confirmed"; a live venue's
        unapproved changes wait in its revisions, so its row is what was approved."""
        venue = self.venue if self.venue_id else None
        return venue if venue is not None and venue.live else None

    def venue_access(self):
        """For search: what the (approved) venue offers, in the page's language ("hearing
        loop", "crèche or childcare"), with the venue's own words about access, so a parent
        who searches for what they need finds the events that have it. A venue's change
        re-indexes its events (reindex_the_venues_events, below)."""
        venue = self.public_venue
        if venue is None or not self.is_in_person:
            return ""
        with translation.override(self.locale.language_code):
            offered = [
                str(label)
                for _key, field, label, _short in ACCESS_NEEDS
                if getattr(venue, field) == "yes"
            ]
        details = [venue.step_free_details, venue.childcare_details, venue.access_notes]
        return " ".join(offered + [words for words in details if words])

    def access_labels(self):
        """Short words for what the (approved) venue offers, for the events list: "Step-free",
        "Hearing loop", "Crèche"... Nothing for an online-only event or an unconfirmed venue."""
        venue = self.public_venue
        if venue is None or not self.is_in_person:
            return []
        return [
            short for _key, field, _label, short in ACCESS_NEEDS if getattr(venue, field) == "yes"
        ]

    @property
    def is_online(self):
        return self.attendance != self.Attendance.IN_PERSON

    @property
    def is_in_person(self):
        return self.attendance != self.Attendance.ONLINE

    @property
    def is_free(self):
        """The cost is the default "Free", or the word for it in one of the hub's languages as
        a translator wrote it ("Am ddim"): pages show the word in the reader's language, even
        on an event with no translation yet, and tell search engines it is free."""
        return self.cost.strip().casefold() in words_for_free()

    @property
    def is_past(self):
        return self.end < timezone.now()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["venue"] = self.public_venue
        context["booking"] = self.booking_contact(HubSettings.for_request(request))
        if not self.is_past:
            fresh_until(request, self.end)  # then it says it has finished, and how to join goes
        return context

    def reviewed_alongside(self):
        """What this event's page shows that parents review on their own: its venue, while the
        venue is new or has changes waiting. The review page names it beside the event
        (hub.review.views), so parents know what the draft cannot show yet."""
        venue = self.venue if self.is_in_person else None
        if venue is None or (venue.live and not venue.has_unpublished_changes):
            return []
        return [venue]

    def booking_contact(self, hub_settings):
        """Who to call or email to book: the event's own phone and email, else its (approved)
        venue's, else the partnership's from the site settings. {"phone": ..., "email": ...}"""
        venue = self.public_venue if self.is_in_person else None
        sources = [
            (self.booking_phone, self.booking_email),
            (venue.phone, venue.email) if venue else ("", ""),
            (hub_settings.contact_phone, hub_settings.contact_email),
        ]
        subject = gettext("Booking: %(title)s") % {"title": self.title}
        for phone, email in sources:
            if phone or email:
                return {"phone": phone.strip(), "email": email.strip(), "subject": subject}
        return {"phone": "", "email": "", "subject": subject}

    def get_ics_url(self):
        return reverse("events:event_ics", kwargs={"page_id": self.pk})

    def structured_data(self, request=None):
        """schema.org Event, for search engines and calendar tools."""
        mode = {
            self.Attendance.IN_PERSON: "OfflineEventAttendanceMode",
            self.Attendance.ONLINE: "OnlineEventAttendanceMode",
            self.Attendance.BOTH: "MixedEventAttendanceMode",
        }[self.attendance]
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "description": self.summary_text,
            "startDate": self.start.isoformat(),
            "endDate": self.end.isoformat(),
            "eventAttendanceMode": f"https://schema.org/{mode}",
            "eventStatus": "https://schema.org/EventScheduled",
            "url": self.get_full_url(request=request),
            "isAccessibleForFree": self.is_free,
        }
        locations = []
        venue = self.public_venue
        if self.is_in_person and venue:
            locations.append(
                {
                    "@type": "Place",
                    "name": venue.name,
                    "address": {
                        "@type": "PostalAddress",
                        "streetAddress": ", ".join(venue.address_lines),
                        "postalCode": venue.postcode,
                        "addressCountry": "GB",
                    },
                }
            )
        if self.is_online:
            locations.append(
                {"@type": "VirtualLocation", "url": self.get_full_url(request=request)}
            )
        if locations:
            data["location"] = locations[0] if len(locations) == 1 else locations
        return data


# A venue's changes: its events re-indexed for search, its approved facts in every language.


@receiver(post_save, sender=Venue, dispatch_uid="events-reindex-venue-events")
def reindex_the_venues_events(sender, instance, **kwargs):
    """What a venue offers is searched with its events (EventPage.venue_access).

    The events and their venue are read afresh from the database: saving a draft saves the
    venue with the draft's words still on it (``save_revision``), and those words must not find
    an event until parents have approved them and the venue's row holds them.
    """
    events = EventPage.objects.filter(venue_id=instance.pk).select_related("venue")
    for event in events:
        insert_or_update_object(event)


@receiver(published, sender=Venue, dispatch_uid="events-share-venue-facts")
def share_the_venues_facts(sender, instance, **kwargs):
    """A venue's facts (``Venue.FACTS``: "hearing loop: no", the number of parking bays...)
    are the same in every language. When parents approve them in the source language, every
    translation of the venue takes them at once; a translation that goes live takes the
    source's live facts. Before, a Welsh reader was told a broken hearing loop worked until
    someone re-translated the venue. The translations' words are left to their translators.
    """
    # The language it was written in, as wagtail-localize recorded it when it was translated
    # (English as a rule; a venue written in Welsh first has Welsh as its source).
    source_locale = (
        TranslationSource.objects.filter(
            object_id=instance.translation_key,
            specific_content_type=ContentType.objects.get_for_model(sender),
        )
        .values_list("locale_id", flat=True)
        .first()
    )
    if source_locale is None:
        return  # never translated
    venues = sender.objects.filter(translation_key=instance.translation_key)
    source = venues.filter(locale_id=source_locale, live=True).first()
    if source is None:
        return
    facts = {field: getattr(source, field) for field in sender.FACTS}
    targets = venues.exclude(pk=source.pk)
    if instance.pk != source.pk:
        targets = targets.filter(pk=instance.pk)
    copied = False
    for venue in targets:
        if any(getattr(venue, field) != value for field, value in facts.items()):
            # The row alone: no new revision (nothing a translator wrote changes), and a row
            # update sends no signal, so the events are re-indexed here.
            sender.objects.filter(pk=venue.pk).update(**facts)
            reindex_the_venues_events(sender, venue)
            copied = True
    if copied:
        # The publish emptied the page cache already, and at once where it ran outside a
        # transaction (an administrator's publish, a scheduled go-live): a page built since
        # would keep the old facts. Emptied again, after the copy.
        changes.changed(everything=True)
