"""Which changes the public can see, and what follows each once it is committed: a new
generation (every process forgets every cached page) and, with a CDN in front, the addresses
it must forget (``hub.caching.frontend``).

The changes that count: a page published (by parent review, an administrator, a scheduled
go-live or a translation going live), unpublished, deleted or moved, a privacy restriction
added or lifted; and any save or delete of what pages show (venues, site settings, topics and
their names, pictures, documents, search synonyms and best bets...). Every model the hub has is
named below as public or private (``tests/caching/test_what_counts_as_a_change.py`` checks
it), so a new model cannot be forgotten.
"""

import threading

from django.apps import apps
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.db.transaction import on_commit
from modelcluster.fields import ParentalKey
from taggit.models import Tag
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page
from wagtail.signals import page_unpublished, post_page_move

from hub.caching import frontend, generation

# Rows the public sees, or that change what it sees. Pages (every Page model) count too.
PUBLIC = {
    "charter.Principle",
    "charter.Promise",
    "events.EventPageTag",
    "events.Venue",
    "guides.GuidePageTag",
    "guides.RelatedGuide",
    "home.HomePageFeaturedGuide",
    "hub.HubSettings",
    "hub.TopicName",
    "search.SearchSynonym",
    "stories.StoryPageTag",
    "stories.StoryPromise",
    "stories.StoryUpdate",
    "taggit.Tag",
    "taggit.TaggedItem",
    "wagtailcore.Collection",
    "wagtailcore.CollectionViewRestriction",
    "wagtailcore.Locale",
    "wagtailcore.PageViewRestriction",
    "wagtailcore.Site",
    "wagtaildocs.Document",
    "wagtailimages.Image",
    "wagtailsearchpromotions.SearchPromotion",
}
# Rows no reader ever sees: drafts and their review, people, logs, indexes, and what is only
# made while a page is shown (picture sizes, embeds), which must not empty the cache.
PRIVATE = {
    "admin.*",
    "axes.*",  # sign-in attempts (hub/accounts/throttling.py)
    "django_tasks_database.*",  # queued emails
    "otp_static.*",  # second factors (hub/accounts/two_factor.py)
    "otp_totp.*",
    "auth.*",
    "contenttypes.*",
    "sessions.*",
    "wagtail_localize.*",  # a translation in progress; going live is a page publish
    "wagtailadmin.*",
    "wagtailusers.*",
    "hub.CacheGeneration",  # the change itself, written once the change is committed
    "hub.ParentPanelReviewTask",
    "hub.ParentReviewDecision",
    "hub.ReviewEmailPreference",
    "hub.ReviewRound",
    "hub.RevisionNote",
    "hub.SignInLink",
    "wagtailcore.APIToken",
    "wagtailcore.Comment",
    "wagtailcore.CommentReply",
    "wagtailcore.GroupApprovalTask",
    "wagtailcore.GroupCollectionPermission",
    "wagtailcore.GroupPagePermission",
    "wagtailcore.GroupSitePermission",
    "wagtailcore.ModelLogEntry",
    "wagtailcore.PageLogEntry",
    "wagtailcore.PageSubscription",
    "wagtailcore.ReferenceIndex",
    "wagtailcore.Revision",
    "wagtailcore.Task",
    "wagtailcore.TaskState",
    "wagtailcore.UploadedFile",
    "wagtailcore.Workflow",
    "wagtailcore.WorkflowContentType",
    "wagtailcore.WorkflowPage",
    "wagtailcore.WorkflowState",
    "wagtailcore.WorkflowTask",
    "wagtailembeds.Embed",
    "wagtailimages.Rendition",
    "wagtailredirects.Redirect",  # only ever answers an address that is not a page (a 404)
    "wagtailsearch.IndexEntry",
    "wagtailsearch.SQLiteFTSIndexEntry",
    "wagtailsearchpromotions.Query",
    "wagtailsearchpromotions.QueryDailyHits",
}
# A save that touches only these fields records a draft, a lock or a count: nothing live.
DRAFT_FIELDS = {
    "comments",
    "wagtail_admin_comments",
    "latest_revision",
    "latest_revision_created_at",
    "draft_title",
    "has_unpublished_changes",
    "locked",
    "locked_at",
    "locked_by",
    "numchild",
}


def is_public(model):
    if issubclass(model, Page):
        return True
    return model._meta.label in PUBLIC


def classified(model):
    label = model._meta.label
    return (
        issubclass(model, Page)
        or label in PUBLIC
        or label in PRIVATE
        or f"{model._meta.app_label}.*" in PRIVATE
    )


