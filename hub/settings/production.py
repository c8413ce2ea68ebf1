"""Production: everything secret or site-specific comes from the environment.

Required: SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL.
Optional: REDIS_URL (cache), HUB_PAGE_CACHE_SECONDS, HUB_BROWSER_CACHE_SECONDS,
HUB_CDN_CACHE_SECONDS, HUB_FRONTEND_CACHE (and its HUB_VARNISH_URL, CLOUDFLARE_* or
CLOUDFRONT_* settings), EMAIL_HOST/EMAIL_PORT/EMAIL_HOST_USER/EMAIL_HOST_PASSWORD/
EMAIL_USE_TLS/DEFAULT_FROM_EMAIL, ADMINS, MEDIA_ROOT, HUB_MEDIA_ACCEL_REDIRECT, STATIC_ROOT,
WAGTAILADMIN_BASE_URL, CSRF_TRUSTED_ORIGINS, ELASTICSEARCH_URL/ELASTICSEARCH_INDEX,
SECURE_SSL_REDIRECT, SECURE_HSTS_SECONDS, LOG_FORMAT, LOG_LEVEL, SENTRY_DSN.
Each is described, with its default and an example, in docs/deploy.md.
"""

import os
from email.utils import getaddresses

from django.core.exceptions import ImproperlyConfigured

from hub.caching.settings import frontend_cache_settings
from hub.logging import init_error_reporting, logging_config

from .base import *  # noqa: F403


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = False

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Production refuses to start without a secret key: "
        "set the SECRET_KEY environment variable to a long random string."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS is not set: list the site's host names, comma separated."
    )
if not os.environ.get("DATABASE_URL"):
    raise ImproperlyConfigured(
        "DATABASE_URL is not set: give the database's address, for example "
        "postgres://hub:password@127.0.0.1:5432/hub."
    )
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0]}")

if os.environ.get("REDIS_URL"):
    # Redis: the cache every worker and process shares, whole pages included (hub/caching/).
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "OPTIONS": {
                # If Redis stops, pages are still served, built afresh, and hub.logging says
                # so once a minute; a Redis that hangs is given half a second, and then left
                # alone for 30 seconds by each process (hub/caching/redis_client.py).
                "CLIENT_CLASS": "hub.caching.redis_client.BackOffClient",
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    DJANGO_REDIS_LOGGER = "hub.cache"
    HUB_PAGE_CACHE_SECONDS = int(os.environ.get("HUB_PAGE_CACHE_SECONDS", "3600"))
else:
    # No Redis: a cache table in the database, which every worker shares, so none of them
    # serves what another has changed (`manage.py createcachetable` makes it); whole pages
    # are not cached, as each would cost a database write.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "hub_cache",
        }
    }
    HUB_PAGE_CACHE_SECONDS = 0

# A CDN or Varnish in front (hub/caching/frontend.py): told which addresses to forget when
# something changes. HUB_FRONTEND_CACHE is varnish, cloudflare or cloudfront.
WAGTAILFRONTENDCACHE = frontend_cache_settings(os.environ)

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "false").lower() == "true"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "hub@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Who is mailed a server error: "Web team <web@example.org>, ops@example.org".
ADMINS = [(name or email, email) for name, email in getaddresses(env_list("ADMINS"))]

MEDIA_ROOT = os.environ.get("MEDIA_ROOT", str(MEDIA_ROOT))  # noqa: F405
# The largest upload, in megabytes (the web server's own limit must be at least as large).
WAGTAILIMAGES_MAX_UPLOAD_SIZE = int(os.environ.get("HUB_MAX_IMAGE_MB", "10")) * 1024 * 1024
HUB_DOCUMENT_MAX_UPLOAD_SIZE = int(os.environ.get("HUB_MAX_DOCUMENT_MB", "20")) * 1024 * 1024
STATIC_ROOT = os.environ.get("STATIC_ROOT", str(STATIC_ROOT))  # noqa: F405
# WhiteNoise serves the compiled, hashed static files straight after the security middleware.
_security = MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1  # noqa: F405
MIDDLEWARE = [
    *MIDDLEWARE[:_security],  # noqa: F405
    "whitenoise.middleware.WhiteNoiseMiddleware",
    *MIDDLEWARE[_security:],  # noqa: F405
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if HUB_MEDIA_ACCEL_REDIRECT:  # noqa: F405
    # Documents too: Wagtail's view checks who may fetch one, then nginx sends the bytes.
    SENDFILE_BACKEND = "hub.sendfile_accel"

if os.environ.get("ELASTICSEARCH_URL"):
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": [os.environ["ELASTICSEARCH_URL"]],
            "INDEX": os.environ.get("ELASTICSEARCH_INDEX", "partnership_hub"),
        }
    }

# Every admin account beyond reviewing has a second factor; there is no switch to turn it off.
HUB_REQUIRE_2FA = True

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# nginx (deploy/nginx/) appends the client's address to X-Forwarded-For: login throttling
# counts per connection by that address, not nginx's own (hub/accounts/throttling.py).
HUB_TRUSTED_PROXIES = int(os.environ.get("HUB_TRUSTED_PROXIES", "1"))
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
# Subdomains of the hub's own host only (hub.example.org), so this is safe; joining the
# browsers' preload list is a decision for the owner of the whole domain.
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# The browsers' preload list: for the owner of the whole domain to decide (SECURE_HSTS_PRELOAD);
# until they do, the check that asks for it is silenced, so `check --deploy` stays at 0.
SECURE_HSTS_PRELOAD = os.environ.get("SECURE_HSTS_PRELOAD", "false").lower() == "true"
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
# A health check from the machine itself speaks plain HTTP to gunicorn.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# One line per event, key=value or JSON (hub/logging.py); errors also mailed to ADMINS.
try:
    LOGGING = logging_config(
        output=os.environ.get("LOG_FORMAT", "keyvalue"), level=os.environ.get("LOG_LEVEL", "INFO")
    )
except ValueError as error:
    raise ImproperlyConfigured(str(error)) from error
init_error_reporting(os.environ.get("SENTRY_DSN", ""))
