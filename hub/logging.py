"""Logs an operator can read: one line per event, with its time, level, logger, request id and
user id (a number, never a name or an email), as ``key=value`` pairs or JSON (``LOG_FORMAT``).

Production settings (``logging_config``) and gunicorn's config (``deploy/gunicorn.conf.py``)
both use it, so the application's lines and gunicorn's access lines read the same. This module
imports nothing from Django at the top: gunicorn's master loads it before Django is set up.
"""

import contextvars
import datetime
import json
import logging
import re
import time
import uuid

FORMATS = ("keyvalue", "json")
REQUEST_ID_HEADER = "X-Request-ID"
# nginx's $request_id is 32 hex digits; anything else from outside is replaced, so a client
# cannot write arbitrary text into the logs.
_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
_current_request = contextvars.ContextVar("hub_current_request", default=None)


# -- Which request a line belongs to ----------------------------------------------------


class RequestIdMiddleware:
    """Gives each request an id (nginx's ``X-Request-ID``, or a new one), sends it back in the
    response, and makes it and the signed-in user's id available to every log line."""

    def __init__(self, get_response):
        from django.core.signals import request_finished

        self.get_response = get_response
        # Cleared when the response is closed, not on return: Django logs 4xx and 5xx answers
        # after the middleware chain has returned, and those lines need the id too.
        request_finished.connect(_forget_request, dispatch_uid="hub.logging.forget_request")

    def __call__(self, request):
        incoming = request.headers.get(REQUEST_ID_HEADER, "")
        request.id = incoming if _VALID_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        _current_request.set(request)
        response = self.get_response(request)
        response[REQUEST_ID_HEADER] = request.id
        return response


def _forget_request(**kwargs):
    _current_request.set(None)


class RequestContextFilter(logging.Filter):
    """Adds ``request_id`` and ``user_id`` to each record ("-" outside a request)."""

    def filter(self, record):
        request = _current_request.get()
        if not hasattr(record, "request_id"):
            record.request_id = getattr(request, "id", None) or "-"
        if not hasattr(record, "user_id"):
            # Only a user the request already looked up: a log line never queries the
            # database (Django's AuthenticationMiddleware caches the user here).
            user = getattr(request, "_cached_user", None)
            record.user_id = user.pk if user is not None and user.is_authenticated else "-"
        return True


# -- Less noise -----------------------------------------------------------------------------


class OneLineDisallowedHost(logging.Filter):
    """A request for a host the site does not serve is a warning in one line, not an error
    with a traceback (scanners send them all day; nothing is wrong with the hub)."""

    def filter(self, record):
        record.exc_info = None
        record.exc_text = None
        if record.levelno > logging.WARNING:
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True


class DemoteToDebug(logging.Filter):
    """Routine INFO lines become DEBUG (shown only with ``LOG_LEVEL=DEBUG``): django-tasks
    logs every task's start and finish, which Wagtail uses for each page save."""

    def filter(self, record):
        if record.levelno == logging.INFO:
            record.levelno, record.levelname = logging.DEBUG, "DEBUG"
        return record.levelno >= logging.getLogger().getEffectiveLevel()


class OnceAMinute(logging.Filter):
    """The cache (Redis) unreachable: django-redis logs each failed command with a traceback,
    several per request. Pages go on being served uncached, so one warning a minute per process
    says so, and the rest are dropped."""

    every = 60

    def __init__(self):
        super().__init__()
        self.last = None

    def filter(self, record):
        now = time.monotonic()
        if self.last is not None and now - self.last < self.every:
            return False
        self.last = now
        cause = record.exc_info[1] if record.exc_info else None
        while cause is not None and cause.__cause__ is not None:
            cause = cause.__cause__
        record.msg = (
            "The cache (Redis) cannot be reached: pages are served without it until it is back"
            + (f" ({type(cause).__name__}: {cause})" if cause else "")
        )
        record.args = ()
        record.exc_info = record.exc_text = None
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True


# -- How a line looks -------------------------------------------------------------------


class Formatter(logging.Formatter):
    """One line per record: ``time level logger request_id user_id message`` and any extra
    fields, as ``key=value`` pairs (``output="keyvalue"``) or a JSON object (``"json"``).

    gunicorn's access records become fields too (method, path, status, bytes, duration_ms);
    the client's address and the query string are left out (a search can hold a name).
    """

    def __init__(self, *args, output="keyvalue", **kwargs):
        super().__init__(*args, **kwargs)
        if output not in FORMATS:
            raise ValueError(f"LOG_FORMAT must be one of {', '.join(FORMATS)}, not '{output}'.")
        self.output = output

    def format(self, record):
        fields = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", "-"),
            "user_id": getattr(record, "user_id", "-"),
        }
        if record.name == "gunicorn.access" and isinstance(record.args, dict):
            fields.update(access_fields(record.args))
        else:
            fields["message"] = record.getMessage()
        fields.update(extra_fields(record, fields))
        if record.exc_info:
            fields["exc_type"] = record.exc_info[0].__name__
            fields["traceback"] = self.formatException(record.exc_info)
        if self.output == "json":
            return json.dumps(fields, ensure_ascii=False, default=str)
        return " ".join(f"{key}={quote(value)}" for key, value in fields.items())


