"""Parent review's models: the workflow task that needs several parents' approvals, each
parent's decision, and administrators' choice of review emails."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.validators import MinValueValidator
from django.db import models, transaction
from wagtail.log_actions import log
from wagtail.models import Revision, Task, TaskState

from hub.review import emails
from hub.review.roles import PARENT_REVIEWERS
from hub.translation.review import translation_progress


class ParentPanelReviewTask(Task):
    """A workflow step that needs a number of distinct parent reviewers to approve a draft.

    One request for changes sends the draft back to its author. Approvals count only for the
    revision they were given to: an edit after an approval needs approving again. An author
    who is also a parent reviewer cannot approve their own submission.
    """

    approvals_required = models.PositiveSmallIntegerField(
        "approvals needed",
        default=2,
        validators=[MinValueValidator(1)],
        help_text="How many different parent reviewers must approve before it goes live.",
    )

    admin_form_fields = Task.admin_form_fields + ["approvals_required"]

    class Meta:
        verbose_name = "Parent panel review"
        verbose_name_plural = "Parent panel reviews"

    @classmethod
    def get_description(cls):
        return "Parent reviewers approve or send back drafts; several approvals may be needed."

    @staticmethod
    def is_reviewer(user):
        if not (user and user.is_authenticated and user.is_active):
            return False
        cache = getattr(user, "_is_parent_reviewer", None)
        if cache is None:
            cache = user.groups.filter(name=PARENT_REVIEWERS).exists()
            user._is_parent_reviewer = cache
        return cache

    @staticmethod
    def requested_by(obj):
        state = obj.current_workflow_state
        return state.requested_by if state else None

    def approvals_for(self, task_state, revision):
        return task_state.parent_decisions.filter(
            revision=revision, decision=ParentReviewDecision.Decision.APPROVED
        )

    # Parent reviewers read, compare, comment and decide; they never open the editor, so they
    # never write a revision (Task.user_can_access_editor stays False), cannot cancel the
    # review (Wagtail's only route to cancelling is the editor) and cannot lock anyone out.

    def may_decide(self, obj, user, revision=None):
        """A parent reviewer may decide on a draft they did not ask to review and did not write:
        nobody approves their own words."""
        if not self.is_reviewer(user) or self.requested_by(obj) == user:
            return False
        revision = revision or obj.get_latest_revision()
        return revision is None or revision.user_id != user.pk

    def get_actions(self, obj, user):
        if not self.may_decide(obj, user):
            return []
        actions = [("reject", "Request changes", True)]
        task_state = obj.current_workflow_task_state
        if (
            task_state
            and not self.approvals_for(task_state, obj.get_latest_revision())
            .filter(reviewer=user)
            .exists()
        ):
            actions += [("approve", "Approve", False), ("approve", "Approve with comment", True)]
        return actions

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if not self.is_reviewer(user):
            return TaskState.objects.none()
        return self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS).exclude(
            workflow_state__requested_by=user
        )

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        # Lock the task state so that two reviewers approving at once are counted in turn.
        task_state = type(task_state).objects.select_for_update().get(pk=task_state.pk)
        if task_state.status != TaskState.STATUS_IN_PROGRESS:
            return
        obj = task_state.workflow_state.content_object
        revision = obj.get_latest_revision()
        if not self.may_decide(obj, user, revision):
            raise PermissionDenied(
                "Only a parent reviewer who neither asked for the review nor wrote the draft "
                "can decide on it."
            )
        seen = kwargs.get("revision")
        if seen and int(seen) != revision.pk:
            # The draft changed after this reviewer opened it: a decision is only ever about
            # the words the reviewer read.
            raise StaleDraft(revision)
        comment = kwargs.get("comment", "")
        if action_name == "approve":
            progress = translation_progress(obj)
            if progress and progress.missing:
                raise PermissionDenied(
                    f"Only {progress.translated} of {progress.total} texts are translated: "
                    "parents approve a translation only when all of it is."
                )
        if action_name == "reject":
            ParentReviewDecision.objects.create(
                task_state=task_state,
                reviewer=user,
                revision=revision,
                comment=comment,
                decision=ParentReviewDecision.Decision.CHANGES_REQUESTED,
            )
            task_state.reject(user=user, comment=comment)
        elif action_name == "approve":
            _, created = ParentReviewDecision.objects.get_or_create(
                task_state=task_state,
                reviewer=user,
                revision=revision,
                decision=ParentReviewDecision.Decision.APPROVED,
                defaults={"comment": comment},
            )
            if not created:
                return  # the same reviewer approving twice counts once
            approvals = self.approvals_for(task_state, revision).count()
            if approvals >= self.approvals_required:
                # The workflow finishes on exactly the revision the parents approved.
                task_state.revision = revision
                task_state.save(update_fields=["revision"])
                task_state.approve(user=user, comment=comment)
            else:
                log(
                    instance=obj,
                    action="hub.parent_review.approve",
                    user=user,
                    revision=revision,
                    data={
                        "comment": comment,
                        "approvals": approvals,
                        "needed": self.approvals_required,
                    },
                )
                emails.parent_approved(
                    task_state, user, comment, approvals, self.approvals_required
                )


class StaleDraft(PermissionDenied):
    """The draft has a newer revision than the one the reviewer read and decided on."""

    def __init__(self, latest):
        super().__init__("The draft changed after you opened it. Read the new version first.")
        self.latest = latest


class ParentReviewDecision(models.Model):
    """One parent reviewer's decision on one revision: approved, or changes requested."""

    class Decision(models.TextChoices):
        APPROVED = "approved", "Approved"
        CHANGES_REQUESTED = "changes_requested", "Changes requested"

    task_state = models.ForeignKey(
        TaskState, on_delete=models.CASCADE, related_name="parent_decisions"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="parent_decisions"
    )
    revision = models.ForeignKey(Revision, on_delete=models.CASCADE, related_name="+")
    decision = models.CharField(max_length=20, choices=Decision.choices)
    comment = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["task_state", "reviewer", "revision"],
                condition=models.Q(decision="approved"),
                name="one_approval_per_reviewer_per_revision",
            )
        ]

    def __str__(self):
        return f"{self.reviewer} {self.get_decision_display().lower()} revision {self.revision_id}"


