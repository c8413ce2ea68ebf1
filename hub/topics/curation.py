"""Topics (taggit tags) as administrators curate them: rename and merge without losing what
they tag.

Guides, events and stories are tagged with django-taggit through modelcluster. A merge moves
every tagged item, in the live pages and in their revisions (so publishing an older draft
never brings back a tag that is gone), and the old topic page redirects to the new one.
"""

from django.db import transaction
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Revision

from hub.topics.models import TopicName
from hub.topics.names import other_languages, tagged_item_models


def topic_url(slug):
    return f"/tags/{slug}/"


def redirect_topic(old_slug, new_slug):
    """The old topic page (in every language) goes to the new one, permanently."""
    prefixes = [""] + [f"/{code}" for code in other_languages()]
    for prefix in prefixes:
        Redirect.objects.update_or_create(
            old_path=Redirect.normalise_path(prefix + topic_url(old_slug)),
            site=None,
            defaults={"redirect_link": prefix + topic_url(new_slug), "is_permanent": True},
        )


@transaction.atomic
def merge_topics(source, target):
    """Moves everything tagged `source` to `target` and deletes `source`. Returns how many
    pages now carry `target` because of it."""
    if source.pk == target.pk:
        raise ValueError("A topic cannot be merged into itself.")
    moved = 0
    for model in tagged_item_models():
        already = set(model.objects.filter(tag=target).values_list("content_object_id", flat=True))
        for item in model.objects.filter(tag=source):
            if item.content_object_id in already:
                item.delete()
            else:
                item.tag = target
                item.save(update_fields=["tag"])
                moved += 1
    _rewrite_revisions(source.pk, target.pk)
    for name in TopicName.objects.filter(tag=source):
        if not TopicName.objects.filter(tag=target, language_code=name.language_code).exists():
            name.tag = target
            name.save(update_fields=["tag"])
    redirect_topic(source.slug, target.slug)
    source.delete()
    return moved


def _rewrite_revisions(source_id, target_id):
    for revision in Revision.objects.filter(content__tagged_items__isnull=False).iterator():
        items = revision.content.get("tagged_items") or []
        if not any(item.get("tag") == source_id for item in items):
            continue
        kept, seen = [], set()
        for item in items:
            tag = target_id if item.get("tag") == source_id else item.get("tag")
            if tag in seen:
                continue
            seen.add(tag)
            kept.append({**item, "tag": tag})
        revision.content = {**revision.content, "tagged_items": kept}
        revision.save(update_fields=["content"])
