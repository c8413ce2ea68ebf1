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


# A reload (``systemctl reload``: SIGHUP) starts new workers and lets the old ones finish. The
# new workers must import the new code: they are forked from this master process, so it keeps
# none of the hub's modules (only the logging set-up made from hub.logging above) and never
# sets Django up. The system checks run in a worker instead: the first one of each start and
# of each reload, so a missed step of an upgrade is in the log at once.


def forget_the_hubs_modules():
    for name in [name for name in sys.modules if name == "hub" or name.startswith("hub.")]:
        del sys.modules[name]


forget_the_hubs_modules()


def when_ready(server):
    server.hub_checks_due = True


def on_reload(server):
    server.hub_checks_due = True


def pre_fork(server, worker):
    forget_the_hubs_modules()  # gunicorn's logging set-up, read again on reload, imports them
    worker.hub_runs_checks = getattr(server, "hub_checks_due", False)
    server.hub_checks_due = False


def post_worker_init(worker):
    """Runs Django's system checks in the first worker of a start or reload, so a missed
    deploy step (translations not compiled, say) is in the log rather than found by a reader."""
    if not worker.hub_runs_checks:
        return
    from django.core import checks

    for message in checks.run_checks(include_deployment_checks=False):
        log = worker.log.error if message.is_serious() else worker.log.warning
        log("System check %s: %s %s", message.id, message.msg, message.hint or "")