class ReviewEmailPreference(models.Model):
    """Whether a superuser wants the emails parent reviewers get. Off unless they opt in."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="review_email_preference"
    )
    review_requests = models.BooleanField(
        "email me when something waits for parent review",
        default=False,
        help_text="Parent reviewers always get these emails. Administrators can opt in.",
    )

    def __str__(self):
        return f"Review emails for {self.user}"


class ReviewRound(models.Model):
    """One round of parent review (a task state: a first submission, or a resubmission after a
    request for changes), with the author's one-line summary of what changed, which parents
    read in their email and on the review page."""

    task_state = models.OneToOneField(
        TaskState, on_delete=models.CASCADE, related_name="review_round"
    )
    change_summary = models.CharField(max_length=250, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return f"Round {self.task_state_id}: {self.change_summary or '(no summary)'}"


class RevisionNote(models.Model):
    """The author's line for parent reviewers on one revision (typed in the editor, see
    hub/review/forms.py): what changed, and why."""

    revision = models.OneToOneField(Revision, on_delete=models.CASCADE, related_name="review_note")
    change_summary = models.CharField(max_length=250)

    def __str__(self):
        return self.change_summary


class SignInLink(models.Model):
    """A sign-in link emailed to a parent reviewer: used once, within 15 minutes. Only a hash of
    its secret is kept, so the database alone cannot sign anyone in."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sign_in_links"
    )
    secret_hash = models.CharField(max_length=64, unique=True)
    next_url = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"Sign-in link for {self.user} ({'used' if self.used_at else 'not used'})"
