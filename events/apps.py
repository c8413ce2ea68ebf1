"""The events app's configuration: a venue's change re-indexes its events for search, and
its approved facts reach its translations."""

from django.apps import AppConfig
from django.db.models.signals import post_save
from wagtail.signals import published


def reindex_the_venues_events(sender, instance, **kwargs):
    """What a venue offers is searched with its events (EventPage.venue_access).

    The events and their venue are read afresh from the database: saving a draft saves the
    venue with the draft's words still on it (``save_revision``), and those words must not find
    an event until parents have approved them and the venue's row holds them.
    """
    from wagtail.search.index import insert_or_update_object

    events = instance.events.model.objects.filter(venue_id=instance.pk).select_related("venue")
    for event in events:
        insert_or_update_object(event)


def share_the_venues_facts(sender, instance, **kwargs):
    """A venue's facts (``Venue.FACTS``: "hearing loop: no", the number of parking bays...)
    are the same in every language. When parents approve them in the source language, every
    translation of the venue takes them at once; a translation that goes live takes the
    source's live facts. Before, a Welsh reader was told a broken hearing loop worked until
    someone re-translated the venue. The translations' words are left to their translators.
    """
    from django.contrib.contenttypes.models import ContentType
    from wagtail_localize.models import TranslationSource

    from hub.caching.changes import changed

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
        changed(everything=True)


class EventsConfig(AppConfig):
    name = "events"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        post_save.connect(
            reindex_the_venues_events,
            sender=self.get_model("Venue"),
            dispatch_uid="events-reindex-venue-events",
        )
        published.connect(
            share_the_venues_facts,
            sender=self.get_model("Venue"),
            dispatch_uid="events-share-venue-facts",
        )
