"""The accounts' admin: the audit log's wording, and Settings → Locked out sign-ins."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import ListingButton
from wagtail.log_actions import LogFormatter

from hub.accounts import audit, lockouts, sessions, two_factor


@hooks.register("register_log_actions")
def register_security_log_actions(actions):
    def where(log_entry):
        address = (log_entry.data or {}).get("address")
        return _(" from %(address)s") % {"address": address} if address else ""

    @actions.register_action(audit.LOGIN)
    class SignedIn(LogFormatter):
        label = _("Signed in")

        def format_message(self, log_entry):
            return _("Signed in") + where(log_entry)

    @actions.register_action(audit.LOGIN_FAILED)
    class SignInFailed(LogFormatter):
        label = _("Failed sign-in")

        def format_message(self, log_entry):
            return _("Wrong password") + where(log_entry)

    @actions.register_action(audit.LOCKED_OUT)
    class LockedOut(LogFormatter):
        label = _("Locked out")

        def format_message(self, log_entry):
            return _("Locked out after too many wrong passwords") + where(log_entry)

    @actions.register_action(audit.UNLOCKED)
    class Unlocked(LogFormatter):
        label = _("Unlocked")

        def format_message(self, log_entry):
            return _("Unlocked by a hub administrator")

    @actions.register_action(audit.TWO_FACTOR_SET_UP)
    class TwoFactorSetUp(LogFormatter):
        label = _("Two-step verification set up")

    @actions.register_action(audit.TWO_FACTOR_REMOVED)
    class TwoFactorRemoved(LogFormatter):
        label = _("Two-step verification removed")

    @actions.register_action(audit.RECOVERY_CODE_USED)
    class RecoveryCodeUsed(LogFormatter):
        label = _("Signed in with a recovery code")

    @actions.register_action(audit.ROLES_CHANGED)
    class RolesChanged(LogFormatter):
        label = _("Roles changed")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            groups = ", ".join(data.get("groups") or [])
            if data.get("change") == "added":
                return _("Added to: %(groups)s") % {"groups": groups}
            if data.get("change") == "removed":
                return _("Removed from: %(groups)s") % {"groups": groups}
            return _("Removed from every group")

    @actions.register_action(audit.EXPORTED)
    class Exported(LogFormatter):
        label = _("Exported a report")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return _("Exported %(report)s (%(format)s)") % {
                "report": data.get("report", ""),
                "format": data.get("format", ""),
            }


@hooks.register("register_admin_urls")
def register_lockout_urls():
    urls = [
        path("", lockouts.LockoutsReport.as_view(), name="index"),
        path("results/", lockouts.LockoutsReport.as_view(results_only=True), name="results"),
        path("<int:attempt_id>/unlock/", lockouts.unlock, name="unlock"),
    ]
    two_factor_urls = [
        path("", two_factor.manage, name="manage"),
        path("set-up/", two_factor.set_up, name="set_up"),
        path("verify/", two_factor.verify, name="verify"),
        path("reset/<int:user_id>/", two_factor.reset, name="reset"),
    ]
    return [
        # How long a sign-in has left, and "Stay signed in" (hub/accounts/sessions.py).
        path("sign-in-time/", sessions.sign_in_time, name="hub_sign_in_time"),
        path("locked-out/", include((urls, "hub_lockouts"))),
        path("two-step-verification/", include((two_factor_urls, "two_factor"))),
    ]


class LockoutsMenuItem(MenuItem):
    def is_shown(self, request):
        return lockouts.can_unlock(request.user)


@hooks.register("register_settings_menu_item")
def register_lockouts_menu_item():
    return LockoutsMenuItem(
        _("Locked out sign-ins"), reverse("hub_lockouts:index"), icon_name="lock", order=610
    )


@hooks.register("register_account_menu_item")
def register_two_factor_account_item(request):
    return {
        "url": reverse("two_factor:manage"),
        "label": _("Two-step verification"),
        "help_text": _("A code from your phone as well as your password."),
    }


@hooks.register("register_user_listing_buttons")
def reset_two_factor_button(user, request_user):
    if two_factor.can_reset(request_user):
        yield ListingButton(
            _("Reset two-step verification"),
            reverse("two_factor:reset", args=[user.pk]),
            priority=60,
        )
