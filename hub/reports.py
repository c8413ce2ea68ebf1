"""Admin reports on parent review: every decision, and every publish that skipped review."""

from itertools import chain

from django.core.exceptions import PermissionDenied
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import ModelLogEntry, PageLogEntry

from hub.models import ParentReviewDecision


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
    index_url_name = "hub_reports:decisions"
    index_results_url_name = "hub_reports:decisions_results"
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
    """Publishes made directly by a person (an emergency), not by a finished parent review.

    Parent review publishes on the workflow's behalf, and scheduled publishing runs as the
    system, so both leave no user on the log entry; anything else was a person's direct publish.
    """

    page_title = "Published without parent review"
    header_icon = "warning"
    index_url_name = "hub_reports:published_without_review"
    index_results_url_name = "hub_reports:published_without_review_results"
    columns = [
        Column("label", label="Page or snippet"),
        Column("user", label="Published by", accessor="user_display_name"),
        DateColumn("timestamp", label="When"),
    ]
    list_export = ["label", "user_display_name", "timestamp"]

    def get_filename(self):
        return "published-without-parent-review"

    def get_queryset(self):
        directly = {"action": "wagtail.publish", "user__isnull": False}
        return sorted(
            chain(
                PageLogEntry.objects.filter(**directly).select_related("user"),
                ModelLogEntry.objects.filter(**directly).select_related("user"),
            ),
            key=lambda entry: entry.timestamp,
            reverse=True,
        )
