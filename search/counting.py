"""Counting what readers search for (the admin's search terms report), with no database write
while a reader waits.

``CountSearches`` counts each first page of results before the page cache can answer, so a
search answered from the cache counts too. With Redis as the cache, a count is one command
(``HINCRBY``) in a hash per day; ``manage.py flush_search_counts`` (every few minutes from
cron, and whenever the report is opened) moves the counts into Wagtail's search terms tables.
Without Redis there is no page cache either, and the count is written at once.

Only the words are counted (search.query.search_terms), and never a query that looks like it
holds someone's details.
"""

import datetime
import logging
import re
import uuid

from django.core.cache import cache, caches
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django_redis import get_redis_connection
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import RedisError
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from hub.caching.redis_client import rest
from hub.translation.reader import reader_language
from search.query import clean_query, search_terms

# A query that looks like it holds someone's details is answered but never counted.
PERSONAL = re.compile(
    r"@|\d{5,}|\b[a-z]{1,2}\d[a-z\d]?\s*\d[a-z]{2}\b",  # emails, long numbers, UK postcodes
    re.IGNORECASE,
)
# Counts not yet moved to the database are kept this long (if cron has stopped, say).
KEEP_SECONDS = 14 * 24 * 60 * 60


def redis():
    """The Redis connection behind the cache, or None when the cache is not Redis."""
    if not caches["default"].__class__.__module__.startswith("django_redis"):
        return None
    return get_redis_connection("default")


def day_key(day):
    return cache.make_key(f"search-counts:{day.isoformat()}")


def looks_personal(query):
    """Does the query look as if it holds someone's details: an email address, a phone
    number, a postcode, or a name (two words in a row that begin with a capital, "Jo Smith")?
    A title typed in capitals ("Care Proceedings") is left uncounted too: better a term
    missing from the report than a name in it."""
    if PERSONAL.search(query):
        return True
    words = query.split()
    titled = [len(w) > 1 and w[0].isupper() and w[1:].islower() for w in words]
    return any(a and b for a, b in zip(titled, titled[1:], strict=False))


def count(query):
    """Counts one search for ``query`` (as typed), today."""
    terms = search_terms(clean_query(query), reader_language())
    if not terms or looks_personal(query):
        return
    try:
        connection = redis()
        if connection is None:
            Query.get(terms).add_hit()
            return
        key = day_key(timezone.localdate())
        with connection.pipeline() as pipe:
            pipe.hincrby(key, terms, 1)
            pipe.expire(key, KEEP_SECONDS)
            pipe.execute()
    except (RedisError, ConnectionInterrupted) as error:
        # The reader's results matter more than the count; hub.logging says it once a minute.
        # A Redis that failed is left alone for a while (hub/caching/redis_client.py).
        if isinstance(error, RedisError):
            rest()
        logging.getLogger("hub.cache").warning("search not counted", exc_info=error)


def flush():
    """Moves every count kept in Redis into the search terms tables; returns how many
    searches were moved. Safe to run from several places at once: each day's counts are
    renamed away before they are read, so no count is moved twice."""
    connection = redis()
    if connection is None:
        return 0
    moved = 0
    for key in connection.scan_iter(match=day_key(datetime.date.min).replace("0001-01-01", "*")):
        key = key.decode() if isinstance(key, bytes) else key
        day = datetime.date.fromisoformat(key.rsplit(":", 1)[1])
        taken = f"{key}:moving:{uuid.uuid4().hex}"
        try:
            connection.rename(key, taken)
        except Exception:  # noqa: BLE001 - gone already: another flush took it
            continue
        counts = {
            (terms.decode() if isinstance(terms, bytes) else terms): int(hits)
            for terms, hits in connection.hgetall(taken).items()
        }
        try:
            with transaction.atomic():
                for terms, hits in counts.items():
                    add_hits(terms, day, hits)
        except Exception:
            # Put them back for the next run, then say what went wrong.
            with connection.pipeline() as pipe:
                for terms, hits in counts.items():
                    pipe.hincrby(key, terms, hits)
                pipe.expire(key, KEEP_SECONDS)
                pipe.execute()
            connection.delete(taken)
            raise
        connection.delete(taken)
        moved += sum(counts.values())
    return moved


def add_hits(terms, day, hits):
    query = Query.get(terms)
    daily, _created = QueryDailyHits.objects.get_or_create(query=query, date=day)
    QueryDailyHits.objects.filter(pk=daily.pk).update(hits=F("hits") + hits)


class CountSearches:
    """Counts first pages of search results, before the page cache answers (it goes just
    before FetchPageFromCache, after LocaleMiddleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method == "GET"
            and request.GET.get("q")
            and request.GET.get("page", "1") in ("", "1")
            and request.path == reverse("search")
        ):
            count(request.GET["q"])
        return self.get_response(request)
