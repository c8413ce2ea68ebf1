"""The parent reviewer's screens: one review page per draft, and the draft's preview.

The review page says, in this order: what the draft is; what changed; what other parents and
the author said in this round and earlier ones; the decision; and the whole draft, marked as
not on the website yet. It is built from GOV.UK Frontend components, inside the admin.
"""

from django.conf import settings
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.forms import PasswordChangeForm
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from wagtail.models import Page, TaskState
from wagtail.users.models import UserProfile

from hub.accounts.sessions import kept_comment
from hub.review.access import is_only_a_parent_reviewer
from hub.review.changes import changes_between, edit_handler_for
from hub.review.dashboard import BANNER, kind_of, language_of, reviewed_object, waiting_for
from hub.review.forms import APPROVE, REQUEST_CHANGES, DecisionForm, ParentAccountForm
from hub.review.models import ParentReviewDecision, ReviewEmailPreference, StaleDraft
from hub.translation.review import translation_progress


def rounds_of(task_state):
    """Every round of this review (first submission and resubmissions), oldest first, each
    with the author's note and the parents' decisions."""
    states = (
        TaskState.objects.filter(workflow_state=task_state.workflow_state)
        .select_related("review_round")
        .order_by("started_at", "pk")
    )
    decisions = ParentReviewDecision.objects.filter(task_state__in=states).select_related(
        "reviewer"
    )
    by_state = {}
    for decision in decisions:
        by_state.setdefault(decision.task_state_id, []).append(decision)
    for state in states:
        # An approval of words that have changed since (the review follows the latest draft).
        for decision in by_state.get(state.pk, []):
            decision.of_earlier_words = (
                decision.decision == ParentReviewDecision.Decision.APPROVED
                and decision.revision_id != state.revision_id
            )
    rounds = []
    for number, state in enumerate(states, start=1):
        round_ = getattr(state, "review_round", None)
        rounds.append(
            {
                "number": number,
                "current": state.pk == task_state.pk,
                "started_at": state.started_at,
                "summary": round_.change_summary if round_ else "",
                "decisions": by_state.get(state.pk, []),
                "state": state,
            }
        )
    return rounds


def review_context(task_state, user, request=None):
    """What the review page shows about a draft waiting for parents."""
    obj = reviewed_object(task_state)
    task = task_state.task.specific
    revision = obj.get_latest_revision()
    approvals = task.approvals_for(task_state, revision)
    draft = revision.as_object()
    handler = edit_handler_for(obj)
    live = obj.live and getattr(obj, "live_revision_id", None)
    changes = (
        changes_between(obj.live_revision.as_object(), draft, handler, request) if live else None
    )
    rounds = rounds_of(task_state)
    earlier = [r for r in rounds if not r["current"] and r["state"].revision_id]
    since_last_round = None
    if earlier and earlier[-1]["state"].revision_id != revision.pk:
        previous = earlier[-1]["state"].revision.as_object()
        since_last_round = changes_between(previous, draft, handler, request)
    still_needed = max(task.approvals_required - approvals.count(), 0)
    return {
        "task_state": task_state,
        "object": obj,
        "title": obj.get_admin_display_title() if isinstance(obj, Page) else str(obj),
        "kind": kind_of(obj),
        "language": language_of(obj),
        "translation": translation_progress(obj),
        "is_new": not live,
        "is_page": isinstance(obj, Page),
        "requested_by": task_state.workflow_state.requested_by,
        "started_at": task_state.started_at,
        "still_needed": still_needed,
        "you_approved": approvals.filter(reviewer=user).exists(),
        "may_decide": task.may_decide(obj, user, revision),
        "revision": revision,
        "changes": changes,
        "since_last_round": since_last_round,
        "rounds": rounds,
        "this_round": rounds[-1] if rounds else None,
        "go_live_at": getattr(draft, "go_live_at", None),
        "preview_url": reverse("parent_review:draft", args=[task_state.pk]),
        "alongside": reviewed_alongside(draft, user),
    }


def reviewed_alongside(draft, user):
    """Drafts the page shows that wait for parents' review on their own (an event's new venue):
    each with its own review, where this person may open it."""
    found = []
    for other in getattr(draft, "reviewed_alongside", list)():
        state = other.current_workflow_task_state
        if other.live and state is None:
            continue  # changes not sent for review: the page shows what parents approved
        yours = state and TaskState.objects.reviewable_by(user).filter(pk=state.pk).exists()
        found.append(
            {
                "kind": str(other._meta.verbose_name),
                "title": str(other),
                "is_live": other.live,
                "in_review": state is not None,
                "review_url": reverse("parent_review:review", args=[state.pk]) if yours else "",
            }
        )
    return found


