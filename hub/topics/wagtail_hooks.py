"""Topics in the admin (for hub administrators): list, rename, name in every language, merge."""

from django.urls import reverse
from taggit.models import Tag
from wagtail import hooks
from wagtail.admin.widgets.button import ListingButton
from wagtail.snippets.models import register_snippet

from hub.topics.admin import TopicViewSet

register_snippet(TopicViewSet)


@hooks.register("register_snippet_listing_buttons")
def topic_merge_button(snippet, user, next_url=None):
    if isinstance(snippet, Tag) and user.has_perm("taggit.change_tag"):
        yield ListingButton(
            "Merge into…",
            reverse("wagtailsnippets_taggit_tag:merge", args=[snippet.pk]),
            icon_name="resubmit",
            attrs={"aria-label": f"Merge “{snippet.name}” into another topic"},
            priority=30,
        )
