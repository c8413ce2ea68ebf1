"""Login throttling, through django-axes with its database handler.

Five wrong passwords for one username, or twenty from one connection, lock that username (or
connection) out for 15 minutes; the right password is refused too until then. Attempts are
rows in the database (axes' ``AccessAttempt``), so every web worker and every server sees the
same count; hub administrators unlock under Settings → Locked out sign-ins (``views.py``).

Axes counts each lockout parameter on its own but compares every count with one limit. The
handler below puts the per-connection count on the per-username scale, so the 20th failure
from one connection locks it out as the 5th for one username does.

The page-password form and the password reset form are not sign-ins (no ``authenticate``), so
they count in the shared cache instead (``allowed``), which is Redis in production.
"""

import hashlib
import ipaddress

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.core.cache import cache

PER_USERNAME = 5
PER_CONNECTION = 20


def client_address(request):
    """The address of the person at the keyboard. Behind nginx, REMOTE_ADDR is nginx's own; the
    last address in X-Forwarded-For is the one nginx saw (a client cannot forge that entry), so
    production trusts that one hop (HUB_TRUSTED_PROXIES=1, docs/deploy.md)."""
    hops = getattr(settings, "HUB_TRUSTED_PROXIES", 0)
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if hops and len(forwarded) >= hops and _is_address(forwarded[-hops]):
        return forwarded[-hops]
    remote = request.META.get("REMOTE_ADDR", "")
    # None where there is no address (a request made in code, such as a test's force_login):
    # axes stores addresses in an IP address column, which PostgreSQL checks.
    return remote if _is_address(remote) else None


def _is_address(text):
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


class HubAxesHandler(AxesDatabaseHandler):
    """Axes' database handler with a limit per username and a higher one per connection
    (settings: AXES_LOCKOUT_PARAMETERS = [["username"], ["ip_address"]], in that order)."""

    def get_failures(self, request, credentials=None):
        by_username, by_connection = (
            sum(attempts.values_list("failures_since_start", flat=True))
            for attempts in self.get_user_attempts(request, credentials)
        )
        # Locked when either limit is reached: the 20th failure from a connection counts as
        # the 5th against the one limit axes compares with.
        return max(by_username, by_connection - (PER_CONNECTION - PER_USERNAME))


def allowed(kind, key, limit, window=15 * 60):
    """Counts one more attempt at ``kind`` by ``key``; False once ``limit`` is passed within
    ``window`` seconds. Shared by every worker through the cache."""
    cache_key = f"hub:throttle:{kind}:{key}"
    cache.add(cache_key, 0, window)
    try:
        return cache.incr(cache_key) <= limit
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, window)
        return True


# Forms that are not sign-ins but can be used to guess or to flood: a page's password (wrong
# answers count) and the password reset form (every request counts, per connection and per
# address asked about). (view name, what counts as a try, limit per connection)
PAGE_PASSWORD = "wagtailcore_authenticate_with_password"
PASSWORD_RESET = "wagtailadmin_password_reset"
PER_CONNECTION_LIMITS = {PAGE_PASSWORD: 10, PASSWORD_RESET: 10}
PASSWORD_RESETS_PER_ADDRESS = 3


def _locked_out_page(request):
    from django.template.response import TemplateResponse

    response = TemplateResponse(request, "accounts/locked_out.html", status=429)
    response["Retry-After"] = str(15 * 60)
    return response


class ThrottleFormsMiddleware:
    """Counts tries at the page-password and password reset forms, and refuses more than the
    limit from one connection (and, for password resets, about one address) for 15 minutes
    with the same page a locked-out sign-in gets."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        view = getattr(request, "_hub_throttled_view", None)
        # A right page password redirects; anything else was a wrong one.
        if view == PAGE_PASSWORD and response.status_code != 302:
            allowed(view, self._key(request, view), PER_CONNECTION_LIMITS[view])
        return response

    def _key(self, request, view):
        kwargs = request.resolver_match.kwargs if request.resolver_match else {}
        return f"{client_address(request)}:{kwargs.get('page_view_restriction_id', '')}"

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if request.method != "POST" or match is None:
            return None
        view = match.view_name
        if view == PAGE_PASSWORD:
            request._hub_throttled_view = view
            # Refused once the limit of wrong answers is used up, right or wrong.
            count = cache.get(f"hub:throttle:{view}:{self._key(request, view)}", 0)
            if count >= PER_CONNECTION_LIMITS[view]:
                return _locked_out_page(request)
        elif view == PASSWORD_RESET:
            email = request.POST.get("email", "").strip().lower()
            # Both are counted, whichever refuses.
            by_connection = allowed(
                view, client_address(request) or "unknown", PER_CONNECTION_LIMITS[view]
            )
            by_address = allowed(
                view + ":address",
                hashlib.sha256(email.encode()).hexdigest(),
                PASSWORD_RESETS_PER_ADDRESS,
            )
            if not (by_connection and by_address):
                return _locked_out_page(request)
        return None
