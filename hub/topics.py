"""Topics (taggit tags) as comms staff curate them: rename, merge, and name in each language.

Guides, events and stories are tagged with django-taggit through modelcluster. A merge moves
every tagged item, in the live pages and in their revisions (so publishing an older draft
never brings back a tag that is gone), and the old topic page redirects to the new one.
"""

from django import forms
from django.conf import settings
from django.db import transaction
from django.utils.translation import get_language_info
from taggit.models import Tag
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Revision

from hub.i18n import reader_language
from hub.models import TopicName


def tagged_item_models():
    from events.models import EventPageTag
    from guides.models import GuidePageTag
    from stories.models import StoryPageTag

    return [GuidePageTag, EventPageTag, StoryPageTag]


def other_languages():
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def names_in_reader_language(tags):
    """{tag pk: its name in the reader's language} for the tags that have one (one query)."""
    language = reader_language()
    if language == settings.LANGUAGE_CODE:
        return {}
    return dict(
        TopicName.objects.filter(
            tag__in=[tag.pk for tag in tags], language_code=language
        ).values_list("tag_id", "name")
    )


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


def _name_field(code):
    info = get_language_info(code)
    return forms.CharField(
        label=f"Name in {info['name']} ({info['name_local']})",
        max_length=100,
        required=False,
        help_text="Leave blank to show the English name, marked as English.",
    )


class BaseTopicForm(WagtailAdminModelForm):
    """A topic's name and web address, and its name in each other language. Renaming keeps
    everything tagged; a new web address redirects from the old one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            names = dict(self.instance.translated_names.values_list("language_code", "name"))
            for code in other_languages():
                self.fields[f"name_{code}"].initial = names.get(code, "")

    @transaction.atomic
    def save(self, commit=True):
        old_slug = Tag.objects.filter(pk=self.instance.pk).values_list("slug", flat=True).first()
        tag = super().save(commit=commit)
        if old_slug and old_slug != tag.slug:
            redirect_topic(old_slug, tag.slug)
        for code in other_languages():
            name = self.cleaned_data.get(f"name_{code}", "").strip()
            if name:
                TopicName.objects.update_or_create(
                    tag=tag, language_code=code, defaults={"name": name}
                )
            else:
                TopicName.objects.filter(tag=tag, language_code=code).delete()
        return tag


# One "Name in ..." field per configured language, declared on the class so that the
# admin's panels can lay them out.
TopicForm = type(
    "TopicForm",
    (BaseTopicForm,),
    {f"name_{code}": _name_field(code) for code in other_languages()},
)


class MergeTopicForm(forms.Form):
    target = forms.ModelChoiceField(
        queryset=Tag.objects.none(),
        label="Merge into",
        help_text="Everything tagged with this topic will be tagged with the one you choose.",
    )

    def __init__(self, *args, source, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = Tag.objects.exclude(pk=source.pk).order_by("name")
