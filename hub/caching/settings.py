"""The caches' settings: ``WAGTAILFRONTENDCACHE`` from the environment (which CDN or cache in
front of the hub is told to forget addresses; docs/deploy.md, "A CDN or Varnish in front"), and
the database table production caches in without Redis."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command

BACKENDS = "wagtail.contrib.frontend_cache.backends."


def _required(env, *names):
    missing = [name for name in names if not env.get(name)]
    if missing:
        raise ImproperlyConfigured(
            f"HUB_FRONTEND_CACHE={env['HUB_FRONTEND_CACHE']} needs {', '.join(missing)}: "
            "see docs/deploy.md, 'A CDN or Varnish in front'."
        )
    return [env[name] for name in names]


def frontend_cache_settings(env):
    """{} without HUB_FRONTEND_CACHE; else one backend, for Varnish (or any cache that takes
    PURGE requests), Cloudflare or Amazon CloudFront."""
    kind = env.get("HUB_FRONTEND_CACHE", "").strip().lower()
    if not kind:
        return {}
    if kind == "varnish":
        (location,) = _required(env, "HUB_VARNISH_URL")
        backend = {"BACKEND": BACKENDS + "HTTPBackend", "LOCATION": location}
    elif kind == "cloudflare":
        token, zone = _required(env, "CLOUDFLARE_BEARER_TOKEN", "CLOUDFLARE_ZONE_ID")
        backend = {"BACKEND": BACKENDS + "CloudflareBackend", "BEARER_TOKEN": token, "ZONEID": zone}
    elif kind == "cloudfront":
        (distribution,) = _required(env, "CLOUDFRONT_DISTRIBUTION_ID")
        backend = {"BACKEND": BACKENDS + "CloudfrontBackend", "DISTRIBUTION_ID": distribution}
    else:
        raise ImproperlyConfigured(
            f"HUB_FRONTEND_CACHE must be varnish, cloudflare or cloudfront, not '{kind}'."
        )
    return {kind: backend}


def create_cache_table(**kwargs):
    """Without Redis, production's cache is a database table (hub/settings/production.py):
    ``migrate`` makes it, so no deploy step can forget it."""
    if any(
        cache["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
        for cache in settings.CACHES.values()
    ):
        call_command("createcachetable", verbosity=0)
