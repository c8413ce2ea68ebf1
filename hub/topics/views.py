"""A topic's public page: everything that carries it, in the reader's language."""

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from taggit.models import Tag

from hub.public import public_pages
from hub.specific import specific_pages
from hub.topics.names import tagged_item_models, topic_labels
from hub.translation.reader import in_reader_language

TAGGED_PER_PAGE = 10


def topic_page(request, slug):
    """Everything that carries a tag (guides, events, stories), newest first."""
    tag = get_object_or_404(Tag, slug=slug)
    tagged = Q()
    for through in tagged_item_models():
        tagged |= Q(pk__in=through.objects.filter(tag=tag).values("content_object_id"))
    public = public_pages().filter(tagged)
    # A topic only a draft carries is not public yet: its name is not shown to anyone.
    if not public.exists():
        raise Http404("No public page carries this topic")
    pages = in_reader_language(public).order_by("-first_published_at", "pk")
    results = Paginator(pages, TAGGED_PER_PAGE).get_page(request.GET.get("page"))
    tagged_types = [
        through._meta.get_field("content_object").related_model for through in tagged_item_models()
    ]
    results.object_list = specific_pages(results.object_list, tagged_types)
    topic = topic_labels([tag])[0]
    return render(
        request, "topics/topic_page.html", {"tag": tag, "topic": topic, "results": results}
    )
