from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET
from taggit.models import Tag

from hub.i18n import in_reader_language
from hub.public import public_pages
from hub.templatetags.hub_tags import topic_labels

TAGGED_PER_PAGE = 10


def tag_page(request, slug):
    """Everything that carries a tag (guides, events, stories), newest first."""
    from events.models import EventPageTag
    from guides.models import GuidePageTag
    from stories.models import StoryPageTag

    tag = get_object_or_404(Tag, slug=slug)
    tagged = Q()
    for through in (GuidePageTag, EventPageTag, StoryPageTag):
        tagged |= Q(pk__in=through.objects.filter(tag=tag).values("content_object_id"))
    public = public_pages().filter(tagged)
    # A topic only a draft carries is not public yet: its name is not shown to anyone.
    if not public.exists():
        raise Http404("No public page carries this topic")
    pages = in_reader_language(public).order_by("-first_published_at", "pk")
    results = Paginator(pages, TAGGED_PER_PAGE).get_page(request.GET.get("page"))
    results.object_list = results.object_list.specific()
    topic = topic_labels([tag])[0]
    return render(request, "hub/tag_page.html", {"tag": tag, "topic": topic, "results": results})


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
