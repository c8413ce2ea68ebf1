"""How long a sign-in lasts: at most 8 hours (SESSION_COOKIE_AGE), and in the admin no more
than an hour without doing anything.

A small middleware rather than SESSION_SAVE_EVERY_REQUEST with a one-hour age: that would push
the expiry forward on every request, so an active session would never meet the 8-hour limit,
and it would write the session on every page. Here the session remembers when it signed in and
when it was last used (written at most once a minute), and both limits are checked on each
request; past either, the person is signed out and signs in again (password and code).

Nobody is signed out unwarned (WCAG 2.2.1, timing adjustable): every admin screen shows a
warning five minutes before (templates/accounts/sign_out_warning.html), with a button that
counts as using the hub, and typing counts too; an editor merely left open does not. A
decision a parent sends after all is kept: its comment waits in the session for them, and the
review page gives it back once they are signed in again (`kept_comment`).
"""

import time
from functools import cache

from django.conf import settings
from django.contrib.auth import logout
from django.http import JsonResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

SIGNED_IN_AT = "hub_signed_in_at"
LAST_SEEN = "hub_last_seen"
# What someone had written in a form's comment box when the form found them signed out.
KEPT_COMMENT = "hub_kept_comment"
# Who this browser's session belonged to until it was signed out for being idle too long.
SIGNED_OUT_USER = "hub_signed_out_user"
# The longest comment kept: the review's own limit is 2,000 characters.
KEPT_COMMENT_LENGTH = 10_000


def time_left(session, now=None):
    """(seconds until this sign-in ends, whether using the hub would put that off). Only the
    hour idle can be put off, and only before it is up; the 8 hours cannot."""
    now = int(time.time()) if now is None else now
    by_age = session.get(SIGNED_IN_AT, now) + settings.SESSION_COOKIE_AGE - now
    by_idle = session.get(LAST_SEEN, now) + settings.HUB_ADMIN_IDLE_SECONDS - now
    left = max(0, min(by_age, by_idle))
    return left, left > 0 and by_idle < by_age


@never_cache
@require_http_methods(["GET", "POST"])
def sign_in_time(request):
    """GET: how long this sign-in has left, for the warning's script, with a fresh CSRF token
    (signing in again in another tab changes it). Asking is not using the hub, so it does not
    count, and past the limit it signs nobody out (SessionLimitsMiddleware). POST: "Stay signed
    in", which counts while there is time left. Without JavaScript the button's form posts
    here and goes back to the page (or, too late, to sign in and then the page)."""
    seconds, can_stay = time_left(request.session)
    if request.method == "POST" and seconds > 0:
        request.session[LAST_SEEN] = int(time.time())
        seconds, can_stay = time_left(request.session)
    if request.method == "POST" and "application/json" not in request.headers.get("Accept", ""):
        back = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(back, {request.get_host()}):
            back = reverse("wagtailadmin_home")
        if seconds == 0:
            back = f"{reverse('wagtailadmin_login')}?{urlencode({'next': back})}"
        return redirect(back)
    return JsonResponse(
        {"seconds_left": seconds, "can_stay": can_stay, "csrf_token": get_token(request)}
    )


def kept_comment(request):
    """The comment this person wrote on this page before they were signed out, once."""
    kept = request.session.get(KEPT_COMMENT)
    if not kept or kept.get("path") != request.path or kept.get("user") != request.user.pk:
        return None
    del request.session[KEPT_COMMENT]
    return kept.get("comment") or None


def _keep_comment(request, user_pk):
    """What they wrote in a form's comment box goes into the signed-out session, for them: only
    from the hub's own forms (the CSRF check Django's middleware would make next)."""
    if request.method != "POST":
        return
    comment = request.POST.get("comment", "").strip()
    if comment and CsrfViewMiddleware(_no_view).process_view(request, _no_view, (), {}) is None:
        request.session[KEPT_COMMENT] = {
            "path": request.path,
            "user": user_pk,
            "comment": comment[:KEPT_COMMENT_LENGTH],
        }


def _no_view(request):
    return None


def remember_sign_in(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session[SIGNED_IN_AT] = now
        request.session[LAST_SEEN] = now
        request.session.pop(SIGNED_OUT_USER, None)
        # Words kept for someone else who used this browser are not this person's.
        if request.session.get(KEPT_COMMENT, {}).get("user") != user.pk:
            request.session.pop(KEPT_COMMENT, None)


@cache
def _editor_ping_prefix():
    """/admin/editing-sessions/ping/, where Wagtail's editors say they are still open."""
    ping = reverse("wagtailadmin_editing_sessions:ping", args=["app", "model", "1", 1])
    return ping.removesuffix("app/model/1/1/")


class SessionLimitsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Without a session cookie nobody is signed in; asking would touch the session and
        # make the page vary on Cookie, so the page cache could not keep it.
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            session = request.session
            signed_in_at = session.get(SIGNED_IN_AT, now)
            last_seen = session.get(LAST_SEEN, now)
            expired = (
                now - signed_in_at > settings.SESSION_COOKIE_AGE
                or now - last_seen > settings.HUB_ADMIN_IDLE_SECONDS
            )
            # The warning's script asking how long is left (or asking to stay) is not the
            # person using the hub: it neither counts as use nor signs anyone out (it is told
            # 0 seconds). Anything else past the limit signs them out.
            asking = request.path == reverse("hub_sign_in_time")
            # Nor is Wagtail's editor saying it is still open (every 10 seconds while its tab
            # is visible): counted, an editor left open on a shared computer would keep its
            # sign-in to the 8-hour limit. Past the limit it signs out, as a click would.
            pinging = request.path.startswith(_editor_ping_prefix())
            if expired and not asking:
                user_pk = user.pk
                logout(request)
                # Whoever this was, so that what they send next is kept for them (the draft's
                # frame, say, may have met the sign-out first).
                request.session[SIGNED_OUT_USER] = user_pk
                _keep_comment(request, user_pk)
                admin, sign_in = reverse("wagtailadmin_home"), reverse("wagtailadmin_login")
                if request.path.startswith(admin) and request.path != sign_in:
                    return redirect(f"{sign_in}?{urlencode({'next': request.get_full_path()})}")
            elif not expired:
                session.setdefault(SIGNED_IN_AT, signed_in_at)
                counts = not (asking or pinging)
                if counts and (now - last_seen >= 60 or LAST_SEEN not in session):
                    session[LAST_SEEN] = now
        elif request.method == "POST" and SIGNED_OUT_USER in request.session:
            _keep_comment(request, request.session[SIGNED_OUT_USER])
        return self.get_response(request)
