"""A change is never lost to a cache that could not be reached: its generation is written to
the database too, and every web process brings the shared cache up to it, at most
HUB_CACHE_CHECK_SECONDS after the cache is back (tests/deploy/test_with_redis.py shows it with
gunicorn, Redis and a command that could not reach it)."""

import time

import pytest
from django.core.cache import cache

from hub.caching import generation
from hub.caching.models import CacheGeneration

pytestmark = pytest.mark.django_db


def as_a_request_starts():
    generation.end_request(generation.start_request())
    return generation.generation()


@pytest.fixture
def cache_out_of_reach(monkeypatch):
    """The shared cache refuses writes until the test calls the fixture's result."""

    def unreachable(*args, **kwargs):
        raise ConnectionError("the cache cannot be reached")

    monkeypatch.setattr(generation.cache, "set", unreachable)

    def back():
        monkeypatch.undo()
        # Another process than the one that failed: it owes nothing of its own.
        generation._owed = False

    yield back
    generation._owed = False


def test_a_change_is_written_to_the_database_as_well_as_the_cache():
    generation.advance()

    assert CacheGeneration.objects.get().value == cache.get(generation.KEY)


def test_a_change_the_cache_missed_is_applied_at_the_next_check(cache_out_of_reach, settings):
    before = as_a_request_starts()
    assert not generation.advance()  # a command, say, while Redis was out of its reach
    cache_out_of_reach()
    assert as_a_request_starts() == before  # checks only where a test asks (test settings)

    settings.HUB_CACHE_CHECK_SECONDS = 0
    after = as_a_request_starts()

    assert after != before
    assert after == CacheGeneration.objects.get().value


def test_a_process_checks_once_per_interval_not_once_per_request(
    settings, django_assert_num_queries, monkeypatch
):
    generation.advance()
    settings.HUB_CACHE_CHECK_SECONDS = 10
    monkeypatch.setattr(generation, "_checked_at", time.monotonic())
    with django_assert_num_queries(0):
        as_a_request_starts()
        as_a_request_starts()

    monkeypatch.setattr(generation, "_checked_at", time.monotonic() - 11)
    with django_assert_num_queries(1):
        as_a_request_starts()
        as_a_request_starts()


def test_a_check_while_the_cache_cannot_be_read_leaves_it_alone(monkeypatch, caplog):
    """Redis down, and no change waiting: nothing is written, and no error is logged every
    few seconds saying a change could not empty the cache."""
    generation.advance()
    written = []
    monkeypatch.setattr(generation.cache, "get", lambda *args, **kwargs: None)  # a miss
    monkeypatch.setattr(generation.cache, "set", lambda *args, **kwargs: written.append(args))

    generation.catch_up()

    assert written == []
    assert not [record for record in caplog.records if record.levelname == "ERROR"]


def test_the_cache_is_only_ever_moved_forward_to_the_databases_number(settings):
    """A check that read the database just before another change landed must not put the
    cache back to the older number (pages cached before that change would come back)."""
    generation.advance()
    newer = CacheGeneration.objects.get().value + 1000
    cache.set(generation.KEY, newer)  # the cache already has a later change's number

    generation.catch_up()

    assert cache.get(generation.KEY) == newer


def test_the_databases_number_rises_even_if_this_servers_clock_is_behind():
    generation.advance()
    ahead = CacheGeneration.objects.get().value + 10**12  # another server, a quarter-hour ahead
    CacheGeneration.objects.update(value=ahead)

    generation.advance()

    assert CacheGeneration.objects.get().value == ahead + 1 == cache.get(generation.KEY)
