"""Parent review emails: who hears about what, always with the reviewer's comment.

Replaces Wagtail's workflow emails, which miss cases the partnership needs: approving with a
comment sends nothing, a request for changes does not reach the parents who approved earlier,
and superusers are mailed about every submission, their own included.

- Something is submitted: every parent reviewer (and superusers who opted in), not the author.
- A parent approves, and more approvals are needed: the author, with the comment.
- The review finishes: the author and every parent who took part, saying it is live (or when
  it will be), with the comments.
- A parent asks for changes: the author and every parent who took part, with the comment.
Each email links to the draft's review page, and is written in the recipient's language.
Nobody is mailed about their own action. `hub/review/signals.py` says when each is sent.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Page
from wagtail.users.models import UserProfile

from hub.review.roles import PARENT_REVIEWERS

logger = logging.getLogger(__name__)
APPROVED = "approved"  # ParentReviewDecision.Decision.APPROVED


def _admin_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def review_url(task_state):
    """The draft's review page, in every email about it (after signing in, if need be)."""
    return _admin_url(reverse("parent_review:review", args=[task_state.pk]))


def _describe(obj):
    obj = obj.specific if isinstance(obj, Page) else obj
    locale = getattr(obj, "locale", None)
    return {
        "title": obj.get_admin_display_title() if isinstance(obj, Page) else str(obj),
        "kind": getattr(obj, "content_type_label", obj._meta.verbose_name),
        "language": locale.get_display_name()
        if locale and locale.language_code != settings.LANGUAGE_CODE
        else "",
        "public_url": obj.get_full_url() if isinstance(obj, Page) else "",
        "is_new": not obj.live,
        "is_page": isinstance(obj, Page),
        "object": obj,
    }


def _language_of(user):
    """The language the person reads the admin in (Account → Language), else the site's."""
    return UserProfile.get_for_user(user).get_preferred_language() or settings.LANGUAGE_CODE


def _send(template, recipients, context, actor=None):
    """Renders one email per recipient now, in their language, and sends them once the
    review is saved."""
    messages = []
    for user in {u for u in recipients if u and u.is_active and u.email and u != actor}:
        with translation.override(_language_of(user)):
            personal = {**context, "recipient": user}
            subject = render_to_string(f"review/emails/{template}_subject.txt", personal)
            body = render_to_string(f"review/emails/{template}.txt", personal)
        messages.append((" ".join(subject.split()), body, user))

    def queue():
        for subject, body, user in messages:
            deliver.enqueue(subject, body, user.email)

    # Queued once the review is saved, and sent by the worker (`manage.py db_worker`), never
    # on the request: a slow or broken mail server costs a parent's decision nothing.
    transaction.on_commit(queue)


# A failed email is tried again after 1, 5, 15 and 60 minutes, then given up with an error.
RETRY_AFTER_MINUTES = [1, 5, 15, 60]


def recipient(address):
    """Who an email was for, as the logs name people: by account number, never by address."""
    found = (
        get_user_model().objects.filter(email__iexact=address).values_list("pk", flat=True).first()
    )
    return f"user {found}" if found is not None else "an address with no account"


@task(backend="email", queue_name="email")
def deliver(subject, body, to, attempt=1):
    """Sends one email (a queued task, `manage.py db_worker`); on failure, logs a line and
    tries again later."""
    try:
        send_mail(subject, body, None, [to])
    except Exception as error:  # any mail server problem: refused, timed out, unreachable
        if attempt > len(RETRY_AFTER_MINUTES):
            logger.error(
                "Gave up sending an email to %s after %d attempts: %s",
                recipient(to),
                attempt,
                error,
            )
            return
        wait = RETRY_AFTER_MINUTES[attempt - 1]
        logger.warning(
            "Could not send an email to %s (attempt %d): %s; trying again in %d minute(s)",
            recipient(to),
            attempt,
            error,
            wait,
        )
        deliver.using(run_after=timezone.now() + timedelta(minutes=wait)).enqueue(
            subject, body, to, attempt + 1
        )


def parents_who_took_part(workflow_state):
    """Every parent who approved or asked for changes, in any round of this review."""
    User = get_user_model()
    return set(User.objects.filter(parent_decisions__task_state__workflow_state=workflow_state))


def review_requested(task_state, user=None, summary="", changed_since_last_round=()):
    """Something waits for parent review: every parent reviewer hears of it. A new round
    (after a request for changes) says so, with what the author changed."""
    User = get_user_model()
    # Parents get these unless they turned them off on their account page.
    reviewers = set(
        User.objects.filter(groups__name=PARENT_REVIEWERS).exclude(
            review_email_preference__review_requests=False
        )
    )
    opted_in = set(
        User.objects.filter(is_superuser=True, review_email_preference__review_requests=True)
    )
    new_round = task_state.workflow_state.task_states.exclude(pk=task_state.pk).exists()
    _send(
        "review_requested",
        reviewers | opted_in,
        {
            **_describe(task_state.workflow_state.content_object),
            "requested_by": task_state.workflow_state.requested_by,
            "needed": task_state.task.specific.approvals_required,
            "review_url": review_url(task_state),
            "summary": summary,
            "new_round": new_round,
            "changed_since_last_round": list(changed_since_last_round),
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


def approval_no_longer_counts(task_state, editor=None):
    """The draft changed while parents review it: each parent who approved the words before
    the change hears that their approval was for those words, and is asked to read it again.
    Called before the review follows the new revision, so only the first change after an
    approval sends this."""
    User = get_user_model()
    approvers = User.objects.filter(
        parent_decisions__task_state=task_state,
        parent_decisions__revision_id=task_state.revision_id,
        parent_decisions__decision=APPROVED,
    )
    _send(
        "approval_no_longer_counts",
        set(approvers),
        {
            **_describe(task_state.workflow_state.content_object),
            "editor": editor or task_state.workflow_state.requested_by,
            "review_url": review_url(task_state),
        },
        actor=editor,
    )


def review_finished(workflow_state, task_state, user=None):
    """Enough parents approved: the author and every parent who took part hear it is live
    (or when it will be)."""
    decisions = task_state.parent_decisions.filter(
        revision=task_state.revision, decision=APPROVED
    ).select_related("reviewer")
    _send(
        "review_finished",
        {workflow_state.requested_by} | parents_who_took_part(workflow_state),
        {
            **_describe(workflow_state.content_object),
            "decisions": decisions,
            "go_live_at": task_state.revision.approved_go_live_at,
            "author": workflow_state.requested_by,
        },
        actor=user,  # the parent whose approval was the last one needed knows already
    )


def changes_requested(workflow_state, task_state, user=None):
    """A parent asked for changes: the author and every parent who took part hear it."""
    _send(
        "changes_requested",
        {workflow_state.requested_by} | parents_who_took_part(workflow_state),
        {
            **_describe(workflow_state.content_object),
            "reviewer": user,
            "comment": task_state.comment,
            "author": workflow_state.requested_by,
            "edit_url": _edit_url(workflow_state.content_object, workflow_state.requested_by),
        },
        actor=user,
    )


def _edit_url(obj, user):
    """Where the author changes the draft: its editor in the admin ("" if they cannot)."""
    path = AdminURLFinder(user).get_edit_url(obj) if user else None
    return _admin_url(path) if path else ""
