"""Searching the demo hub as parents do: everyday words for what they need, and in their own
language. (Its own module: the demo, once in, stays for the module's other tests.)"""

import pytest

from tests.helpers.html import titles

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("words", ["wheelchair", "creche", "hearing aid"])
def test_in_the_demo_everyday_words_for_access_needs_find_events(demo, client, words):
    found = titles(client, q=words, type="events")
    assert found, f"no event found for {words!r}"


def test_no_results_never_offers_a_welsh_reader_english_topics(demo, client):
    """The demo's best bets are English pages, found by English words."""
    from bs4 import BeautifulSoup

    def topics(path):
        soup = BeautifulSoup(client.get(path, {"q": "zzyzx"}).content, "html.parser")
        return [a.get_text() for a in soup.select('main a[href^="?q="]')]

    assert topics("/search/")  # "court", "advocate"...
    assert topics("/cy/search/") == []