def waiting_state(request, task_state_id):
    """The task state, if this person may review it; or one that has finished (a link in an
    older email), which says what happened instead."""
    state = TaskState.objects.reviewable_by(request.user).filter(pk=task_state_id).first()
    if state is not None:
        return state, False
    finished = get_object_or_404(TaskState, pk=task_state_id)
    if not (finished.task.specific.is_reviewer(request.user)):
        raise Http404
    return finished, True


def review(request, task_state_id):
    """GET: the review page. POST: a decision (approve or ask for changes)."""
    task_state, finished = waiting_state(request, task_state_id)
    if finished:
        return finished_review(request, task_state)
    context = review_context(task_state, request.user, request)
    form = DecisionForm(request.POST or None, initial={"revision": context["revision"].pk})
    if request.method == "GET" and (kept := kept_comment(request)):
        # Sent after an idle sign-out: nothing was decided, and what they wrote is back (in
        # the form, or beside it if they had approved this version in another tab).
        if context["you_approved"]:
            context["unsent"] = kept
        else:
            form = DecisionForm(initial={"revision": context["revision"].pk, "comment": kept})
            context["signed_out_before_sending"] = True
    if request.method == "POST":
        if not context["may_decide"]:
            raise PermissionDenied
        if "back" in request.POST:
            # "No, go back" from "Your approval is the last one needed": the decision again,
            # with what they wrote; said plainly if the draft changed meanwhile.
            if form["revision"].value() != str(context["revision"].pk):
                return stale(request, task_state, form["comment"].value() or "")
            form = DecisionForm(
                initial={"revision": form["revision"].value(), "comment": form["comment"].value()}
            )
            return TemplateResponse(
                request, "review/review.html", {**context, "form": form, "back_to_decide": True}
            )
        if form.is_valid():
            if context["you_approved"]:
                # Sent from a page opened before they approved (another tab): nothing to do,
                # and they are told so, with their words, rather than told it is live.
                return TemplateResponse(
                    request,
                    "review/review.html",
                    {**context, "form": form, "unsent": form.cleaned_data["comment"].strip()},
                )
            return decide(request, task_state, context, form)
    return TemplateResponse(request, "review/review.html", {**context, "form": form})


def finished_review(request, task_state):
    """A review that has finished, opened from an older email or sent a decision from a page
    opened before it finished (another tab, or a parent who took their time)."""
    unsent = saved = None
    if request.method != "POST":
        # Sent after an idle sign-out, and the review finished meanwhile: their words back.
        unsent = kept_comment(request)
    if request.method != "POST" and unsent is None:
        # The draft came back to parents after changes: its new round is what they want.
        newer = (
            TaskState.objects.reviewable_by(request.user)
            .filter(workflow_state=task_state.workflow_state, started_at__gt=task_state.started_at)
            .order_by("-started_at")
            .first()
        )
        if newer is not None:
            return redirect("parent_review:review", newer.pk)
    if request.method == "POST":
        # Their own decision finished it (Back, then the browser sent the form again): it was
        # saved, and they are told so. Anyone else's is not saved, and they get their words.
        comment = request.POST.get("comment", "").strip()
        revision = request.POST.get("revision", "")
        saved = revision.isdigit() and (
            ParentReviewDecision.objects.filter(
                task_state=task_state,
                reviewer=request.user,
                decision=DECISIONS.get(request.POST.get("decision")),
                revision_id=int(revision),
                comment=comment,
            ).exists()
        )
        unsent = None if saved else comment
    return TemplateResponse(
        request,
        "review/finished.html",
        {
            "task_state": task_state,
            "object": reviewed_object(task_state),
            "unsent": unsent,
            "saved": saved,
        },
    )


# A decision as the form sends it, and as it is recorded.
DECISIONS = {
    APPROVE: ParentReviewDecision.Decision.APPROVED,
    REQUEST_CHANGES: ParentReviewDecision.Decision.CHANGES_REQUESTED,
}


def decide(request, task_state, context, form):
    data = form.cleaned_data
    task = task_state.task.specific
    decision, comment = data["decision"], data["comment"].strip()
    if data["revision"] != context["revision"].pk:
        # The draft changed after this parent opened it: nothing is decided, nor asked to be
        # confirmed, about words they did not read. The confirmation carries the words they
        # read (its hidden revision), so a change while it is open is caught the same way.
        return stale(request, task_state, comment)
    last_approval = decision == APPROVE and context["still_needed"] <= 1
    if last_approval and not data["confirmed"] and not context["you_approved"]:
        return TemplateResponse(
            request, "review/confirm.html", {**context, "form": form, "comment": comment}
        )
    try:
        task.on_action(
            task_state, request.user, decision, comment=comment, revision=data["revision"]
        )
    except StaleDraft:
        return stale(request, task_state, comment)
    request.session[BANNER] = banner_for(decision, context, last_approval)
    return redirect("parent_review:dashboard")


