"""The dashboard parent reviewers open on: 'Waiting for your review', one card per draft with
one link to its review page, and, once after a decision, what happened and what comes next.

A parent reviewer (and nothing more) gets it as the whole page (`views.dashboard`); someone who
is a reviewer as well as comms staff or an administrator gets it as a panel on Wagtail's own
dashboard, with their other work."""

from django.conf import settings
from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.models import Page, TaskState

from hub.review.models import ParentPanelReviewTask
from hub.translation.review import translation_progress

# The banner the dashboard shows once after a decision (session key).
BANNER = "hub_review_banner"


def reviewed_object(task_state):
    obj = task_state.workflow_state.content_object
    return obj.specific if isinstance(obj, Page) else obj


def kind_of(obj):
    return str(getattr(obj, "content_type_label", None) or obj._meta.verbose_name).capitalize()


def language_of(obj):
    """The draft's language when it is not the source language (English)."""
    locale = getattr(obj, "locale", None)
    if locale is None or locale.language_code == settings.LANGUAGE_CODE:
        return None
    return locale.get_display_name()


def waiting_for(request):
    """What waits for this reviewer, oldest first, and the banner about their last decision."""
    user = request.user
    states = (
        TaskState.objects.reviewable_by(user)
        .filter(task__in=ParentPanelReviewTask.objects.all())
        .select_related("workflow_state__requested_by", "task")
        .order_by("started_at")
    )
    items = []
    for state in states:
        if state.workflow_state.content_object is None:
            continue
        obj = reviewed_object(state)
        task = state.task.specific
        approvals = task.approvals_for(state, obj.get_latest_revision())
        items.append(
            {
                "title": obj.get_admin_display_title()
                if hasattr(obj, "get_admin_display_title")
                else str(obj),
                "kind": kind_of(obj),
                "language": language_of(obj),
                "translation": translation_progress(obj),
                "is_new": not obj.live,
                "is_page": isinstance(obj, Page),
                "requested_by": state.workflow_state.requested_by,
                "started_at": state.started_at,
                "still_needed": max(task.approvals_required - approvals.count(), 0),
                "you_approved": approvals.filter(reviewer=user).exists(),
                "review_url": reverse("parent_review:review", args=[state.pk]),
            }
        )
    return {"items": items, "banner": request.session.pop(BANNER, None)}


class WaitingForYourReviewPanel(Component):
    name = "waiting_for_your_review"
    template_name = "review/waiting_for_your_review.html"
    order = 10

    def get_context_data(self, parent_context):
        return {
            **super().get_context_data(parent_context),
            **waiting_for(parent_context["request"]),
        }
