"""django-redis's client, which stops asking a Redis that does not answer for a while.

A Redis that refuses connections fails at once, but one that hangs (or a host that is switched
off) costs the socket timeout on every call, and a page makes many: every page would take
seconds. Instead, once a call fails, this process leaves Redis alone for ``BACK_OFF_SECONDS``:
each call fails at once, which the cache (``IGNORE_EXCEPTIONS``) takes as a miss, so pages
are built afresh and served at their usual speed. Then one call tries again.
"""

import functools
import time

from django_redis.client import DefaultClient
from django_redis.exceptions import ConnectionInterrupted

BACK_OFF_SECONDS = 30

# Per process: until when (time.monotonic()) calls fail without asking Redis.
_resting_until = 0.0


class BackingOff(Exception):
    """Redis failed a moment ago: not asked again yet."""


def resting():
    return time.monotonic() < _resting_until


def rest():
    global _resting_until
    _resting_until = time.monotonic() + BACK_OFF_SECONDS


class BackOffClient(DefaultClient):
    """``CLIENT_CLASS`` for django-redis: the default client, which backs off after a failure."""

    def get_client(self, *args, **kwargs):
        if resting():
            raise ConnectionInterrupted(connection=None) from BackingOff()
        return super().get_client(*args, **kwargs)

    def get_client_with_index(self, *args, **kwargs):
        if resting():
            raise ConnectionInterrupted(connection=None) from BackingOff()
        return super().get_client_with_index(*args, **kwargs)


def _watched(method):
    @functools.wraps(method)
    def watched(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except ConnectionInterrupted as failure:
            if failure.connection is not None:  # Redis was asked and failed: rest from now
                rest()
            raise

    return watched


# Every call the hub makes (Django's cache API, and django-redis's own).
for _name in (
    "get",
    "set",
    "add",
    "delete",
    "delete_many",
    "get_many",
    "set_many",
    "incr",
    "decr",
    "has_key",
    "touch",
    "clear",
    "ttl",
    "expire",
):
    setattr(BackOffClient, _name, _watched(getattr(DefaultClient, _name)))
