"""Administrators' reports on parent review: every decision, and every publish that skipped
review."""

from itertools import chain

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import ModelLogEntry, PageLogEntry, TaskState

from hub.review.files import EMERGENCY_FILE_CHANGE
from hub.review.finish import PUBLISHED
from hub.review.models import ParentPanelReviewTask, ParentReviewDecision

# Log actions that put words live: Wagtail's own publish (a person, a schedule or a command),
# and the parent review's.
PUBLISH_ACTIONS = ["wagtail.publish", "wagtail.publish.scheduled", PUBLISHED]
NOBODY = "No person: a schedule or a command"


def can_see_review_reports(user):
    # Hub administrators manage workflows; they and superusers see how review is going.
    return user.is_active and user.has_perm("wagtailcore.change_workflow")


class HubReportView(ReportView):
    def dispatch(self, request, *args, **kwargs):
        if not can_see_review_reports(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ParentReviewDecisionsReport(HubReportView):
    """Who approved or asked for changes, on which revision of which page, and what they said."""

    page_title = "Parent review decisions"
    header_icon = "tasks"
    index_url_name = "parent_review_reports:decisions"
    index_results_url_name = "parent_review_reports:decisions_results"
    columns = [
        Column("object", label="Page or snippet", accessor="revision.object_str"),
        Column("decision", label="Decision", accessor="get_decision_display"),
        Column("reviewer", label="Parent reviewer"),
        Column("revision", label="Revision", accessor="revision_id"),
        Column("comment", label="Comment"),
        DateColumn("created_at", label="When"),
    ]
    list_export = [
        "revision.object_str",
        "get_decision_display",
        "reviewer",
        "revision_id",
        "comment",
        "created_at",
    ]
    export_headings = {
        "revision.object_str": "Page or snippet",
        "get_decision_display": "Decision",
        "revision_id": "Revision",
    }

    def get_filename(self):
        return "parent-review-decisions"

    def get_queryset(self):
        # Grouped per page (or snippet), oldest decision first within each.
        return ParentReviewDecision.objects.select_related("reviewer", "revision").order_by(
            "revision__base_content_type_id", "revision__object_id", "created_at"
        )


class PublishedWithoutReviewReport(HubReportView):
    """Every publish of words parents did not approve, and every emergency change to a file
    that live pages use.

    Decided by what was published, not by who: a publish counts as reviewed only when the
    revision that went live is one a parent review approved. So an administrator's direct
    (emergency) publish, a scheduled publish of a revision nobody reviewed, a revert, a bulk
    publish and content loaded by a command are all listed, whoever or whatever did them.
    """

    page_title = "Published without parent review"
    header_icon = "warning"
    index_url_name = "parent_review_reports:published_without_review"
    index_results_url_name = "parent_review_reports:published_without_review_results"
    columns = [
        Column("label", label="Page, snippet or file"),
        Column("what", label="What happened", accessor="message"),
        Column("user", label="By", accessor="done_by"),
        DateColumn("timestamp", label="When"),
    ]
    list_export = ["label", "message", "done_by", "timestamp"]

    def get_filename(self):
        return "published-without-parent-review"

    def get_queryset(self):
        approved = TaskState.objects.filter(
            status=TaskState.STATUS_APPROVED,
            task__in=ParentPanelReviewTask.objects.all(),
            revision__isnull=False,
        ).values("revision_id")
        unreviewed = Q(action__in=PUBLISH_ACTIONS) & ~Q(revision__in=approved)
        emergency = Q(action=EMERGENCY_FILE_CHANGE)
        entries = sorted(
            chain(
                PageLogEntry.objects.filter(unreviewed).select_related("user"),
                ModelLogEntry.objects.filter(unreviewed | emergency).select_related("user"),
            ),
            key=lambda entry: entry.timestamp,
            reverse=True,
        )
        for entry in entries:
            entry.done_by = entry.user_display_name if entry.user_id else NOBODY
        return entries
