"""Under the documented production settings, `check --deploy` finds nothing, and the hub
sends its Content-Security-Policy, Permissions-Policy and HSTS."""

import os
import subprocess
import sys

from tests.deploy.stack import ROOT, SECRET


def production_env(tmp_path, **extra):
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "hub.settings.production",
        "SECRET_KEY": SECRET,
        "ALLOWED_HOSTS": "hub.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'hub.sqlite3'}",
        "STATIC_ROOT": str(tmp_path / "static"),
        **extra,
    }


def run(args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_check_deploy_finds_no_issue_under_the_documented_settings(tmp_path):
    result = run(["check", "--deploy"], production_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (1 silenced)" in result.stdout + result.stderr


def test_with_preload_configured_nothing_needs_silencing(tmp_path):
    result = run(["check", "--deploy"], production_env(tmp_path, SECURE_HSTS_PRELOAD="true"))
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)" in result.stdout + result.stderr


def test_production_requires_the_second_factor_whatever_the_environment_says(tmp_path):
    script = "from django.conf import settings; print(settings.HUB_REQUIRE_2FA)"
    result = run(["shell", "-c", script], production_env(tmp_path, HUB_REQUIRE_2FA="false"))
    assert result.stdout.strip().splitlines()[-1] == "True", result.stderr
