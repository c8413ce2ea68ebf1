"""Local development: debug on, console email, SQLite unless DATABASE_URL says otherwise."""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "dev-only-not-secret-partnership-hub"  # noqa: S105 - development only
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
INTERNAL_IPS = ["127.0.0.1"]
# Links in emails point at the port `make run` serves on (PORT, 8000 unless set).
WAGTAILADMIN_BASE_URL = f"http://127.0.0.1:{os.environ.get('PORT', '8000')}"
# A newcomer signs in with a code from an app (`manage.py demo_accounts` prints each demo
# account's key), or turns the second factor off here with HUB_REQUIRE_2FA=false.
HUB_REQUIRE_2FA = os.environ.get("HUB_REQUIRE_2FA", "true").lower() != "false"
# Development sends queued emails at once (to the console), so `make run` needs no worker.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "email": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": ["email"]},
}