# What every log record has; anything else on a record was passed as ``extra``.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime"}


def extra_fields(record, fields):
    """The fields passed with ``extra=`` (an audit event and its account number, say). Plain
    values only: Django passes the request itself, whose text holds the query string."""
    return {
        key: value
        for key, value in vars(record).items()
        if key not in _STANDARD
        and key not in fields
        and key not in ("request_id", "user_id")
        and isinstance(value, str | int | float | bool)
    }


def access_fields(atoms):
    """The fields of one gunicorn access line, from its atoms (see gunicorn's glogging)."""
    request_id = atoms.get("{x-request-id}o") or "-"
    return {
        "request_id": request_id,
        "message": f"{atoms.get('m')} {atoms.get('U')} {atoms.get('s')}",
        "method": atoms.get("m"),
        "path": atoms.get("U"),
        "status": int(atoms.get("s") or 0),
        "bytes": int(atoms.get("B") or 0),
        "duration_ms": int(atoms.get("M") or 0),
    }


_BARE = re.compile(r"^[A-Za-z0-9_.:/@+-]+$")


def quote(value):
    """A value as it stands in a key=value line: bare if it is one plain word, otherwise in
    double quotes with quotes, backslashes and line breaks escaped (so one event, one line)."""
    if isinstance(value, bool | int | float):
        return str(value)
    text = str(value)
    if text and _BARE.match(text):
        return text
    escaped = (
        text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    )
    return f'"{escaped}"'


# -- The whole configuration ------------------------------------------------------------


def logging_config(output="keyvalue", level="INFO", mail_admins=True):
    """A ``LOGGING`` dict: every line to standard error (systemd's journal keeps it), errors
    mailed to ``ADMINS`` when ``mail_admins`` is on."""
    if output not in FORMATS:
        raise ValueError(f"LOG_FORMAT must be one of {', '.join(FORMATS)}, not '{output}'.")
    level = level.upper()
    if level not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
        raise ValueError(f"LOG_LEVEL must be DEBUG, INFO, WARNING, ERROR or CRITICAL: '{level}'.")
    handlers = {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stderr",
            "formatter": "hub",
            "filters": ["request_context"],
        }
    }
    django_handlers = []
    if mail_admins:
        handlers["mail_admins"] = {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["request_context"],
        }
        django_handlers = ["mail_admins"]
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "request_context": {"()": "hub.logging.RequestContextFilter"},
            "one_line_disallowed_host": {"()": "hub.logging.OneLineDisallowedHost"},
            "demote_to_debug": {"()": "hub.logging.DemoteToDebug"},
            "once_a_minute": {"()": "hub.logging.OnceAMinute"},
        },
        "formatters": {"hub": {"()": "hub.logging.Formatter", "output": output}},
        "handlers": handlers,
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # Errors reach the console through the root logger, and ADMINS by email.
            "django": {"handlers": django_handlers, "level": level, "propagate": True},
            "django.security.DisallowedHost": {
                "filters": ["one_line_disallowed_host"],
                "propagate": True,
            },
            "django_tasks": {"filters": ["demote_to_debug"], "propagate": True},
            "hub.cache": {"filters": ["once_a_minute"], "propagate": True},
            "gunicorn.error": {"handlers": ["console"], "level": level, "propagate": False},
            "gunicorn.access": {"handlers": ["console"], "level": "INFO", "propagate": False},
        },
    }


def init_error_reporting(dsn):
    """Sends errors to Sentry (or a compatible service) when ``SENTRY_DSN`` is set.

    sentry-sdk is not a dependency: a council that wants it installs it next to the hub. No
    personal details are sent (``send_default_pii=False``: no user names, emails or cookies).
    """
    if not dsn:
        return
    try:
        import sentry_sdk
    except ImportError:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(
            "SENTRY_DSN is set but sentry-sdk is not installed: install it next to the hub "
            "(pip install 'sentry-sdk>=2,<3') or unset SENTRY_DSN."
        ) from None
    sentry_sdk.init(dsn=dsn, send_default_pii=False)
