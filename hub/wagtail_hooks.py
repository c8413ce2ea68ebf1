from wagtail import hooks
from wagtail.log_actions import LogFormatter


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

    @actions.register_action("hub.parent_review.published")
    class PublishedAfterParentReview(LogFormatter):
        label = "Parent review: published"

        def format_message(self, log_entry):
            approvers = log_entry.data.get("approved_by") or []
            return "Published after parent review, approved by " + (
                ", ".join(approvers) or "nobody recorded"
            )
