"""The admin's Topics section: list, rename (with names in every language) and merge. For hub
administrators: a topic's name is public the moment it is saved."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, IntegerField, Value
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from taggit.models import Tag
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import SnippetViewSet

from hub.topics.curation import merge_topics
from hub.topics.forms import MergeTopicForm, TopicForm
from hub.topics.names import other_languages, tagged_item_models


class TopicViewSet(SnippetViewSet):
    model = Tag
    icon = "tag"
    menu_label = "Topics"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "slug", Column("pages", label="Pages tagged")]
    search_fields = ["name"]
    ordering = ["name"]

    def get_edit_handler(self):
        panels = [
            FieldPanel("name"),
            FieldPanel("slug", help_text="The topic's web address: /tags/<this>/."),
            MultiFieldPanel(
                [FieldPanel(f"name_{code}") for code in other_languages()],
                heading="In other languages",
            ),
        ]
        return ObjectList(panels, base_form_class=TopicForm).bind_to_model(Tag)

    def get_queryset(self, request):
        counted = Value(0, output_field=IntegerField())
        for model in tagged_item_models():
            name = model._meta.get_field("tag").related_query_name()
            counted = counted + Count(name, distinct=True)
        return Tag.objects.annotate(pages=counted)

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("merge/<int:pk>/", self.merge_view, name="merge"),
        ]

    def merge_view(self, request, pk):
        if not request.user.has_perm("taggit.change_tag"):
            raise PermissionDenied
        source = get_object_or_404(Tag, pk=pk)
        form = MergeTopicForm(request.POST or None, source=source)
        if request.method == "POST" and form.is_valid():
            target = form.cleaned_data["target"]
            moved = merge_topics(source, target)
            messages.success(
                request,
                f"“{source.name}” is now part of “{target.name}”: {moved} page(s) moved. "
                f"Its old topic page redirects to the new one.",
            )
            return redirect(self.get_url_name("list"))
        return TemplateResponse(
            request,
            "topics/merge_topic.html",
            {
                "source": source,
                "form": form,
                "page_title": f"Merge “{source.name}”",
                "header_icon": "tag",
                "list_url": reverse(self.get_url_name("list")),
            },
        )
