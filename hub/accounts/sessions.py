"""How long a sign-in lasts: at most 8 hours (SESSION_COOKIE_AGE), and in the admin no more
than an hour without doing anything.

A small middleware rather than SESSION_SAVE_EVERY_REQUEST with a one-hour age: that would push
the expiry forward on every request, so an active session would never meet the 8-hour limit,
and it would write the session on every page. Here the session remembers when it signed in and
when it was last used (written at most once a minute), and both limits are checked on each
request; past either, the person is signed out and signs in again (password and code).

Nobody is signed out unwarned (WCAG 2.2.1, timing adjustable): every admin screen shows a
warning five minutes before (templates/accounts/sign_out_warning.html), with a button that
counts as using the hub, and typing counts too. A decision a parent sends after all is kept:
its comment waits in the session for them, and the review page gives it back once they are
signed in again (`kept_comment`).
"""

import time

from django.conf import settings
from django.contrib.auth import logout
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

SIGNED_IN_AT = "hub_signed_in_at"
LAST_SEEN = "hub_last_seen"
# What someone had written in a form's comment box when the form found them signed out.
KEPT_COMMENT = "hub_kept_comment"
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
    """GET: how long this sign-in has left, for the warning's script (asking is not using the
    hub, so it does not count: SessionLimitsMiddleware). POST: "Stay signed in", which does.
    Without JavaScript the button's form posts here and comes back to the page."""
    if request.method == "POST":
        request.session[LAST_SEEN] = int(time.time())
        back = request.POST.get("next", "")
        if "application/json" not in request.headers.get("Accept", ""):
            if not url_has_allowed_host_and_scheme(back, {request.get_host()}):
                back = reverse("wagtailadmin_home")
            return redirect(back)
    seconds, can_stay = time_left(request.session)
    return JsonResponse({"seconds_left": seconds, "can_stay": can_stay})


def kept_comment(request):
    """The comment this person wrote on this page before they were signed out, once."""
    kept = request.session.get(KEPT_COMMENT)
    if not kept or kept.get("path") != request.path or kept.get("user") != request.user.pk:
        return None
    del request.session[KEPT_COMMENT]
    return kept.get("comment") or None


def _keep_comment(request, user_pk):
    """Signing out empties the session; what they wrote goes into the new one, for them."""
    comment = request.POST.get("comment", "").strip()
    if comment:
        request.session[KEPT_COMMENT] = {
            "path": request.path,
            "user": user_pk,
            "comment": comment[:KEPT_COMMENT_LENGTH],
        }


def remember_sign_in(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session[SIGNED_IN_AT] = now
        request.session[LAST_SEEN] = now


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
            # The warning's script asking how long is left is not the person using the hub:
            # it neither counts as use nor signs anyone out (it is told 0 seconds), so what the
            # person does next, such as sending a comment, meets the sign-out and is kept.
            asking = request.method == "GET" and request.path == reverse("hub_sign_in_time")
            if expired and not asking:
                user_pk = user.pk
                logout(request)
                if request.method == "POST":
                    _keep_comment(request, user_pk)
                if request.path.startswith(reverse("wagtailadmin_home")):
                    return redirect(f"{reverse('wagtailadmin_login')}?next={request.path}")
            elif not expired:
                session.setdefault(SIGNED_IN_AT, signed_in_at)
                if not asking and (now - last_seen >= 60 or LAST_SEEN not in session):
                    session[LAST_SEEN] = now
        return self.get_response(request)
