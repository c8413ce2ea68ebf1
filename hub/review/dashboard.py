"""The dashboard panel parent reviewers open on: 'Waiting for your review'."""

from django.conf import settings
from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.models import Page, TaskState

from hub.review.models import ParentPanelReviewTask
from hub.translation.review import translation_progress


class WaitingForYourReviewPanel(Component):
    name = "waiting_for_your_review"
    template_name = "review/waiting_for_your_review.html"
    order = 10

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        user = request.user
        states = (
            TaskState.objects.reviewable_by(user)
            .filter(task__in=ParentPanelReviewTask.objects.all())
            .select_related("workflow_state__requested_by", "task")
            .order_by("started_at")
        )
        items = []
        for state in states:
            obj = state.workflow_state.content_object
            if obj is None:
                continue
            obj = obj.specific if isinstance(obj, Page) else obj
            task = state.task.specific
            revision = obj.get_latest_revision()
            approvals = task.approvals_for(state, revision)
            items.append(
                {
                    "obj": obj,
                    "language": self.language(obj),
                    "translation": translation_progress(obj),
                    "kind": getattr(obj, "content_type_label", obj._meta.verbose_name.title()),
                    "requested_by": state.workflow_state.requested_by,
                    "started_at": state.started_at,
                    "still_needed": max(task.approvals_required - approvals.count(), 0),
                    "you_approved": approvals.filter(reviewer=user).exists(),
                    "preview_url": self.preview_url(obj, task),
                    # Something never published has no live version to compare with.
                    "changes_url": reverse("parent_review:changes", args=[state.pk])
                    if obj.live
                    else None,
                    "actions": [
                        (label, self.action_url(obj, name, state), modal)
                        for name, label, modal in task.get_actions(obj, user)
                    ],
                }
            )
        return {
            **super().get_context_data(parent_context),
            "items": items,
            "csrf_token": parent_context.get("csrf_token"),
        }

    @staticmethod
    def language(obj):
        """The draft's language, when it is not the source language (English)."""
        locale = getattr(obj, "locale", None)
        if locale is None or locale.language_code == settings.LANGUAGE_CODE:
            return None
        return locale.get_display_name()

    @staticmethod
    def _url_name(obj, name):
        if isinstance(obj, Page):
            return f"wagtailadmin_pages:{name}"
        return obj.snippet_viewset.get_url_name(name)

    def preview_url(self, obj, task):
        return reverse(self._url_name(obj, "workflow_preview"), args=[obj.pk, task.pk])

    def action_url(self, obj, action_name, state):
        return reverse(self._url_name(obj, "workflow_action"), args=[obj.pk, action_name, state.pk])
