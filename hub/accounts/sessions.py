"""How long a sign-in lasts: at most 8 hours (SESSION_COOKIE_AGE), and in the admin no more
than an hour without doing anything.

A small middleware rather than SESSION_SAVE_EVERY_REQUEST with a one-hour age: that would push
the expiry forward on every request, so an active session would never meet the 8-hour limit,
and it would write the session on every page. Here the session remembers when it signed in and
when it was last used (written at most once a minute), and both limits are checked on each
request; past either, the person is signed out and signs in again (password and code).
"""

import time

from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse

SIGNED_IN_AT = "hub_signed_in_at"
LAST_SEEN = "hub_last_seen"


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
            if (
                now - signed_in_at > settings.SESSION_COOKIE_AGE
                or now - last_seen > settings.HUB_ADMIN_IDLE_SECONDS
            ):
                logout(request)
                if request.path.startswith(reverse("wagtailadmin_home")):
                    return redirect(f"{reverse('wagtailadmin_login')}?next={request.path}")
            else:
                session.setdefault(SIGNED_IN_AT, signed_in_at)
                if now - last_seen >= 60 or LAST_SEEN not in session:
                    session[LAST_SEEN] = now
        return self.get_response(request)