class Pending(threading.local):
    """What changed in the transaction under way: acted on once, when it commits."""

    def __init__(self):
        self.clear()

    def clear(self):
        self.pages, self.moved, self.topics, self.addresses = set(), set(), set(), set()
        self.everything = False
        self.any = False


_pending = Pending()


def changed(*page_ids, everything=False):
    """Something the public can see changed: a CDN forgets the pages ``page_ids`` and what
    lists them, or every address (``everything``); the page cache forgets everything either
    way. Acted on when the transaction commits, never before, so that no request can cache
    the old state under the new generation."""
    _pending.pages.update(page_ids)
    _pending.everything |= everything
    _pending.any = True
    # Once per change; the first callback after the commit acts for all. (A flag saying one
    # is waiting would stick if the transaction rolled back: its callbacks are dropped.)
    # Robust: the change is saved by then, so a failure here is logged (logger
    # django.db.backends.base) and the person who made it is not shown an error page.
    on_commit(_committed, robust=True)


def _committed():
    if not _pending.any:
        return
    done = dict(_pending.__dict__)
    _pending.clear()
    generation.advance()
    if frontend.enabled():
        frontend.forget(
            pages=done["pages"],
            moved=done["moved"],
            topics=done["topics"],
            addresses=done["addresses"],
            everything=done["everything"],
        )


def _only_drafts(update_fields):
    return bool(update_fields) and set(update_fields) <= DRAFT_FIELDS


def _page_changed(page):
    if page.live:
        changed(page.pk, everything=frontend.is_everywhere(page))


def _owner_page_id(instance):
    """The page a part belongs to (a charter's principle, a guide's topic...), following
    parental keys up; None when there is none."""
    for _step in range(3):
        keys = [f for f in instance._meta.get_fields() if isinstance(f, ParentalKey)]
        if not keys:
            return None
        key = keys[0]
        owner_id = getattr(instance, key.attname)
        if issubclass(key.related_model, Page):
            return owner_id
        instance = key.related_model.objects.filter(pk=owner_id).first()
        if instance is None:
            return None
    return None


def _url_path_before(sender, instance, update_fields=None, **kwargs):
    if instance.pk and not _only_drafts(update_fields):
        instance._hub_url_path_before = (
            Page.objects.filter(pk=instance.pk).values_list("url_path", flat=True).first()
        )


def _saved(sender, instance, created=False, update_fields=None, **kwargs):
    if _only_drafts(update_fields):
        return
    if created and isinstance(instance, BaseSiteSetting):
        return  # made with its defaults by the first page that asks: nothing shown changed
    if isinstance(instance, Page):
        was_at = getattr(instance, "_hub_url_path_before", None)
        if was_at is not None and was_at != instance.url_path:
            _pending.moved.add((instance.pk, was_at))
            changed(instance.pk, everything=True)  # its pages' addresses changed too
        else:
            _page_changed(instance)
    elif (owner := _owner_page_id(instance)) is not None:
        _topic_changed(instance)
        changed(owner)
    elif created and isinstance(instance, Tag):
        changed()  # a new topic: no address showed it yet
    else:
        changed(everything=True)


def _topic_changed(instance):
    """A page given or relieved of a topic: that topic's pages list it, or did."""
    tag_id = getattr(instance, "tag_id", None)
    if tag_id is not None:
        _pending.topics.add(tag_id)


def _deleted(sender, instance, **kwargs):
    if not isinstance(instance, Page) and (owner := _owner_page_id(instance)) is not None:
        _topic_changed(instance)
        changed(owner)
    else:
        changed(everything=True)


def _deleting(sender, instance, **kwargs):
    """A page about to go: where it was, while that can still be worked out."""
    if frontend.enabled() and instance.live:
        _pending.addresses.update(frontend.page_addresses(instance))


def _unpublished(sender, instance, **kwargs):
    changed(instance.pk, everything=frontend.is_everywhere(instance))


def _moved(sender, instance, url_path_before=None, **kwargs):
    if url_path_before:
        _pending.moved.add((instance.pk, url_path_before))
    changed(instance.pk, everything=True)


def connect():
    """Listens for changes to every public model (called once, from HubConfig.ready)."""
    for model in apps.get_models():
        if not is_public(model):
            continue
        label = model._meta.label
        if issubclass(model, Page):
            pre_save.connect(_url_path_before, sender=model, dispatch_uid=f"hub-cache-{label}")
            pre_delete.connect(_deleting, sender=model, dispatch_uid=f"hub-cache-{label}")
        post_save.connect(_saved, sender=model, dispatch_uid=f"hub-cache-{label}")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"hub-cache-{label}")
    page_unpublished.connect(_unpublished, dispatch_uid="hub-cache-unpublished")
    post_page_move.connect(_moved, dispatch_uid="hub-cache-moved")
