"""Topics as a reader sees them: in their language, or in English and marked as such."""

from django.apps import apps
from django.conf import settings
from django.db.models import OuterRef, QuerySet, Subquery
from taggit.models import TaggedItemBase
from wagtail.models import Page

from hub.topics.models import TopicName
from hub.translation.reader import reader_language


def tagged_item_models():
    """Every model that tags pages with a topic (guides, events, stories...): django-taggit's
    TaggedItemBase subclasses whose `content_object` is a page. A new tagged page type needs
    no list updated."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, TaggedItemBase)
        and issubclass(
            getattr(model._meta.get_field("content_object"), "related_model", None) or object, Page
        )
    ]


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


def topic_labels(tags):
    """Each topic with its name in the reader's language; "language" is set where the name is
    still the English one (to mark it). One query for all of them: from a queryset of tags,
    the same query that reads the tags."""
    language = reader_language()
    if isinstance(tags, QuerySet) and language != settings.LANGUAGE_CODE:
        translated = TopicName.objects.filter(tag=OuterRef("pk"), language_code=language)
        tags = list(tags.annotate(reader_name=Subquery(translated.values("name")[:1])))
        names = {tag.pk: tag.reader_name for tag in tags if tag.reader_name}
    else:
        tags = list(tags)
        names = names_in_reader_language(tags)
    english = "" if reader_language() == settings.LANGUAGE_CODE else settings.LANGUAGE_CODE
    return [
        {
            "tag": tag,
            "slug": tag.slug,
            "name": names.get(tag.pk, tag.name),
            "language": "" if tag.pk in names else english,
        }
        for tag in tags
    ]
