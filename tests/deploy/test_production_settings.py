"""Production settings read the environment and fail fast, with a message saying what to set."""

import os
import subprocess
import sys

import pytest

from tests.deploy.stack import ROOT, SECRET

BASE_ENV = {
    "DJANGO_SETTINGS_MODULE": "hub.settings.production",
    "SECRET_KEY": SECRET,
    "ALLOWED_HOSTS": "hub.example.org",
    "DATABASE_URL": "postgres://hub@db.example.org/hub",
}


def settings_with(code="", **env):
    environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), **BASE_ENV, **env}
    environment = {key: value for key, value in environment.items() if value is not None}
    return subprocess.run(
        [
            sys.executable,
            "-c",
            f"import django; django.setup(); from django.conf import settings; {code}",
        ],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_without_a_database_address():
    result = settings_with(DATABASE_URL=None)
    assert result.returncode == 1
    assert "DATABASE_URL is not set" in result.stderr


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("LOG_FORMAT", "xml", "LOG_FORMAT must be one of keyvalue, json, not 'xml'"),
        ("LOG_LEVEL", "chatty", "LOG_LEVEL must be DEBUG, INFO, WARNING, ERROR or CRITICAL"),
        ("SENTRY_DSN", "https://key@sentry.example.org/1", "sentry-sdk is not installed"),
    ],
)
def test_a_logging_setting_production_cannot_use_stops_it_with_the_reason(variable, value, message):
    result = settings_with(**{variable: value})
    assert result.returncode == 1
    assert message in result.stderr


def test_admins_are_read_from_the_environment():
    result = settings_with(
        "print(settings.ADMINS)", ADMINS="Web team <web@example.org>, ops@example.org"
    )
    assert result.stdout.strip() == (
        "[('Web team', 'web@example.org'), ('ops@example.org', 'ops@example.org')]"
    )


def test_production_passes_djangos_deployment_checks():
    environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), **BASE_ENV}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
