"""An upgrade ends with ``systemctl reload partnership-hub`` (docs/deploy.md): gunicorn starts new
workers and lets the old ones finish their requests. The new workers must run the new code, and
the system checks must run again for it.

The test serves a copy of the project with gunicorn and ``deploy/gunicorn.conf.py``, changes a
view in the copy as an upgrade would, sends the master SIGHUP (the unit's ``ExecReload``) and
reads the page again.
"""

import os
import shutil
import signal
import time

import pytest
import requests

from tests.deploy.stack import HOST, ROOT, Stack

# gunicorn reads the database from another process: what it needs must be committed.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

GENERATED = (".git", ".venv", "node_modules", "media", "staticfiles", "static_build", "*.sqlite3")


def health(stack):
    response = requests.get(
        f"http://127.0.0.1:{stack.gunicorn_port}/healthz", headers={"Host": HOST}, timeout=5
    )
    return response.json()


def warnings_in(stack):
    return sum("hub.W001" in line for line in stack.app_log_lines())


def test_a_reload_after_an_upgrade_serves_the_new_code_and_checks_it(static_root, tmp_path):
    copy = tmp_path / "hub"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(*GENERATED, "__pycache__"))
    # A missed step the checks catch: the Welsh interface not compiled.
    (copy / "locale" / "cy" / "LC_MESSAGES" / "django.mo").unlink()
    stack = Stack(tmp_path, static_root, nginx=None, root=copy)
    try:
        stack.start_gunicorn()
        assert "upgraded" not in health(stack)
        deadline = time.monotonic() + 20
        while warnings_in(stack) < 1 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert warnings_in(stack) == 1  # once, from the first worker, not from each

        # The upgrade: new code in the project's folder, then the reload.
        view = copy / "hub" / "health.py"
        view.write_text(view.read_text().replace("checks = {}", 'checks = {"upgraded": "yes"}'))
        os.kill(stack.processes[0].pid, signal.SIGHUP)
        deadline = time.monotonic() + 30
        while "upgraded" not in health(stack) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert health(stack)["upgraded"] == "yes"
        while warnings_in(stack) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert warnings_in(stack) == 2  # the checks ran again, for the new code
    finally:
        stack.stop()
