"""Parent review emails: who hears about what, always with the reviewer's comment.

Replaces Wagtail's workflow emails, which miss cases the partnership needs: approving with a
comment sends nothing, a request for changes does not reach the parents who approved earlier,
and superusers are mailed about every submission, their own included.

- Something is submitted: every parent reviewer (and superusers who opted in), not the author.
- A parent approves, and more approvals are needed: the author, with the comment.
- The review finishes: the author, saying it is live (or when it will be), with the comments.
- A parent asks for changes: the author and the parents who had approved, with the comment.
Nobody is mailed about their own action.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected

from hub.roles import PARENT_REVIEWERS

logger = logging.getLogger(__name__)

# Wagtail's own workflow email handlers (wagtail.admin.signal_handlers), replaced by these.
WAGTAIL_HANDLERS = [
    (task_submitted, TaskState, "group_approval_task_submitted_email_notification"),
    (workflow_approved, WorkflowState, "workflow_state_approved_email_notification"),
    (workflow_rejected, WorkflowState, "workflow_state_rejected_email_notification"),
]


def connect():
    from wagtail.signals import workflow_submitted

    for signal, sender, uid in WAGTAIL_HANDLERS + [
        (workflow_submitted, WorkflowState, "workflow_state_submitted_email_notification")
    ]:
        signal.disconnect(sender=sender, dispatch_uid=uid)
    task_submitted.connect(review_requested, dispatch_uid="hub_review_requested")
    workflow_approved.connect(review_finished, dispatch_uid="hub_review_finished")
    workflow_rejected.connect(changes_requested, dispatch_uid="hub_changes_requested")


def _admin_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _describe(obj):
    obj = obj.specific if isinstance(obj, Page) else obj
    return {
        "title": obj.get_admin_display_title() if isinstance(obj, Page) else str(obj),
        "kind": getattr(obj, "content_type_label", obj._meta.verbose_name),
        "public_url": obj.get_full_url() if isinstance(obj, Page) else "",
        "object": obj,
    }


def _send(template, recipients, context, actor=None):
    """Renders one email per recipient now, and sends them once the review is saved."""
    messages = []
    for user in {u for u in recipients if u and u.is_active and u.email and u != actor}:
        context = {**context, "recipient": user}
        subject = render_to_string(f"hub/emails/{template}_subject.txt", context).strip()
        messages.append((subject, render_to_string(f"hub/emails/{template}.txt", context), user))

    def send():
        for subject, body, user in messages:
            try:
                send_mail(subject, body, None, [user.email])
            except Exception:  # a mail server problem must never undo a review
                logger.exception("Could not send the '%s' email to %s", template, user.email)

    transaction.on_commit(send)


def _is_parent_review(task_state):
    from hub.models import ParentPanelReviewTask

    return isinstance(task_state.task.specific, ParentPanelReviewTask)


def review_requested(sender, instance, user=None, **kwargs):
    if not _is_parent_review(instance):
        return
    User = get_user_model()
    reviewers = set(User.objects.filter(groups__name=PARENT_REVIEWERS))
    opted_in = set(
        User.objects.filter(is_superuser=True, review_email_preference__review_requests=True)
    )
    _send(
        "review_requested",
        reviewers | opted_in,
        {
            **_describe(instance.workflow_state.content_object),
            "requested_by": instance.workflow_state.requested_by,
            "needed": instance.task.specific.approvals_required,
            "dashboard_url": _admin_url(reverse("wagtailadmin_home")),
        },
        actor=user,
    )


def parent_approved(task_state, reviewer, comment, approvals, needed):
    """One parent approved and more approvals are needed: tell the author."""
    _send(
        "parent_approved",
        [task_state.workflow_state.requested_by],
        {
            **_describe(task_state.workflow_state.content_object),
            "reviewer": reviewer,
            "comment": comment,
            "still_needed": needed - approvals,
        },
        actor=reviewer,
    )


def review_finished(sender, instance, user=None, **kwargs):
    from hub.models import ParentReviewDecision

    task_state = instance.current_task_state
    if task_state is None or not _is_parent_review(task_state):
        return
    decisions = ParentReviewDecision.objects.filter(
        task_state=task_state,
        revision=task_state.revision,
        decision=ParentReviewDecision.Decision.APPROVED,
    ).select_related("reviewer")
    obj = instance.content_object
    _send(
        "review_finished",
        [instance.requested_by],
        {
            **_describe(obj),
            "decisions": decisions,
            "go_live_at": task_state.revision.approved_go_live_at,
        },
        actor=user if user == instance.requested_by else None,
    )


def changes_requested(sender, instance, user=None, **kwargs):
    from hub.models import ParentReviewDecision

    task_state = instance.current_task_state
    if task_state is None or not _is_parent_review(task_state):
        return
    earlier_approvers = {
        d.reviewer
        for d in ParentReviewDecision.objects.filter(
            task_state=task_state, decision=ParentReviewDecision.Decision.APPROVED
        ).select_related("reviewer")
    }
    _send(
        "changes_requested",
        {instance.requested_by} | earlier_approvers,
        {
            **_describe(instance.content_object),
            "reviewer": user,
            "comment": task_state.comment,
            "author": instance.requested_by,
        },
        actor=user,
    )
