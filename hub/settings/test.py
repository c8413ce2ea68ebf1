"""The test suite: fast hashing, throwaway media, local-memory email and cache."""

import os
import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# A test that runs the hub in another process (tests/hub/test_backups.py) names its media folder.
MEDIA_ROOT = os.environ.get("HUB_TEST_MEDIA_ROOT") or tempfile.mkdtemp(prefix="hub-test-media-")
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The page cache is on, as in production, so every test that changes content and reads a page
# checks that the change shows at once (tests/conftest.py empties the cache between tests).
HUB_PAGE_CACHE_SECONDS = 600
# Each process compares the cache's generation with the database's only where a test asks
# (tests/caching/test_cache_outage.py), so that no test's query count depends on the clock.
HUB_CACHE_CHECK_SECONDS = None
WAGTAILADMIN_BASE_URL = "http://testserver"
# Queued tasks run at once, so a test reads the emails its actions send; the mail-queue tests
# use the database backend and its worker (tests/review/test_email_queue.py).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "email": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": ["email"]},
}
