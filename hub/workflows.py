"""What happens when parent review finishes: the approved revision goes live."""

from wagtail.log_actions import log


def publish_approved_revision(workflow_state, user=None):
    """Publishes exactly the revision the parent reviewers approved, on the workflow's behalf.

    Wagtail's default finish action publishes the latest revision as the last approver and so
    needs that approver to hold publish rights. Parent reviewers must never hold them: the
    workflow publishes, and the log says who approved. Scheduled pages keep their go-live date.
    """
    from hub.models import ParentReviewDecision

    obj = workflow_state.content_object
    task_state = workflow_state.current_task_state
    revision = task_state.revision if task_state else obj.get_latest_revision()
    approvers = list(
        ParentReviewDecision.objects.filter(
            task_state__workflow_state=workflow_state,
            revision=revision,
            decision=ParentReviewDecision.Decision.APPROVED,
        )
        .order_by("created_at")
        .values_list("reviewer__username", flat=True)
    )
    revision.publish(user=None)
    log(
        instance=obj,
        action="hub.parent_review.published",
        user=user,
        revision=revision,
        data={"approved_by": approvers},
    )
