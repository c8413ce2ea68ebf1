"""When parent review does something by itself: emails at each step (in place of Wagtail's
own workflow emails), and a review that follows a draft edited while it waits."""

from django.db.models.signals import post_save
from wagtail.models import Revision, TaskState, WorkflowState
from wagtail.signals import (
    task_submitted,
    workflow_approved,
    workflow_rejected,
    workflow_submitted,
)

from hub.review import emails
from hub.review.changes import changes_between, edit_handler_for
from hub.review.models import ParentPanelReviewTask, ReviewRound, RevisionNote

# Wagtail's own workflow email handlers (wagtail.admin.signal_handlers), replaced by ours.
WAGTAIL_EMAIL_HANDLERS = [
    (task_submitted, TaskState, "group_approval_task_submitted_email_notification"),
    (workflow_submitted, WorkflowState, "workflow_state_submitted_email_notification"),
    (workflow_approved, WorkflowState, "workflow_state_approved_email_notification"),
    (workflow_rejected, WorkflowState, "workflow_state_rejected_email_notification"),
]


def is_parent_review(task_state):
    return task_state is not None and isinstance(task_state.task.specific, ParentPanelReviewTask)


def review_requested(sender, instance, user=None, **kwargs):
    """A round of parent review starts: record the author's note (typed in the editor, see
    hub/review/forms.py) and tell the parents, with what changed since the last round."""
    if not is_parent_review(instance):
        return
    summary = notes_for_the_round(instance, instance.revision_id)
    ReviewRound.objects.update_or_create(task_state=instance, defaults={"change_summary": summary})
    emails.review_requested(
        instance,
        user,
        summary=summary,
        changed_since_last_round=_changed_since_last_round(instance),
    )


def _previous_round(task_state):
    return (
        TaskState.objects.filter(workflow_state=task_state.workflow_state)
        .exclude(pk=task_state.pk)
        .exclude(revision__isnull=True)
        .order_by("-started_at", "-pk")
        .first()
    )


def notes_for_the_round(task_state, up_to_revision_id):
    """The author's notes on every revision saved since parents last had the draft (or, in a
    first round, since the page was last published), in order: a note saved with "Save draft"
    is sent with the draft, however it is sent on later, and one saved while parents review it
    reaches them too. Within the length of a round's summary."""
    state = task_state.workflow_state
    revisions = Revision.objects.filter(
        base_content_type_id=state.base_content_type_id,
        object_id=state.object_id,
        pk__lte=up_to_revision_id,
    )
    previous = _previous_round(task_state)
    if previous is not None:
        revisions = revisions.filter(pk__gt=previous.revision_id)
    else:
        live = getattr(state.content_object, "live_revision_id", None)
        if live is not None and live < up_to_revision_id:
            revisions = revisions.filter(pk__gt=live)
    notes = []
    for note in (
        RevisionNote.objects.filter(revision__in=revisions)
        .order_by("revision_id")
        .values_list("change_summary", flat=True)
    ):
        if note not in notes:
            notes.append(note)
    summary = " · ".join(notes)
    limit = ReviewRound._meta.get_field("change_summary").max_length
    return summary if len(summary) <= limit else summary[: limit - 1] + "…"


def _changed_since_last_round(task_state):
    """The labels of what changed since parents last read the draft (for a new round)."""
    previous = _previous_round(task_state)
    if previous is None or previous.revision_id == task_state.revision_id:
        return []
    obj = task_state.revision.as_object()
    return [
        change.label
        for change in changes_between(previous.revision.as_object(), obj, edit_handler_for(obj))
    ]


def review_finished(sender, instance, user=None, **kwargs):
    if is_parent_review(instance.current_task_state):
        emails.review_finished(instance, instance.current_task_state, user)


def changes_requested(sender, instance, user=None, **kwargs):
    if is_parent_review(instance.current_task_state):
        emails.changes_requested(instance, instance.current_task_state, user)


def follow_the_latest_revision(sender, instance, created=False, raw=False, **kwargs):
    """A draft edited while it waits for parent review: the review is now about the new words.

    Its preview shows them, and approvals (which count for one revision) start again.
    Connected to Revision's post_save.
    """
    if not created or raw:
        return
    following = TaskState.objects.filter(
        workflow_state__base_content_type_id=instance.base_content_type_id,
        workflow_state__object_id=instance.object_id,
        status=TaskState.STATUS_IN_PROGRESS,
    ).exclude(revision=instance)
    for task_state in following:
        # Parents who approved the words before this change hear that it no longer counts.
        if is_parent_review(task_state):
            emails.approval_no_longer_counts(task_state, editor=instance.user)
    following.update(revision=instance)


def keep_the_authors_note(sender, instance, raw=False, **kwargs):
    """A revision saved from the editor keeps the author's line for parent reviewers.
    Connected to Revision's post_save; the page the revision was made from carries the line
    (hub/review/forms.py)."""
    # Only the object the revision was just made from (cached on it) carries the line: never
    # fetch the object for other saves of a revision.
    made_from = instance._state.fields_cache.get("content_object")
    if raw or made_from is None:
        return
    summary = getattr(made_from, "_hub_change_summary", "")
    if not summary:
        return
    RevisionNote.objects.update_or_create(revision=instance, defaults={"change_summary": summary})
    # Saved while parents review the draft: the round they are reading says it too.
    for task_state in TaskState.objects.filter(
        workflow_state__base_content_type_id=instance.base_content_type_id,
        workflow_state__object_id=instance.object_id,
        status=TaskState.STATUS_IN_PROGRESS,
    ):
        if is_parent_review(task_state):
            ReviewRound.objects.update_or_create(
                task_state=task_state,
                defaults={"change_summary": notes_for_the_round(task_state, instance.pk)},
            )


def connect():
    """Called from hub.apps, after Wagtail's admin has connected its own handlers."""
    for signal, sender, uid in WAGTAIL_EMAIL_HANDLERS:
        signal.disconnect(sender=sender, dispatch_uid=uid)
    task_submitted.connect(review_requested, dispatch_uid="hub_review_requested")
    workflow_approved.connect(review_finished, dispatch_uid="hub_review_finished")
    workflow_rejected.connect(changes_requested, dispatch_uid="hub_changes_requested")
    post_save.connect(follow_the_latest_revision, sender=Revision)
    post_save.connect(keep_the_authors_note, sender=Revision)
