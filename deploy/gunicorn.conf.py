"""gunicorn's settings for the hub: ``gunicorn -c deploy/gunicorn.conf.py hub.wsgi``.

Each can be changed from the environment (the systemd unit reads /etc/partnership-hub/env):
GUNICORN_BIND, GUNICORN_WORKERS, GUNICORN_TIMEOUT. Logs go to standard error in the hub's
format (LOG_FORMAT, hub/logging.py), access lines included.
"""

import multiprocessing
import os
import sys
from pathlib import Path

# The project folder, so that `hub` imports whatever folder gunicorn was started from.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hub.logging import logging_config  # noqa: E402

wsgi_app = "hub.wsgi:application"
# nginx on the same machine talks to gunicorn over loopback; nothing else should reach it.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# gunicorn's rule of thumb: two workers per CPU core, plus one.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
# Sync workers: nginx buffers slow clients, so a worker is busy only while Django works.
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
# A fresh worker now and then keeps memory flat; the jitter stops all restarting together.
max_requests = 1000
max_requests_jitter = 100
# Trust X-Forwarded-* only from nginx on this machine.
forwarded_allow_ips = "127.0.0.1,::1"
accesslog = "-"
# systemd reloads and stops gunicorn; no control socket in the service user's home.
control_socket_disable = True
logconfig_dict = logging_config(
    output=os.environ.get("LOG_FORMAT", "keyvalue"),
    level=os.environ.get("LOG_LEVEL", "INFO"),
    mail_admins=False,
)


def when_ready(server):
    """Runs Django's system checks once at start-up, so a missed deploy step (translations
    not compiled, say) is in the log at once rather than found by a reader."""
    import django
    from django.core import checks

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.production")
    django.setup()
    from django.db import connections

    for message in checks.run_checks(include_deployment_checks=False):
        log = server.log.error if message.is_serious() else server.log.warning
        log("System check %s: %s %s", message.id, message.msg, message.hint or "")
    # Workers are forked from this process: they must not share its database connections.
    connections.close_all()
