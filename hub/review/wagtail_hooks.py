"""Parent review in the admin: reviewers' dashboard and allow-listed menu, what changed, the
reports, the history's wording, administrators' email opt-in, and the file rules."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter

from hub.review import files, views
from hub.review.access import is_only_a_parent_reviewer
from hub.review.account import review_email_settings_panel
from hub.review.dashboard import WaitingForYourReviewPanel
from hub.review.files import EMERGENCY_FILE_CHANGE
from hub.review.finish import PUBLISHED, SCHEDULED
from hub.review.models import ParentPanelReviewTask, ParentReviewDecision
from hub.review.reports import (
    ParentReviewDecisionsReport,
    PublishedWithoutReviewReport,
    can_see_review_reports,
)

hooks.register("register_account_settings_panel", review_email_settings_panel)


def approvers_of(log_entry):
    """The parents who approved, by name (usernames in entries written before names were)."""
    data = log_entry.data or {}
    return data.get("approved_by_names") or data.get("approved_by") or []


@hooks.register("register_log_actions")
def register_parent_review_log_actions(actions):
    @actions.register_action("hub.parent_review.approve")
    class ParentApproval(LogFormatter):
        label = "Parent review: approved"

        def format_message(self, log_entry):
            data = log_entry.data
            return (
                f"Approved by a parent reviewer ({data.get('approvals')} of "
                f"{data.get('needed')} approvals)"
            )

        def format_comment(self, log_entry):
            return log_entry.data.get("comment", "")

    @actions.register_action(PUBLISHED)
    class PublishedAfterParentReview(LogFormatter):
        label = "Parent review: published"

        def format_message(self, log_entry):
            approvers = approvers_of(log_entry)
            return "Published after parent review, approved by " + (
                ", ".join(approvers) or "nobody recorded"
            )

    @actions.register_action(SCHEDULED)
    class ScheduledAfterParentReview(LogFormatter):
        label = "Parent review: approved, to go live at its go-live date"

        def format_message(self, log_entry):
            approvers = approvers_of(log_entry)
            return (
                "Approved by "
                + (", ".join(approvers) or "nobody recorded")
                + ("; it goes live at its go-live date")
            )

    @actions.register_action(EMERGENCY_FILE_CHANGE)
    class FileChangedWhileLive(LogFormatter):
        label = "Changed while live pages use it (without parent review)"

        def format_message(self, log_entry):
            data = log_entry.data or {}
            what = ", ".join(data.get("fields") or []) or "the file"
            pages = len(data.get("pages") or [])
            return f"Changed without parent review ({what}) while {pages} live page(s) used it"


@hooks.register("before_move_page")
def only_people_who_may_move_see_the_move_confirmation(request, page, destination):
    """Wagtail checks the permission when the move is made; this refuses the confirmation
    screen too, so nobody is asked to confirm what they may not do."""
    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied


@hooks.register("construct_page_action_menu")
def one_way_back_to_parents_after_changes_are_asked_for(menu_items, request, context):
    """Once parents ask for changes, comms send the changed draft back with one button,
    Wagtail's "Resubmit" (here "Send the changes to parents"): it keeps the review, so parents
    see the comments they made before. "Restart workflow" would start a new review without them,
    and two buttons that both send the draft to parents leave comms guessing."""
    page = context.get("page")
    state = page.current_workflow_state if page is not None and page.pk else None
    if state is not None and state.status == state.STATUS_NEEDS_CHANGES:
        menu_items[:] = [item for item in menu_items if item.name != "action-restart-workflow"]


@hooks.register("before_edit_page")
def comms_read_what_parents_asked_for_in_the_editor(request, page):
    """Opening a draft parents sent back shows, at the top of the editor, who asked for changes
    and what they said: the author should not have to find the email to know what to do."""
    state = page.current_workflow_state
    if request.method != "GET" or state is None or state.status != state.STATUS_NEEDS_CHANGES:
        return
    asked = (
        ParentReviewDecision.objects.filter(
            task_state=state.current_task_state, decision="changes_requested"
        )
        .select_related("reviewer")
        .last()
    )
    if asked is None:
        return
    messages.warning(
        request,
        _("%(name)s asked for changes: “%(comment)s”")
        % {
            "name": asked.reviewer.get_full_name() or asked.reviewer.get_username(),
            "comment": asked.comment,
        },
    )


@hooks.register("before_serve_document")
def documents_only_drafts_use_are_not_public(document, request):
    files.check_document_is_public(document, request)


@hooks.register("construct_homepage_panels")
def parent_reviewers_open_on_what_waits_for_them(request, panels):
    """A parent reviewer's dashboard is one plain panel: what waits for their review."""
    if ParentPanelReviewTask.is_reviewer(request.user):
        panels[:] = [WaitingForYourReviewPanel()]


class WaitingForReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return is_only_a_parent_reviewer(request.user)


@hooks.register("register_admin_menu_item")
def register_waiting_for_review_menu_item():
    return WaitingForReviewMenuItem(
        _("Waiting for your review"),
        reverse("parent_review:dashboard"),
        icon_name="tasks",
        order=10,
        name="waiting-for-your-review",
    )


@hooks.register("construct_main_menu")
def parent_reviewers_see_only_their_dashboard(request, menu_items):
    """Reviewers' part of the admin is their dashboard: no menu items they cannot use, and no
    link to help on another site."""
    user = request.user
    if is_only_a_parent_reviewer(user):
        menu_items[:] = [item for item in menu_items if item.name == "waiting-for-your-review"]
    elif ParentPanelReviewTask.is_reviewer(user) and not user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name not in {"reports", "help"}]


@hooks.register("register_admin_urls")
def register_parent_review_urls():
    reports = [
        path("decisions/", ParentReviewDecisionsReport.as_view(), name="decisions"),
        path(
            "decisions/results/",
            ParentReviewDecisionsReport.as_view(results_only=True),
            name="decisions_results",
        ),
        path(
            "published-without-review/",
            PublishedWithoutReviewReport.as_view(),
            name="published_without_review",
        ),
        path(
            "published-without-review/results/",
            PublishedWithoutReviewReport.as_view(results_only=True),
            name="published_without_review_results",
        ),
    ]
    review = [
        path("", views.dashboard, name="dashboard"),
        path("account/", views.account, name="account"),
        path("<int:task_state_id>/", views.review, name="review"),
        path("<int:task_state_id>/draft/", views.draft, name="draft"),
        path("<int:task_state_id>/changes/", views.old_changes_link, name="changes"),
    ]
    return [
        path("parent-review/", include((review, "parent_review"))),
        path("reports/parent-review/", include((reports, "parent_review_reports"))),
    ]


class ReviewReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_review_reports(request.user)


@hooks.register("register_reports_menu_item")
def register_decisions_report():
    return ReviewReportMenuItem(
        "Parent review decisions",
        reverse("parent_review_reports:decisions"),
        icon_name="tasks",
        order=810,
    )


@hooks.register("register_reports_menu_item")
def register_published_without_review_report():
    return ReviewReportMenuItem(
        "Published without parent review",
        reverse("parent_review_reports:published_without_review"),
        icon_name="warning",
        order=820,
    )
