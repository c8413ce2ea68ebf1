"""``/healthz``: whether this copy of the hub can answer readers, for a load balancer or a
monitoring check.

200 when the database answers a query: ``"status": "ok"`` if the cache stores and returns a
value too, ``"degraded"`` if it does not (pages are then served without the cache, slower but
right, so a load balancer should keep sending readers). 503 when the database fails. Never
cached, no cookie, no login, and no detail an attacker could use
(the reason for a failure goes to the log, not the answer).
"""

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def _cache():
    key, value = "hub:healthz", uuid.uuid4().hex
    cache.set(key, value, 30)
    return cache.get(key) == value


@never_cache
@require_safe
def healthz(request):
    """The state of the database and the cache, as ``{"status": "ok", ...}``."""
    checks = {}
    for name, check in (("database", _database), ("cache", _cache)):
        try:
            checks[name] = "ok" if check() else "failed"
        except Exception:  # noqa: BLE001 - any failure means "not healthy", and is logged
            logger.exception("Health check: the %s did not answer", name)
            checks[name] = "failed"
    if checks["database"] != "ok":
        status = "failed"
    else:
        status = "ok" if checks["cache"] == "ok" else "degraded"
    response = JsonResponse({"status": status, **checks})
    response.status_code = 503 if status == "failed" else 200
    return response
