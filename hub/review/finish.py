"""What happens when parent review finishes: the approved revision goes live.

Wagtail imports this module (WAGTAIL_FINISH_WORKFLOW_ACTION) while it loads its own models,
so it imports no models at the top.
"""

from wagtail.log_actions import LogContext, log
from wagtail.log_actions import registry as log_registry

PUBLISHED = "hub.parent_review.published"
SCHEDULED = "hub.parent_review.scheduled"
APPROVED = "approved"  # ParentReviewDecision.Decision.APPROVED


def publish_approved_revision(workflow_state, user=None):
    """Publishes exactly the revision the parent reviewers approved, on the workflow's behalf.

    Wagtail's default finish action publishes the latest revision as the last approver and so
    needs that approver to hold publish rights. Parent reviewers must never hold them: the
    workflow publishes, and the history names every parent who approved, never one of them as
    the publisher. Scheduled pages keep their go-live date.
    """
    obj = workflow_state.content_object
    task_state = workflow_state.current_task_state
    revision = task_state.revision
    approvals = list(
        task_state.parent_decisions.filter(revision=revision, decision=APPROVED)
        .order_by("created_at")
        .select_related("reviewer")
    )
    data = {
        "approved_by": [decision.reviewer.get_username() for decision in approvals],
        # What the history shows: their names, as the editor's "asked for changes" line does.
        "approved_by_names": [
            decision.reviewer.get_full_name() or decision.reviewer.get_username()
            for decision in approvals
        ],
        "approved_by_ids": [decision.reviewer_id for decision in approvals],
        "revision": revision.pk,
    }
    # Wagtail's log() takes the signed-in user when none is given, which would make the parent
    # whose approval came last the publisher. Nobody published this: the review did.
    with LogContext(user=None, generate_uuid=True):
        revision.publish(user=None, log_action=PUBLISHED)
        obj.refresh_from_db()
        if obj.live and obj.live_revision_id == revision.pk:
            entry = (
                log_registry.get_logs_for_instance(obj)
                .filter(action=PUBLISHED, revision=revision)
                .order_by("-timestamp", "-pk")
                .first()
            )
            if entry is not None:
                entry.data = {**(entry.data or {}), **data}
                entry.save(update_fields=["data"])
        else:
            log(instance=obj, action=SCHEDULED, revision=revision, data=data)
