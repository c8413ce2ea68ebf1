"""The security audit trail: sign-ins, failed sign-ins, lockouts and unlocks, second-factor
set-up and removal, role (group) changes and report exports, each written to Wagtail's audit
log against the account concerned (a ``ModelLogEntry`` on the user), with who did it and when.

Hub administrators read them in Reports → Site history (Wagtail shows a model's entries to
whoever has a permission on it; administrators manage people). Every event also goes to the
``hub.security`` log as one line, including failed sign-ins for usernames that do not exist,
which have no account to log against.
"""

import logging

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.log_actions import get_active_log_context, log

from hub.accounts.sessions import remember_sign_in
from hub.accounts.throttling import client_address

LOGIN = "hub.accounts.login"
LOGIN_FAILED = "hub.accounts.login_failed"
LOCKED_OUT = "hub.accounts.locked_out"
UNLOCKED = "hub.accounts.unlocked"
TWO_FACTOR_SET_UP = "hub.accounts.two_factor_set_up"
TWO_FACTOR_REMOVED = "hub.accounts.two_factor_removed"
RECOVERY_CODE_USED = "hub.accounts.recovery_code_used"
ROLES_CHANGED = "hub.accounts.roles_changed"
EXPORTED = "hub.accounts.exported"

logger = logging.getLogger("hub.security")


def account_named(username):
    if not username:
        return None
    User = get_user_model()
    return User.objects.filter(**{User.USERNAME_FIELD + "__iexact": username}).first()


def _real(user):
    """The user row itself: request.user is a lazy wrapper (two deep under django-otp), which
    Wagtail's log cannot tell the model of."""
    User = get_user_model()
    return user if type(user) is User else User.objects.get(pk=user.pk)


def record(action, account, *, by=None, **data):
    """One event about ``account`` (a user, or None when no such account exists)."""
    # In the log, the account by number only (docs/deploy.md, Logs); the admin's audit trail
    # keeps the details.
    logger.info(
        "security event: %s",
        action,
        extra={"event": action, "account_id": account.pk if account is not None else "-"},
    )
    if account is not None:
        log(_real(account), action, user=by, data=data)


def log_unlock(by, username, address):
    record(UNLOCKED, account_named(username), by=by, username=username, address=address)


def _address(request):
    return (client_address(request) or "") if request is not None else ""


def _logged_in(sender, request, user, **kwargs):
    record(LOGIN, user, by=user, address=_address(request))


def _login_failed(sender, credentials, request=None, **kwargs):
    username = (credentials or {}).get("username", "")
    record(LOGIN_FAILED, account_named(username), username=username, address=_address(request))


def _locked_out(sender, request, username, ip_address, **kwargs):
    record(LOCKED_OUT, account_named(username), username=username or "", address=ip_address)


def _roles_changed(sender, instance, action, pk_set, **kwargs):
    """A person's groups changed (from either side: the user's form or the group's)."""
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if action != "post_clear" and not pk_set:
        return  # added to groups they were in already (Django still signals it): no change
    User = get_user_model()
    by = get_active_log_context().user
    verb = {"post_add": "added", "post_remove": "removed", "post_clear": "cleared"}[action]
    if isinstance(instance, User):
        names = sorted(Group.objects.filter(pk__in=pk_set or []).values_list("name", flat=True))
        record(ROLES_CHANGED, instance, by=by, change=verb, groups=names)
    else:  # a group's members changed
        for account in User.objects.filter(pk__in=pk_set or []):
            record(ROLES_CHANGED, account, by=by, change=verb, groups=[instance.name])


def connect():
    from axes.signals import user_locked_out
    from django.contrib.auth.signals import user_logged_in, user_login_failed
    from django.db.models.signals import m2m_changed

    user_logged_in.connect(_logged_in, dispatch_uid="hub.accounts.audit.login")
    user_logged_in.connect(remember_sign_in, dispatch_uid="hub.accounts.sessions.sign_in")
    user_login_failed.connect(_login_failed, dispatch_uid="hub.accounts.audit.login_failed")
    user_locked_out.connect(_locked_out, dispatch_uid="hub.accounts.audit.locked_out")
    m2m_changed.connect(
        _roles_changed,
        sender=get_user_model().groups.through,
        dispatch_uid="hub.accounts.audit.roles",
    )


class LogExportsMiddleware:
    """Every report or listing exported from the admin (Wagtail's ``?export=csv`` or ``xlsx``),
    with who and which, in the audit log: exports carry people's names and words off the hub."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        export = request.GET.get("export")
        match = request.resolver_match
        if (
            export
            and response.status_code == 200
            and match is not None
            and match.route.startswith("admin/")
            and request.user.is_authenticated
        ):
            record(
                EXPORTED,
                request.user,
                by=_real(request.user),
                report=match.view_name,
                format=export,
            )
        return response
