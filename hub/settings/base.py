"""Settings shared by every environment. Environment-specific files import from here."""

import os
from pathlib import Path

import dj_database_url
from django.conf import global_settings

from hub.translation.languages import DEFAULT as DEFAULT_LANGUAGES
from hub.translation.languages import parse_languages

BASE_DIR = Path(__file__).resolve().parent.parent.parent

INSTALLED_APPS = [
    "home",
    "charter",
    "guides",
    "events",
    "stories",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    # Not "wagtail.contrib.frontend_cache": its signal handlers purge a published page alone,
    # before the transaction commits; hub/caching purges it and what lists it, once committed,
    # with the same backends (WAGTAILFRONTENDCACHE).
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    # After wagtail.admin: hub replaces Wagtail's workflow emails once they are connected.
    "hub",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]

MIDDLEWARE = [
    # First, so every log line of a request carries its id (hub/logging.py).
    "hub.logging.RequestIdMiddleware",
    # A HEAD request's answer without its body (hub/request_checks.py).
    "hub.request_checks.AnswerHeadWithoutBody",
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy and Permissions-Policy on every answer, cached ones too
    # (hub/headers.py): outside the page cache, whose pages never carry a nonce.
    "hub.headers.HubCSPMiddleware",
    # A browser that has the page already gets "304 Not Modified" instead of it again.
    "django.middleware.http.ConditionalGetMiddleware",
    # Whole pages for readers who are not signed in (hub/caching/middleware.py): this half
    # keeps them, so it comes before everything that adds to Vary...
    "hub.caching.middleware.UpdatePageCache",
    # Text goes out gzipped to browsers that take it, and is kept so (hub/caching/).
    "hub.caching.compression.CompressTextMiddleware",
    # A NUL byte in a path is refused with 400, dropped from a query (hub/request_checks.py).
    "hub.request_checks.RefuseNulBytesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Searches are counted before the cache answers (search/counting.py).
    "search.counting.CountSearches",
    # ...and this half answers from the cache, once the language is known.
    "hub.caching.middleware.FetchPageFromCache",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # At most 8 hours signed in, and 1 hour idle (hub/accounts/sessions.py).
    "hub.accounts.sessions.SessionLimitsMiddleware",
    # Which second factor (if any) this session has passed, and the admin closed until it has
    # (hub/accounts/two_factor.py).
    "django_otp.middleware.OTPMiddleware",
    "hub.accounts.two_factor.RequireSecondFactorMiddleware",
    # Exports from the admin go in the audit log (hub/accounts/audit.py).
    "hub.accounts.audit.LogExportsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Parent reviewers reach only the admin screens reviewing needs (hub/review/access.py).
    "hub.review.access.ParentReviewerAccessMiddleware",
    # Page passwords and password resets are throttled like sign-ins (hub/accounts/).
    "hub.accounts.throttling.ThrottleFormsMiddleware",
    # Last, as axes asks: turns a locked-out sign-in into the lockout page (hub/accounts/).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "hub.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "hub.context_processors.languages",
            ],
        },
    },
]

WSGI_APPLICATION = "hub.wsgi.application"

# The database comes from DATABASE_URL; without it, an SQLite file beside manage.py.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Two parents approving at once must both count. IMMEDIATE takes the write lock when a
    # transaction begins (a reader that later writes cannot deadlock and fail at once), WAL
    # lets readers go on while one writes, and a writer waits up to 20 s for its turn.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Sign-ins are throttled by django-axes (hub/accounts/throttling.py): its backend, first,
# refuses a locked-out username or connection before the password is even checked. AxesBackend
# (not the standalone one) can also load a signed-in user, which Wagtail's page test helpers
# expect of the first backend.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# The password reset email is queued like the review emails (hub/accounts/forms.py).
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "hub.accounts.forms.QueuedPasswordResetForm"
AXES_HANDLER = "hub.accounts.throttling.HubAxesHandler"
AXES_FAILURE_LIMIT = 5  # per username; 20 per connection (HubAxesHandler)
AXES_LOCKOUT_PARAMETERS = [["username"], ["ip_address"]]
AXES_COOLOFF_TIME = 0.25  # hours: 15 minutes
AXES_CLIENT_IP_CALLABLE = "hub.accounts.throttling.client_address"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_HTTP_RESPONSE_CODE = 429
# No "AXES: BEGIN version..." line from every command and worker start (a cron job's mail).
AXES_VERBOSE = False
# Proxies in front of the hub whose X-Forwarded-For entry is trusted (production: nginx, 1).
HUB_TRUSTED_PROXIES = int(os.environ.get("HUB_TRUSTED_PROXIES", "0"))

