"""A system check for a deployment: proxies in front of the hub that login throttling must
count (``HUB_TRUSTED_PROXIES``, hub/accounts/throttling.py). Run as hub/translation/checks.py's
are: by ``migrate``, ``check --deploy`` and gunicorn when it starts."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security)
def every_proxy_counted(app_configs=None, **kwargs):
    """hub.W002: with a CDN or Varnish in front (``HUB_FRONTEND_CACHE``), it adds its own
    address to X-Forwarded-For after nginx's entry, or before nginx's own: either way two
    proxies stand between a reader and the hub, and with one counted every reader has the
    same address to the throttle, so twenty wrong passwords from anyone lock everyone out."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return []
    if getattr(settings, "HUB_TRUSTED_PROXIES", 0) >= 2:
        return []
    return [
        Warning(
            "A CDN or Varnish is in front of the hub (HUB_FRONTEND_CACHE), but login "
            "throttling trusts only one proxy's X-Forwarded-For entry, so it sees the CDN's or "
            "nginx's address for every reader: twenty wrong passwords from anyone would lock "
            "every reader and editor out of signing in for 15 minutes.",
            hint="Set HUB_TRUSTED_PROXIES=2 (nginx and the CDN or Varnish), as docs/deploy.md "
            "says.",
            id="hub.W002",
        )
    ]
