"""The generation: one number in the shared cache that everything cached is filed under.

A change the public can see (``hub.caching.changes``) gives it a new value once the change is
committed, so every worker and process stops finding what was cached before at once; old
entries are never read again and expire on their own. A request reads the number once, when it
starts, and files what it renders under that number: a page built while a publish commits is
filed under the old number, so it can never be served as new.

The number is written to the database too (``hub.caching.models.CacheGeneration``), so a
change that could not reach the shared cache is not lost: a command run while Redis was out
of its reach, or a web process whose write failed. Every web process compares the two at most
every ``HUB_CACHE_CHECK_SECONDS`` and brings the shared cache up to the database's number.
"""

import contextvars
import logging
import time

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.db.models import BigIntegerField, F, Value
from django.db.models.functions import Greatest

logger = logging.getLogger("hub.cache")  # at most one line a minute (hub/logging.py)

KEY = "hub:generation"
# The number a request read when it started, so one request files everything under one number.
_current = contextvars.ContextVar("hub_generation", default=None)


# A new generation this process could not record (the cache was down): tried again at the
# start of each request until it is, so that no page cached before the change outlives it.
_owed = False
# This process's change that could not be written to the database either.
_unrecorded = False
# When (time.monotonic()) this process last compared the shared cache with the database; a
# process compares them first a check's interval after it starts (every change is written to
# both, so they differ only after a failure).
_checked_at = time.monotonic()


def generation():
    """The current generation (a request's own, once it has read it)."""
    value = _current.get()
    if value is None:
        try:
            value = cache.get(KEY)
            if value is None:
                # The cache is new or was emptied: start a new generation (the next check,
                # ``catch_up``, sets it to the database's number, under which nothing is kept).
                cache.add(KEY, time.time_ns(), timeout=None)
                value = cache.get(KEY)
        except Exception:
            logger.warning("The cache cannot be read: pages are built afresh", exc_info=True)
            value = None
        if value is None:
            # Unreachable: a number nothing was filed under, so nothing old is found.
            value = time.time_ns()
    return value


def start_request():
    """Reads the generation for this request; returns a token for ``end_request``."""
    if _owed or _time_to_check():
        catch_up()
    token = _current.set(None)
    _current.set(generation())
    return token


def end_request(token):
    _current.reset(token)


def advance():
    """A new generation: everything cached so far is forgotten by every process. Written to
    the database, then to the shared cache; returns whether the shared cache took it (if not,
    the web server brings it up to the database's number once it can)."""
    global _unrecorded
    value = _record(time.time_ns())
    _unrecorded = value is None
    return _share(value if value is not None else time.time_ns())


def catch_up():
    """Brings the shared cache up to the database's generation, if a change could not reach
    it (this process's, or another's, such as a command run while Redis was out of reach).

    The database's number only ever rises (``_record``), so the cache is only ever moved up
    to it, never back: the cache is read first, and written only if the database is ahead."""
    global _checked_at, _owed
    _checked_at = time.monotonic()
    try:
        shared = cache.get(KEY)
    except Exception:
        shared = None
    if shared is None:
        # Out of reach (pages are built afresh meanwhile, and nothing is logged again here),
        # or emptied (``generation`` starts a new number): the next check compares again.
        return
    recorded = _recorded()
    if recorded is not None and recorded > shared:
        _share(recorded)
        # A change that committed meanwhile may have shared its number before this write:
        # looked at once more, so the cache is not left behind it until the next check.
        again = _recorded()
        if again is not None and again > recorded:
            _share(again)
    elif _owed and _unrecorded:
        # This process's change reached neither the database nor the cache: a new number.
        _share(max(time.time_ns(), (recorded or 0) + 1))
    else:
        _owed = False  # the cache has this change, or a later one


def _time_to_check():
    seconds = settings.HUB_CACHE_CHECK_SECONDS
    if seconds is None:  # the test settings: only where a test asks
        return False
    return time.monotonic() - _checked_at >= seconds


def _record(value):
    """Writes the generation to the database (one row), after the change has committed, and
    returns the number it holds then (None if it could not): ``value``, or one more than the
    number before if that was higher (another server's clock ahead of this one's)."""
    model = apps.get_model("hub", "CacheGeneration")
    try:
        with transaction.atomic():
            rising = Greatest(F("value") + 1, Value(value, output_field=BigIntegerField()))
            if not model.objects.filter(pk=1).update(value=rising):
                model.objects.get_or_create(pk=1, defaults={"value": value})
            return model.objects.filter(pk=1).values_list("value", flat=True).first()
    except DatabaseError:
        logger.error("A change could not record its cache generation", exc_info=True)
        return None


def _recorded():
    """The database's generation, or None (no change recorded yet, or no database)."""
    model = apps.get_model("hub", "CacheGeneration")
    try:
        return model.objects.filter(pk=1).values_list("value", flat=True).first()
    except DatabaseError:
        logger.warning("The cache generation cannot be read from the database", exc_info=True)
        return None


def _share(value):
    """Sets the shared cache's generation; returns whether it took it."""
    global _owed
    try:
        cache.set(KEY, value, timeout=None)
        # Read back: a cache that hides its errors (Redis with IGNORE_EXCEPTIONS) says nothing.
        _owed = cache.get(KEY) != value
    except Exception:
        _owed = True
    if _owed:
        logger.error(
            "A change could not empty the page cache: it is kept in the database, and the web "
            "server empties the cache once it can be reached again"
        )
    return not _owed


# Entries filed under an old generation are never read again: they go after a day.
REMEMBER_SECONDS = 24 * 60 * 60


# What this process has already read or worked out under the current generation, in its own
# memory: the shared cache is asked once per process and generation, not once per request. A
# new generation (read from the shared cache as each request starts) empties it.
_known = {"generation": None, "values": {}}


def remembered(name, compute, *parts):
    """``compute()``'s value, cached under this generation and ``parts`` (a language, a site...).

    For what every page shows and few things change (navigation, footer, the site's settings):
    computed once per generation instead of once per request, and kept in each process's
    memory too. The value must pickle (plain data or model instances, not querysets), and
    whoever uses it must not change it: every request of the generation shares it."""
    current = generation()
    if _known["generation"] != current:
        _known.update(generation=current, values={})
    key = ":".join(["hub", str(current), name, *map(str, parts)])
    if key in _known["values"]:
        return _known["values"][key]
    try:
        found = cache.get(key)  # (value,), so that a value of None is remembered too
    except Exception:
        logger.warning("The cache cannot be read", exc_info=True)
        return compute()
    if found is None:
        found = (compute(),)
        try:
            cache.set(key, found, REMEMBER_SECONDS)
        except Exception:
            logger.warning("The cache cannot be written", exc_info=True)
    _known["values"][key] = found[0]
    return found[0]


def forget_pages_after_an_upgrade(**kwargs):
    """Every upgrade runs ``migrate`` (docs/deploy.md): its templates and styles are new, so
    pages cached before it, which name the old stylesheet, are forgotten (a post_migrate
    receiver)."""
    advance()
