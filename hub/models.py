"""Shared parts of the hub: the base page every public page type extends, and site settings."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.validators import MinValueValidator
from django.db import models, transaction
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.log_actions import log
from wagtail.models import Page, PagePermissionTester, Revision, Task, TaskState

from hub import notifications
from hub.blocks import FooterLinkBlock
from hub.roles import PARENT_REVIEWERS
from hub.translation_review import translation_progress


class HubPagePermissionTester(PagePermissionTester):
    """Wagtail's page permissions with one rule more: only people who may publish may delete
    or move a page. Wagtail lets anyone who may edit delete or move drafts, other people's
    included; on the hub comms staff write and submit, and administrators do the rest."""

    def can_delete(self, ignore_bulk=False):
        if not (self.user.is_superuser or "publish" in getattr(self, "permissions", ())):
            return False
        return super().can_delete(ignore_bulk=ignore_bulk)


class BasePage(Page):
    """Abstract base for every public page type.

    Holds what all pages share: the "Exit this page" switch, meta description fallbacks and a
    plain summary for listings and search results.
    """

    show_exit_this_page = models.BooleanField(
        "show 'Exit this page'",
        default=False,
        help_text="Shows the quick exit button, for pages a reader may need to leave in a hurry.",
    )

    # Subclasses name the field that summarises them in listings and meta descriptions.
    summary_field = None
    # What a reader calls this kind of page (shown in search results and tag pages).
    content_type_label = _("Page")

    promote_panels = Page.promote_panels + [
        MultiFieldPanel([FieldPanel("show_exit_this_page")], heading="Safety"),
    ]

    class Meta:
        abstract = True

    def permissions_for_user(self, user):
        return HubPagePermissionTester(user, self)

    @cached_property
    def summary(self):
        text = getattr(self, self.summary_field, "") if self.summary_field else ""
        return Truncator(str(text or "")).chars(200)

    def get_meta_description(self):
        return self.search_description or self.summary

    def get_breadcrumbs(self):
        """The page's ancestors below the root, for the breadcrumbs component."""
        return self.get_ancestors().filter(depth__gt=1).specific(defer=True)


@register_setting(icon="cog")
class HubSettings(BaseSiteSetting):
    """The partnership's name, contact details and footer, shown on every page.

    Words that need translating (the tagline, opening hours) live on the home page instead,
    which has a version in every language.
    """

    organisation_name = models.CharField(max_length=120, default="Partnership Hub")
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=40, blank=True)
    contact_address = models.TextField(blank=True)
    exit_page_url = models.URLField(
        "'Exit this page' goes to",
        default=settings.HUB_EXIT_PAGE_URL,
        help_text="A neutral website that gives no clue what the reader was looking at.",
    )
    accessibility_statement = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Linked from every page's footer.",
    )
    footer_links = StreamField([("link", FooterLinkBlock())], blank=True)

    panels = [
        MultiFieldPanel([FieldPanel("organisation_name")], heading="Organisation"),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_address"),
            ],
            heading="Contact details",
        ),
        FieldPanel("exit_page_url"),
        FieldPanel("accessibility_statement"),
        FieldPanel("footer_links"),
    ]

    class Meta:
        verbose_name = "hub settings"


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
                notifications.parent_approved(
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


class TopicName(models.Model):
    """A topic's (tag's) name in another language: tags are shared by every language, and
    each language names them its own way."""

    tag = models.ForeignKey("taggit.Tag", on_delete=models.CASCADE, related_name="translated_names")
    language_code = models.CharField(max_length=12)
    name = models.CharField(max_length=100)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["tag", "language_code"], name="one_name_per_language")
        ]

    def __str__(self):
        return f"{self.tag}: {self.name} ({self.language_code})"


def follow_the_latest_revision(sender, instance, created=False, raw=False, **kwargs):
    """A draft edited while it waits for parent review: the review is now about the new words.

    Its preview shows them, and approvals (which count for one revision) start again.
    Connected to Revision's post_save.
    """
    if not created or raw:
        return
    TaskState.objects.filter(
        workflow_state__base_content_type_id=instance.base_content_type_id,
        workflow_state__object_id=instance.object_id,
        status=TaskState.STATUS_IN_PROGRESS,
    ).exclude(revision=instance).update(revision=instance)