# A second factor (hub/accounts/two_factor.py) for everyone who may use the admin beyond
# reviewing; parent reviewers are offered it, and must have it with the second setting.
# Production always requires it (hub/settings/production.py); development may turn it off.
HUB_REQUIRE_2FA = True
HUB_REQUIRE_2FA_FOR_REVIEWERS = (
    os.environ.get("HUB_REQUIRE_2FA_FOR_REVIEWERS", "false").lower() == "true"
)
OTP_TOTP_ISSUER = "Partnership Hub"
# Wrong codes slow down: each one doubles the wait before the next try (django-otp).
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages (hub/translation/languages.py): the first is the source language, English. Each
# language gets a Wagtail locale when migrations run, and URLs under its code (/cy/...).
LANGUAGES, _RTL_LANGUAGES = parse_languages(os.environ.get("HUB_LANGUAGES", DEFAULT_LANGUAGES))
LANGUAGE_CODE = LANGUAGES[0][0]
LANGUAGES_BIDI = sorted(set(global_settings.LANGUAGES_BIDI) | set(_RTL_LANGUAGES))
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# The admin in the hub's languages only, so a parent reviewer reads one language throughout.
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Interface text: locale/<code>/LC_MESSAGES/django.po, compiled by `manage.py compilepo`.
LOCALE_PATHS = [BASE_DIR / "locale"]
# A new translation starts as a draft, whatever the state of the English page: it goes live
# only through parent review (hub/translation/review.py).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# No machine translation: councils' networks rarely reach such services, and every word a
# family reads is checked by a person. To offer one, set WAGTAILLOCALIZE_MACHINE_TRANSLATOR
# (for example {"CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
# "OPTIONS": {"AUTH_KEY": ...}}); its suggestions still go through parent review.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# static_build/ holds the compiled GOV.UK Frontend assets (`npm run build`); never committed.
STATICFILES_DIRS = [BASE_DIR / "static_build"]
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "Partnership Hub"
# No request leaves the hub, in the admin either: no Gravatar (it would send a hash of each
# person's email address to another site); avatars are uploaded or the default.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Search terms are counted per day for the admin's report, and forgotten after 30 days
# (`manage.py searchpromotions_garbage_collect`, run daily in production).
WAGTAILSEARCH_HITS_MAX_AGE = 30
# The search terms report shows a term only once it has been searched this many times.
HUB_SEARCH_TERM_MIN_SEARCHES = 3
# Files under parent review (hub/review/files.py): comms staff cannot change or delete a file that
# live pages use, and a file is served to the public only while a live page uses it.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "hub.review.files.ReviewedDocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "hub.review.files.ReviewedImageForm"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# In production the web server sends media bytes after Django's check (X-Accel-Redirect to an
# internal location); empty means Django streams them itself.
HUB_MEDIA_ACCEL_REDIRECT = os.environ.get("HUB_MEDIA_ACCEL_REDIRECT", "")
# Uploads (hub/uploads.py): documents of these kinds only, checked by content; never HTML,
# SVG or scripts, which a browser would run. Documents are always downloads, never opened
# in the browser as part of the site.
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "rtf", "txt", "mp4", "vtt"]
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
HUB_DOCUMENT_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["png", "jpg", "jpeg", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# A picture small on disk can unpack to gigabytes in memory (a decompression bomb).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Tags are curated by comms staff: free-typed tags are still allowed, but lower-cased.
TAGGIT_CASE_INSENSITIVE = True

# Public pages must not set cookies: sessions and CSRF cookies are only for the admin.
SESSION_COOKIE_HTTPONLY = True
# A sign-in lasts 8 hours at most, and an hour without doing anything (hub/accounts/sessions.py).
SESSION_COOKIE_AGE = 8 * 60 * 60
HUB_ADMIN_IDLE_SECONDS = 60 * 60
# Every admin screen warns this long before an idle sign-out, with "Stay signed in".
HUB_SIGN_OUT_WARNING_SECONDS = 5 * 60
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
# django-csp 4 (hub/headers.py): the public site's policy; the admin's replaces it there.
from hub.headers import PUBLIC as _PUBLIC_CSP  # noqa: E402

CONTENT_SECURITY_POLICY = {"DIRECTIVES": _PUBLIC_CSP}
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True

# Caching (hub/caching/): whole pages for readers who are not signed in, kept this many seconds
# in the shared cache (0: off; production turns it on with Redis), and the Cache-Control a
# browser (max-age) and a CDN (s-maxage) are given. Everything cached is forgotten the moment
# anything the public can see changes; a CDN is told which addresses (WAGTAILFRONTENDCACHE).
HUB_PAGE_CACHE_SECONDS = int(os.environ.get("HUB_PAGE_CACHE_SECONDS", "0"))
HUB_BROWSER_CACHE_SECONDS = int(os.environ.get("HUB_BROWSER_CACHE_SECONDS", "0"))
HUB_CDN_CACHE_SECONDS = int(os.environ.get("HUB_CDN_CACHE_SECONDS", "600"))
# How often (seconds) each web process makes sure the shared cache has the last change's
# generation, which the database keeps too: a change made while the cache could not be reached
# is applied this long after it is back, at most.
HUB_CACHE_CHECK_SECONDS = int(os.environ.get("HUB_CACHE_CHECK_SECONDS", "10"))
CACHE_MIDDLEWARE_ALIAS = "default"
CACHE_MIDDLEWARE_KEY_PREFIX = "hub:page:"
# Wagtail would also purge /en/..., /cy/... copies of each address; the hub names every
# language's address itself (translated slugs), so no copies.
WAGTAILFRONTENDCACHE_LANGUAGES = []

# The safe page "Exit this page" sends a reader to, unless site settings say otherwise.
HUB_EXIT_PAGE_URL = "https://www.bbc.co.uk/weather"

# Parent review (hub/review/models.py ParentPanelReviewTask): approvals hold for one revision only,
# and a finished review publishes exactly the approved revision on the workflow's behalf.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_FINISH_WORKFLOW_ACTION = "hub.review.finish.publish_approved_revision"
# Review emails are hub.review.emails'; superusers get them only if they opt in.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
DEFAULT_FROM_EMAIL = "Partnership Hub <hub@localhost>"
# No request waits for the mail server: review emails are queued in the database and sent,
# with retries, by `manage.py db_worker --backend email` (django-tasks; deploy/systemd/).
# What is still sent on a request (Django's password reset) gives up after 5 seconds.
EMAIL_TIMEOUT = 5
# Wagtail's own tasks (search and reference index) stay immediate, as Wagtail runs them by
# default: which files are public depends on the reference index being current at once.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "email": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["email"]},
}
