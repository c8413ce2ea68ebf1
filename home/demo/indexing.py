"""Wagtail's search and reference indexes, brought up to date once for each object the demo
saves, not on every save.

Building the demo saves a page five times or more (created, revised, published, translated,
its translation published); each save updates both indexes (Wagtail's signal handlers queue
one task each, which the hub runs at once). That was a quarter of the load's time. Inside
``indexed_once()`` the handlers are set aside and the saves are noted; on leaving, each noted
object gets the same two tasks, once. Both indexes are current before the load's transaction
commits, so which files are public (hub/review/files.py reads the reference index) is right
from the first request.
"""

from contextlib import contextmanager

from django.db.models.signals import post_delete, post_save
from modelsearch import signal_handlers as search_signals
from modelsearch.index import get_indexed_models
from modelsearch.tasks import insert_or_update_object_task
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import update_reference_index_on_save
from wagtail.tasks import update_reference_index_task


@contextmanager
def indexed_once():
    """Deletes still update both indexes at once, as Wagtail's handlers do."""
    searched = [m for m in get_indexed_models() if getattr(m, "search_auto_update", True)]
    referencing = list(ReferenceIndex.tracked_models)
    saved = {}  # {(app label, model name, pk): (search?, references?)}, in order of first save

    def note(sender, instance, raw=False, **kwargs):
        if raw:
            return
        key = (instance._meta.app_label, instance._meta.model_name, str(instance.pk))
        search, references = saved.get(key, (False, False))
        saved[key] = (
            search or sender in searched,
            references or sender in referencing,
        )

    def forget(sender, instance, **kwargs):
        # Gone again (an inline replaced as a revision is published): nothing to index.
        saved.pop((instance._meta.app_label, instance._meta.model_name, str(instance.pk)), None)

    handlers = [(search_signals.post_save_signal_handler, m) for m in searched]
    handlers += [(update_reference_index_on_save, m) for m in referencing]
    for handler, model in handlers:
        post_save.disconnect(handler, sender=model)
    post_save.connect(note, weak=False, dispatch_uid="home.demo.indexed_once")
    post_delete.connect(forget, weak=False, dispatch_uid="home.demo.indexed_once")
    try:
        yield
    finally:
        post_save.disconnect(dispatch_uid="home.demo.indexed_once")
        post_delete.disconnect(dispatch_uid="home.demo.indexed_once")
        for handler, model in handlers:
            post_save.connect(handler, sender=model)
    for (app_label, model_name, pk), (search, references) in saved.items():
        if search:
            insert_or_update_object_task.call(app_label, model_name, pk)
        if references:
            update_reference_index_task.call(app_label, model_name, pk)
