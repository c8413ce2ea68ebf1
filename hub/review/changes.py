"""Admin screens the hub adds for parent reviewers."""

from django.shortcuts import get_object_or_404
from wagtail.admin.panels import get_edit_handler
from wagtail.admin.views.generic.models import RevisionsCompareView
from wagtail.models import Page, TaskState


class ReviewChangesView(RevisionsCompareView):
    """What changed in a draft since the live version, for the reviewers who may act on it.

    Wagtail's own comparison needs edit or publish rights on the page, which parent reviewers
    must never hold; this one needs the draft to be waiting for this reviewer instead.
    """

    page_title = "What changed"

    def setup(self, request, task_state_id, *args, **kwargs):
        # Only task states this user may moderate: anything else is not found.
        state = get_object_or_404(TaskState.objects.reviewable_by(request.user), pk=task_state_id)
        obj = state.workflow_state.content_object
        self.reviewed = obj.specific if isinstance(obj, Page) else obj
        self.model = type(self.reviewed)
        before = "live" if self.reviewed.live and self.reviewed.live_revision_id else "earliest"
        super().setup(request, self.reviewed.pk, before, self.reviewed.get_latest_revision().pk)

    def get_object(self, queryset=None):
        return self.reviewed

    def get_edit_handler(self):
        if isinstance(self.reviewed, Page):
            return self.reviewed.get_edit_handler()
        return get_edit_handler(self.model)

    def get_page_subtitle(self):
        return str(self.reviewed)
