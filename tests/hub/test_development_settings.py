"""`make run`'s settings (hub/settings/dev.py): what a newcomer gets on their own machine."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def development_setting(name, **env):
    environment = {k: v for k, v in os.environ.items() if k not in ("PORT", "DATABASE_URL")}
    result = subprocess.run(
        [sys.executable, "-c", f"from django.conf import settings; print(settings.{name})"],
        cwd=ROOT,
        env={**environment, "DJANGO_SETTINGS_MODULE": "hub.settings.dev", **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


@pytest.mark.parametrize(
    "port, url", [(None, "http://127.0.0.1:8000"), ("8123", "http://127.0.0.1:8123")]
)
def test_links_in_emails_point_at_the_port_make_run_serves_on(port, url):
    env = {"PORT": port} if port else {}
    assert development_setting("WAGTAILADMIN_BASE_URL", **env) == url
