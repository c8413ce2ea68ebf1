"""Parent reviewers reach only the admin screens that reviewing needs.

Wagtail's permissions already refuse most things to someone with no edit rights, but some
admin views only ask "may this person use the admin?" (the document and image APIs, some
wagtail-localize screens and reports). So for a parent reviewer the admin is an allow-list:
their dashboard, the draft's review page (what changed, the decision, the preview), and their
account. Anything else answers 403, whatever a future view forgets to check.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect

from hub.review.roles import PARENT_REVIEWERS

ALLOWED = {
    # Signing in and out, and their own account.
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "wagtailadmin_account",
    # The warning before an idle sign-out, and its "Stay signed in" (hub/accounts/sessions.py).
    "hub_sign_in_time",
    # Two-step verification: offered to parents, or required of them (hub/accounts/).
    "two_factor:manage",
    "two_factor:set_up",
    "two_factor:verify",
    # The dashboard ("Waiting for your review") and what its pages load.
    "wagtailadmin_home",
    "wagtailadmin_javascript_catalog",
    "wagtail_localize:javascript_catalog",
    "wagtailadmin_sprite",
    "wagtailadmin_dismissibles",
    # Their own calm dashboard and account page (Wagtail's are sent there), reading a draft,
    # seeing what changed, deciding.
    "parent_review:dashboard",
    "parent_review:account",
    "parent_review:review",
    "parent_review:draft",
    "parent_review:changes",
}
# Wagtail's dashboard and account page, and the hub's own for parent reviewers, which are
# calm: no search that would refuse them, no picture upload, 30 languages or time zones.
INSTEAD = {
    "wagtailadmin_home": "parent_review:dashboard",
    "wagtailadmin_account": "parent_review:account",
}


def is_only_a_parent_reviewer(user):
    """Signed in as a parent reviewer and nothing more (a comms staff member who is also a
    parent reviewer keeps their comms staff screens)."""
    if not (user.is_authenticated and user.is_active) or user.is_superuser:
        return False
    cached = getattr(user, "_hub_only_parent_reviewer", None)
    if cached is None:
        names = set(user.groups.values_list("name", flat=True))
        cached = names == {PARENT_REVIEWERS}
        user._hub_only_parent_reviewer = cached
    return cached


def may_reach(view_name):
    # Wagtail's own workflow action and preview screens are not on the list: a parent decides
    # on the review page, which names the revision read and asks why changes are needed.
    return view_name in ALLOWED


class ParentReviewerAccessMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or not match.route.startswith("admin/"):
            return None
        if not is_only_a_parent_reviewer(request.user):
            return None
        if match.view_name in INSTEAD:
            return redirect(INSTEAD[match.view_name])
        if not may_reach(match.view_name):
            raise PermissionDenied("Parent reviewers only see what waits for their review.")
        return None
