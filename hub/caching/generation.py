"""The generation: one number in the shared cache that everything cached is filed under.

A change the public can see (``hub.caching.changes``) gives it a new value once the change is
committed, so every worker and process stops finding what was cached before at once; old
entries are never read again and expire on their own. A request reads the number once, when it
starts, and files what it renders under that number: a page built while a publish commits is
filed under the old number, so it can never be served as new.
"""

import contextvars
import logging
import time

from django.core.cache import cache

logger = logging.getLogger("hub.cache")  # at most one line a minute (hub/logging.py)

KEY = "hub:generation"
# The number a request read when it started, so one request files everything under one number.
_current = contextvars.ContextVar("hub_generation", default=None)


# A new generation this process could not record (the cache was down): tried again at the
# start of each request until it is, so that no page cached before the change outlives it.
_owed = False


def generation():
    """The current generation (a request's own, once it has read it)."""
    value = _current.get()
    if value is None:
        try:
            value = cache.get(KEY)
            if value is None:
                # The cache is new or was emptied: start a new generation.
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
    if _owed:
        advance()
    token = _current.set(None)
    _current.set(generation())
    return token


def end_request(token):
    _current.reset(token)


def advance():
    """A new generation: everything cached so far is forgotten by every process. Returns
    whether the cache recorded it."""
    global _owed
    value = time.time_ns()
    try:
        cache.set(KEY, value, timeout=None)
        # Read back: a cache that hides its errors (Redis with IGNORE_EXCEPTIONS) says nothing.
        _owed = cache.get(KEY) != value
    except Exception:
        _owed = True
    if _owed:
        logger.error(
            "A change could not empty the page cache: the web server tries again at each "
            "request; after a command, run 'manage.py clear_page_cache' once the cache is back"
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
