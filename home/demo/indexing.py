"""Wagtail's search and reference indexes, brought up to date once for each object the demo
saves, not on every save.

Building the demo saves a page five times or more (created, revised, published, translated,
its translation published); each save updates both indexes (Wagtail's signal handlers queue
one task each, which the hub runs at once). That was a quarter of the load's time. Inside
``indexed_once()`` the saves are noted instead; on leaving, each noted object that still
exists gets the same two tasks, once. Both indexes are current before the load's transaction
commits, so which files are public (hub/review/files.py reads the reference index) is right
from the first request.
"""

from contextlib import contextmanager

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from modelsearch import signal_handlers as search_signals
from modelsearch.index import get_indexed_models
from modelsearch.tasks import insert_or_update_object_task
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.tasks import update_reference_index_task

UID = "home.demo.indexing.indexed_once"


@contextmanager
def indexed_once():
    """The reference index is paused with Wagtail's own switch, which leaves its handlers in
    place; a delete still updates it at once, as Wagtail's handler would. The search index's
    save handler (modelsearch has no switch) is taken off its models and put back after; it
    runs after any other handler either way, and none reads the search index on a save."""
    searched = [m for m in get_indexed_models() if getattr(m, "search_auto_update", True)]
    referencing = set(ReferenceIndex.tracked_models)
    saved = {}  # {(app label, model name, pk): (search?, references?)}, in order of first save

    def key(instance):
        return (instance._meta.app_label, instance._meta.model_name, str(instance.pk))

    def note(sender, instance, raw=False, **kwargs):
        if raw:
            return
        search, references = saved.get(key(instance), (False, False))
        saved[key(instance)] = (search or sender in searched, references or sender in referencing)

    def forget(sender, instance, **kwargs):
        # Gone again (an inline replaced as a revision is published): nothing to index.
        saved.pop(key(instance), None)
        if sender in referencing:
            with transaction.atomic():
                ReferenceIndex.remove_for_object(instance)
                ReferenceIndex.remove_references_to(instance)

    for model in searched:
        post_save.disconnect(search_signals.post_save_signal_handler, sender=model)
    post_save.connect(note, weak=False, dispatch_uid=UID)
    post_delete.connect(forget, weak=False, dispatch_uid=UID)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.disconnect(dispatch_uid=UID)
        post_delete.disconnect(dispatch_uid=UID)
        for model in searched:
            post_save.connect(search_signals.post_save_signal_handler, sender=model)
    for (app_label, model_name, pk), (search, references) in saved.items():
        try:
            if search:
                insert_or_update_object_task.call(app_label, model_name, pk)
            if references:
                update_reference_index_task.call(app_label, model_name, pk)
        except ObjectDoesNotExist:
            continue  # saved in a savepoint that was rolled back, say: nothing to index
