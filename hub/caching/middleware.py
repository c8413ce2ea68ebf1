"""Whole pages for readers who are not signed in, from the shared cache.

Django's cache middleware, in its two halves (``FetchFromCacheMiddleware`` and
``UpdateCacheMiddleware``), with one change: its key prefix carries the generation
(``hub.caching.generation``), so a publish empties it everywhere at once. wagtail-cache would
have been the first choice, but its newest release (3.0) requires Wagtail older than 8.

A page is cached only when nothing in it can belong to one reader:
- the request is a GET or HEAD with no session cookie (nobody signed in, no preview, no
  password entered for a restricted page) and not for the admin, files or the health check;
- the response is a 200 that sets no cookie, does not vary on Cookie (it did not touch the
  session or a CSRF token: a page's password form does both) and does not say it is private.

The language comes from the address alone (``/cy/...``), so the key holds the language and
``Vary: Accept-Language`` is dropped: a Welsh reader gets the Welsh page, and a CDN keeps one
copy per address. Cacheable responses say ``public`` with ``max-age`` for browsers (0 by default:
a browser asks again each time and gets a small 304 while the page is unchanged, so a reader who
looked a minute ago still sees an approval at once) and a longer ``s-maxage`` for a CDN, which
is told to forget addresses when they change (``hub.caching.frontend``); every other response
says ``private``.

A page that changes by itself at a known moment (an event ends: its page says it has finished,
and it leaves the lists of events to come) says so while it is built (``fresh_until``), and no
cache, the hub's, a CDN's or a browser's, keeps it beyond that moment.
"""

import logging
import math

from django.conf import settings
from django.core.cache import caches
from django.http.request import split_domain_port
from django.utils import timezone
from django.utils.cache import (
    cc_delim_re,
    get_cache_key,
    has_vary_header,
    learn_cache_key,
    patch_cache_control,
)
from django.utils.deprecation import MiddlewareMixin
from wagtail.models import Site

from hub.caching import generation

logger = logging.getLogger("hub.cache")

NOT_PAGES = ("/admin/", "/documents/", "/review-sign-in/", "/healthz", settings.MEDIA_URL)


def page_cache_seconds():
    return settings.HUB_PAGE_CACHE_SECONDS


def fresh_until(request, *moments):
    """The answer being built changes by itself at the first of ``moments`` (None for none),
    with nothing published (an event it shows ends, and moves to the past): no cache keeps it
    beyond then. Called by the pages and views that show such things, while they build it."""
    kept = [getattr(request, "_hub_fresh_until", None), *moments]
    request._hub_fresh_until = min((m for m in kept if m is not None), default=None)


def seconds_left(request, seconds):
    """``seconds``, or fewer if the answer goes stale sooner (``fresh_until``)."""
    until = getattr(request, "_hub_fresh_until", None)
    if until is None:
        return seconds
    return max(0, min(seconds, math.ceil((until - timezone.now()).total_seconds())))


def may_come_from_cache(request):
    """Could anyone else be given this request's answer?"""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(NOT_PAGES)
    )


def is_shareable(request, response):
    """Is this response the same for everyone who asks for it?"""
    cache_control = response.get("Cache-Control", "").lower()
    return (
        getattr(request, "_hub_shareable_request", False)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not has_vary_header(response, "Cookie")
        and not has_vary_header(response, "*")
        and not any(word in cache_control for word in ("private", "no-cache", "no-store"))
        and not getattr(request, "is_preview", False)
    )


def drop_vary(response, header):
    if not response.has_header("Vary"):
        return
    kept = [v for v in cc_delim_re.split(response["Vary"]) if v.lower() != header.lower()]
    if kept:
        response["Vary"] = ", ".join(kept)
    else:
        del response["Vary"]


def shared_seconds(request):
    """How long a CDN may keep the answer. Addresses with a query (search, page 2, filters)
    cannot all be named when something changes, so a CDN does not keep them: the hub's own
    cache does, and forgets them at once."""
    if request.META.get("QUERY_STRING"):
        return 0
    return settings.HUB_CDN_CACHE_SECONDS


def remember_site(request):
    """The request's Wagtail site, found once per host name and change instead of once per
    request (Wagtail's ``Site.find_for_request`` keeps it on the request)."""
    hostname = split_domain_port(request._get_raw_host())[0]
    request._wagtail_site = generation.remembered(
        "site", lambda: Site._find_for_request(request), hostname, request.get_port()
    )


class FetchPageFromCache(MiddlewareMixin):
    """The first half: answers from the cache. Goes after LocaleMiddleware (the key holds the
    reader's language), as late as it can."""

    def process_request(self, request):
        request._hub_generation_token = generation.start_request()
        remember_site(request)
        request._hub_shareable_request = may_come_from_cache(request)
        if not (request._hub_shareable_request and page_cache_seconds()):
            return None
        request._hub_page_cache_prefix = (
            f"{settings.CACHE_MIDDLEWARE_KEY_PREFIX}{generation.generation()}"
        )
        cache = caches[settings.CACHE_MIDDLEWARE_ALIAS]
        response = None
        try:
            for method in dict.fromkeys(("GET", request.method)):
                key = get_cache_key(request, request._hub_page_cache_prefix, method, cache=cache)
                if key is not None:
                    response = cache.get(key)
                if response is not None:
                    break
        except Exception:
            logger.warning("The cache cannot be read: pages are built afresh", exc_info=True)
            request._hub_page_cache_prefix = None  # nor written, this time
        if response is None:
            return None
        request._hub_from_cache = True
        # Kept with the page: a CDN is told how long it has left, not how long it had.
        fresh_until(request, getattr(response, "_hub_fresh_until", None))
        response["X-Hub-Cache"] = "hit"
        return response

    def process_response(self, request, response):
        token = getattr(request, "_hub_generation_token", None)
        if token is not None:
            generation.end_request(token)
        return response


class UpdatePageCache(MiddlewareMixin):
    """The second half: keeps what can be shared and says who may keep it. Goes before every
    middleware that adds to Vary (sessions, locale), so it sees the response as sent."""

    def process_response(self, request, response):
        if not is_shareable(request, response):
            if "Cache-Control" not in response:
                patch_cache_control(response, private=True)
            return response
        drop_vary(response, "Accept-Language")
        if response.has_header("Expires"):
            del response["Expires"]
        patch_cache_control(
            response,
            public=True,
            max_age=seconds_left(request, settings.HUB_BROWSER_CACHE_SECONDS),
            s_maxage=seconds_left(request, shared_seconds(request)),
        )
        if getattr(request, "_hub_from_cache", False):
            return response
        prefix = getattr(request, "_hub_page_cache_prefix", None)
        seconds = seconds_left(request, page_cache_seconds())
        if prefix is not None and seconds:
            response.setdefault("X-Hub-Cache", "miss")
            response._hub_fresh_until = getattr(request, "_hub_fresh_until", None)
            self.keep(request, response, prefix, seconds)
        return response

    def keep(self, request, response, prefix, seconds):
        cache = caches[settings.CACHE_MIDDLEWARE_ALIAS]

        def store(rendered):
            try:
                key = learn_cache_key(request, rendered, seconds, prefix, cache=cache)
                cache.set(key, rendered, seconds)
            except Exception:
                logger.warning("The cache cannot be written", exc_info=True)

        if callable(getattr(response, "render", None)):
            response.add_post_render_callback(store)
        else:
            store(response)
