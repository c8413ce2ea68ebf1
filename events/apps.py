"""The events app's configuration: a venue's change re-indexes its events for search."""

from django.apps import AppConfig
from django.db.models.signals import post_save


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


class EventsConfig(AppConfig):
    name = "events"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        post_save.connect(
            reindex_the_venues_events,
            sender=self.get_model("Venue"),
            dispatch_uid="events-reindex-venue-events",
        )
