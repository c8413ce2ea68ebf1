"""The events app's configuration: a venue's change re-indexes its events for search, and
its approved facts reach its translations."""

from django.apps import AppConfig
from django.conf import settings
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
    venues = sender.objects.filter(translation_key=instance.translation_key)
    source = venues.filter(locale__language_code=settings.LANGUAGE_CODE, live=True).first()
    if source is None:
        return
    facts = {field: getattr(source, field) for field in sender.FACTS}
    targets = venues.exclude(pk=source.pk)
    if instance.pk != source.pk:
        targets = targets.filter(pk=instance.pk)
    for venue in targets:
        if any(getattr(venue, field) != value for field, value in facts.items()):
            # The row alone: no new revision (nothing a translator wrote changes), and a row
            # update sends no signal, so the events are re-indexed here. The source's own
            # publish empties the page cache once this transaction commits (hub.caching).
            sender.objects.filter(pk=venue.pk).update(**facts)
            reindex_the_venues_events(sender, venue)


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
