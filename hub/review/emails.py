"""Parent review emails: who hears about what, always with the reviewer's comment.

Replaces Wagtail's workflow emails, which miss cases the partnership needs: approving with a
comment sends nothing, a request for changes does not reach the parents who approved earlier,
and superusers are mailed about every submission, their own included.

- Something is submitted: every parent reviewer (and superusers who opted in), not the author.
- A parent approves, and more approvals are needed: the author, with the comment.
- The review finishes: the author, saying it is live (or when it will be), with the comments.
- A parent asks for changes: the author and the parents who had approved, with the comment.
Nobody is mailed about their own action. `hub/review/signals.py` says when each is sent.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail.models import Page

from hub.review.roles import PARENT_REVIEWERS

logger = logging.getLogger(__name__)
APPROVED = "approved"  # ParentReviewDecision.Decision.APPROVED


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
        subject = render_to_string(f"review/emails/{template}_subject.txt", context).strip()
        body = render_to_string(f"review/emails/{template}.txt", context)
        messages.append((subject, body, user))

    def send():
        for subject, body, user in messages:
            try:
                send_mail(subject, body, None, [user.email])
            except Exception:  # a mail server problem must never undo a review
                logger.exception("Could not send the '%s' email to %s", template, user.email)

    transaction.on_commit(send)


def review_requested(task_state, user=None):
    """Something waits for parent review: every parent reviewer hears of it."""
    User = get_user_model()
    reviewers = set(User.objects.filter(groups__name=PARENT_REVIEWERS))
    opted_in = set(
        User.objects.filter(is_superuser=True, review_email_preference__review_requests=True)
    )
    _send(
        "review_requested",
        reviewers | opted_in,
        {
            **_describe(task_state.workflow_state.content_object),
            "requested_by": task_state.workflow_state.requested_by,
            "needed": task_state.task.specific.approvals_required,
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


def review_finished(workflow_state, task_state, user=None):
    """Enough parents approved: tell the author it is live (or when it will be)."""
    decisions = task_state.parent_decisions.filter(
        revision=task_state.revision, decision=APPROVED
    ).select_related("reviewer")
    _send(
        "review_finished",
        [workflow_state.requested_by],
        {
            **_describe(workflow_state.content_object),
            "decisions": decisions,
            "go_live_at": task_state.revision.approved_go_live_at,
        },
        actor=user if user == workflow_state.requested_by else None,
    )


def changes_requested(workflow_state, task_state, user=None):
    """A parent asked for changes: the author and the parents who had approved hear it."""
    earlier_approvers = {
        decision.reviewer
        for decision in task_state.parent_decisions.filter(decision=APPROVED).select_related(
            "reviewer"
        )
    }
    _send(
        "changes_requested",
        {workflow_state.requested_by} | earlier_approvers,
        {
            **_describe(workflow_state.content_object),
            "reviewer": user,
            "comment": task_state.comment,
            "author": workflow_state.requested_by,
        },
        actor=user,
    )
