"""Security headers on every answer: a strict Content-Security-Policy for the public site, the
strictest one Wagtail's admin works under for the admin, and a Permissions-Policy.

**Public pages** get ``default-src 'self'`` with scripts from the hub's own files only: no
``unsafe-inline``, no ``unsafe-eval``, no nonce. Pages are cached whole (hub/caching/): a
per-request nonce in a cached page would be wrong for every later reader (and a nonce that
repeats is no protection), so the public site has **no inline scripts at all**. Its scripts
are files (``hub/js/...``); JSON-LD (``<script type="application/ld+json">``) is data, which
browsers never run, so CSP does not apply to it and it needs neither nonce nor hash.

**The admin** (``/admin/``, and the sign-in link pages that share its look) cannot run under
that policy: Wagtail's admin templates still carry inline scripts and inline styles
(wagtail#1288), so it keeps ``'unsafe-inline'`` for scripts and styles, and nothing else:
no ``unsafe-eval``, no other site, ``object-src 'none'``, and frames only from the hub itself
(the preview panel).

**Previews** of a page (the editor's preview panel, the whole draft on a parent's review page)
are public pages drawn inside the admin: Wagtail runs them through the middleware with the
page's own address, so they get the public policy, except that the hub's own admin may show
them in a frame (``frame-ancestors 'self'``).
"""

from csp.constants import NONE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware

# Where the admin policy applies: the admin, the review sign-in link pages, Wagtail's
# front-end login form for pages that need an account.
ADMIN_PREFIXES = ("/admin/", "/review-sign-in/")

PUBLIC = {
    "default-src": [SELF],
    "script-src": [SELF],
    "style-src": [SELF],
    "img-src": [SELF],
    "font-src": [SELF],
    "connect-src": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
    "frame-ancestors": [NONE],
    "form-action": [SELF],
}

ADMIN = {
    "default-src": [SELF],
    # wagtail#1288: inline <script> and style="" throughout Wagtail's admin templates.
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    # Image previews and the rich text editor use data: and blob: addresses.
    "img-src": [SELF, "data:", "blob:"],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    "frame-src": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
    "frame-ancestors": [SELF],
    "form-action": [SELF],
}

# A public page in the admin's frame (the preview panel, a parent's review page).
PREVIEW = {**PUBLIC, "frame-ancestors": [SELF]}

PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), interest-cohort=(), browsing-topics=(), "
    "payment=(), usb=()"
)


class HubCSPMiddleware(CSPMiddleware):
    """django-csp's middleware with the admin's policy under the admin's addresses, the
    preview's for previews, and the Permissions-Policy header on every answer."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None:
            if getattr(request, "is_preview", False):
                parts.config = PREVIEW
            elif request.path.startswith(ADMIN_PREFIXES):
                parts.config = ADMIN
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
