"""What every page shares (menu, footer, settings) is worked out once per change, read from the
shared cache once per process, and forgotten by every process when something changes."""

import io

import pytest
from django.core.cache import cache

from hub.caching import generation


def test_a_process_works_a_value_out_once_and_then_keeps_it_in_its_own_memory(monkeypatch):
    worked_out = []
    first = generation.remembered("answer", lambda: worked_out.append(1) or {"n": 1}, "en")

    reads = []
    real_get = cache.get
    monkeypatch.setattr(cache, "get", lambda key, *args: reads.append(key) or real_get(key, *args))
    again = generation.remembered("answer", lambda: worked_out.append(1) or {"n": 1}, "en")

    assert again is first
    assert worked_out == [1]
    assert not [key for key in reads if "answer" in key]  # not even asked of the shared cache


def test_another_process_finds_it_in_the_shared_cache():
    generation.remembered("answer", lambda: {"n": 1}, "en")
    generation._known.update(generation=None, values={})  # as a fresh worker starts

    found = generation.remembered("answer", lambda: {"n": 2}, "en")

    assert found == {"n": 1}


@pytest.mark.django_db  # a change's generation is written to the database too
def test_a_change_makes_every_process_work_it_out_again():
    generation.remembered("answer", lambda: {"n": 1}, "en")

    generation.advance()  # what a publish does once it is committed, in any process

    assert generation.remembered("answer", lambda: {"n": 2}, "en") == {"n": 2}


def test_each_language_has_its_own_value():
    generation.remembered("answer", lambda: "English", "en")

    assert generation.remembered("answer", lambda: "Cymraeg", "cy") == "Cymraeg"


@pytest.mark.django_db  # a change's generation is written to the database too
def test_an_operator_can_make_every_process_forget_what_it_cached():
    from django.core.management import call_command

    before = generation.generation()
    out = io.StringIO()
    call_command("clear_page_cache", stdout=out)
    assert generation.generation() != before
    assert "Every cached page is forgotten" in out.getvalue()


@pytest.mark.django_db  # a change's generation is written to the database too
def test_clearing_the_cache_while_it_cannot_be_reached_says_so(monkeypatch):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    def unreachable(*args, **kwargs):
        raise ConnectionError("the cache cannot be reached")

    monkeypatch.setattr(generation.cache, "set", unreachable)
    with pytest.raises(CommandError, match="nothing was forgotten yet"):
        call_command("clear_page_cache")
    monkeypatch.setattr(generation, "_owed", False)