def stale(request, task_state, comment):
    """The review page again, at the new words, with the parent's comment kept."""
    fresh = review_context(task_state, request.user, request)
    form = DecisionForm(initial={"revision": fresh["revision"].pk, "comment": comment})
    return TemplateResponse(request, "review/review.html", {**fresh, "form": form, "stale": True})


def banner_for(decision, context, last_approval):
    """What the dashboard says once, after a decision: what happened, and what comes next."""
    title = context["title"]
    if decision == REQUEST_CHANGES:
        return {
            "heading": _("You asked for changes to “%(title)s”.") % {"title": title},
            "next": _(
                "%(author)s has your comment and will send it back to parents once it is "
                "changed. It is not on the website."
            )
            % {"author": context["requested_by"].get_full_name() or _("The author")},
        }
    if last_approval:
        go_live_at = context["go_live_at"]
        return {
            "heading": _("You approved “%(title)s”.") % {"title": title},
            "next": (
                _("Enough parents have approved it: it will go on the website on its go-live date.")
                if go_live_at
                else _("Enough parents have approved it: it is on the website now.")
            ),
        }
    needed = context["still_needed"] - 1
    return {
        "heading": _("You approved “%(title)s”.") % {"title": title},
        "next": _(
            "It needs %(count)s more approval from another parent before it goes on the website."
        )
        % {"count": needed}
        if needed == 1
        else _(
            "It needs %(count)s more approvals from other parents before it goes on the website."
        )
        % {"count": needed},
    }


def draft(request, task_state_id):
    """The whole draft as readers would see it, marked as not on the website yet: for the
    review page's frame, and to open on its own."""
    task_state, finished = waiting_state(request, task_state_id)
    if finished:
        raise Http404
    obj = reviewed_object(task_state)
    revision = obj.get_latest_revision()
    shown = revision.as_object()
    response = shown.make_preview_request(
        request, shown.default_preview_mode, extra_request_attrs={"revision_id": revision.pk}
    )
    # The preview runs through the middleware, which forbids framing a public page; the review
    # page (same site) shows it in a frame (its Content-Security-Policy: hub/headers.py).
    response["X-Frame-Options"] = "SAMEORIGIN"
    return response


def old_changes_link(request, task_state_id):
    """Where "See what changed" used to go: the review page, at what changed."""
    return redirect(reverse("parent_review:review", args=[task_state_id]) + "#what-changed")


def dashboard(request):
    """A parent reviewer's home in the admin: what waits for them, and nothing else. Anyone
    else has Wagtail's dashboard (with this as a panel if they review too)."""
    if not is_only_a_parent_reviewer(request.user):
        return redirect("wagtailadmin_home")
    return TemplateResponse(request, "review/dashboard.html", waiting_for(request))


def account(request):
    """A parent reviewer's short account page (in place of Wagtail's, with its pictures, 30
    languages and hundreds of time zones): name, email, language, review emails, password."""
    if not is_only_a_parent_reviewer(request.user):
        return redirect("wagtailadmin_account")
    user = request.user
    profile = UserProfile.get_for_user(user)
    preference = ReviewEmailPreference.objects.filter(user=user).first()
    languages = [(code, get_language_info(code)["name_local"]) for code, _n in settings.LANGUAGES]
    initial = {
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "language": profile.get_preferred_language(),
        "review_emails": preference.review_requests if preference else True,
    }
    data = request.POST if request.method == "POST" else None
    form = ParentAccountForm(data, initial=initial, languages=languages)
    wants_new_password = bool(data and data.get("new_password1"))
    password_form = PasswordChangeForm(user, data if wants_new_password else None)
    if (
        data is not None
        and form.is_valid()
        and (not wants_new_password or password_form.is_valid())
    ):
        cleaned = form.cleaned_data
        user.first_name, user.last_name = cleaned["first_name"], cleaned["last_name"]
        user.email = cleaned["email"]
        user.save(update_fields=["first_name", "last_name", "email"])
        profile.preferred_language = cleaned["language"]
        profile.save(update_fields=["preferred_language"])
        ReviewEmailPreference.objects.update_or_create(
            user=user, defaults={"review_requests": cleaned["review_emails"]}
        )
        if wants_new_password:
            password_form.save()
            update_session_auth_hash(request, user)
        with translation.override(cleaned["language"]):
            request.session[BANNER] = {
                "heading": _("Your account is saved."),
                "next": _("These pages and your emails are now in the language you chose."),
            }
        return redirect("parent_review:dashboard")
    return TemplateResponse(
        request, "review/account.html", {"form": form, "password_form": password_form}
    )
