"""Logs an operator can read: one line per event, with time, level, logger, request id and
user id, in key=value or JSON; routine noise at DEBUG; a bad Host in one line."""

import io
import json
import logging
import shlex
import subprocess
import sys

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from hub.logging import Formatter, RequestContextFilter, RequestIdMiddleware, logging_config
from tests.deploy.stack import ROOT

# The configuration as production builds it, exercised in a fresh interpreter so the suite's
# own logging is left alone; what it prints is read back by shlex, not by our code.
SCRIPT = """
import logging, logging.config, sys
from django.core.exceptions import DisallowedHost
from hub.logging import logging_config
logging.config.dictConfig(logging_config(output=sys.argv[1], level=sys.argv[2], mail_admins=False))
logging.getLogger("django_tasks").info("Task id=1 path=x state=RUNNING")
logging.getLogger("django_tasks").error("Task id=2 path=x state=FAILED")
try:
    raise DisallowedHost("Invalid HTTP_HOST header: 'evil.example'.")
except DisallowedHost as error:
    logging.getLogger("django.security.DisallowedHost").error(str(error), exc_info=error)
try:
    1 / 0
except ZeroDivisionError:
    logging.getLogger("hub.views").exception('A "quoted"\\nsecond line')
"""


def run_logging(output, level="INFO"):
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, output, level],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stderr.splitlines()


def parse_key_values(line):
    return dict(pair.split("=", 1) for pair in shlex.split(line))


def test_each_event_is_one_key_value_line_with_time_level_logger_and_ids():
    lines = [parse_key_values(line) for line in run_logging("keyvalue")]
    assert [(line["level"], line["logger"]) for line in lines] == [
        ("ERROR", "django_tasks"),
        ("WARNING", "django.security.DisallowedHost"),
        ("ERROR", "hub.views"),
    ]
    for line in lines:
        assert line["time"].endswith("+00:00") and line["time"][10] == "T"
        assert line["request_id"] == "-" and line["user_id"] == "-"
    error = lines[2]
    assert error["message"] == 'A "quoted"\\nsecond line'  # escaped: still one line
    assert error["exc_type"] == "ZeroDivisionError"
    assert "Traceback (most recent call last)" in error["traceback"]


def test_json_lines_parse_one_by_one():
    lines = [json.loads(line) for line in run_logging("json")]
    assert [line["logger"] for line in lines] == [
        "django_tasks",
        "django.security.DisallowedHost",
        "hub.views",
    ]
    assert lines[2]["message"] == 'A "quoted"\nsecond line'


def test_a_bad_host_is_one_warning_without_a_traceback():
    bad_host = parse_key_values(run_logging("keyvalue")[1])
    assert bad_host["level"] == "WARNING"
    assert bad_host["message"] == "Invalid HTTP_HOST header: 'evil.example'."
    assert "traceback" not in bad_host


def test_task_progress_is_debug_and_shows_only_when_asked():
    lines = [parse_key_values(line) for line in run_logging("keyvalue", level="DEBUG")]
    tasks = [(line["level"], line["message"]) for line in lines if line["logger"] == "django_tasks"]
    assert tasks == [
        ("DEBUG", "Task id=1 path=x state=RUNNING"),
        ("ERROR", "Task id=2 path=x state=FAILED"),
    ]


def test_an_unknown_log_format_or_level_is_refused_with_the_choices():
    with pytest.raises(ValueError, match="LOG_FORMAT must be one of keyvalue, json, not 'xml'"):
        logging_config(output="xml")
    with pytest.raises(ValueError, match="LOG_LEVEL must be DEBUG, INFO"):
        logging_config(level="LOUD")


@pytest.fixture
def captured():
    """A logger whose lines go through the hub's filter and formatter into a string."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestContextFilter())
    handler.setFormatter(Formatter(output="json"))
    logger = logging.getLogger("hub.tests.deploy")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    yield logger, stream
    logger.removeHandler(handler)


def test_a_line_logged_in_a_request_names_the_request_and_the_users_number_only(captured, people):
    logger, stream = captured
    request = RequestFactory().get("/admin/", headers={"X-Request-ID": "a" * 32})
    request._cached_user = people["comms"]  # what AuthenticationMiddleware leaves

    def view(request):
        logger.info("Saved a draft")
        return HttpResponse()

    response = RequestIdMiddleware(view)(request)
    assert response["X-Request-ID"] == "a" * 32
    line = json.loads(stream.getvalue())
    assert line["request_id"] == "a" * 32
    assert line["user_id"] == people["comms"].pk
    assert "comms" not in stream.getvalue()  # neither the user name nor the email


def test_a_security_event_names_what_happened_and_the_account_by_number(people):
    from hub.accounts.audit import LOGIN_FAILED, record

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(Formatter(output="keyvalue"))
    security = logging.getLogger("hub.security")
    level = security.level
    security.addHandler(handler)
    security.setLevel(logging.INFO)
    try:
        record(LOGIN_FAILED, people["comms"], username="comms", address="203.0.113.9")
        record(LOGIN_FAILED, None, username="nobody@example.org", address="203.0.113.9")
    finally:
        security.removeHandler(handler)
        security.setLevel(level)
    known, unknown = (parse_key_values(line) for line in stream.getvalue().splitlines())
    assert (known["event"], known["account_id"]) == (LOGIN_FAILED, str(people["comms"].pk))
    assert known["message"] == f"security event: {LOGIN_FAILED}"
    assert (unknown["event"], unknown["account_id"]) == (LOGIN_FAILED, "-")
    # By number only: no name, no email, no address.
    assert "example.org" not in stream.getvalue()
    assert "comms" not in stream.getvalue().replace("hub.accounts", "")
    assert "203.0.113.9" not in stream.getvalue()


def test_a_request_id_from_outside_that_could_forge_log_lines_is_replaced(client, home):
    forged = 'x" level=ERROR\nfake'
    response = client.get("/", headers={"X-Request-ID": forged})
    assert response.status_code == 200
    assert response["X-Request-ID"] != forged
    assert len(response["X-Request-ID"]) == 32 and response["X-Request-ID"].isalnum()


def test_every_response_carries_a_request_id(client, home):
    first, second = client.get("/"), client.get("/")
    assert first["X-Request-ID"] != second["X-Request-ID"]
