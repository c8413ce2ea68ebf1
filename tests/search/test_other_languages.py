"""A query in another hub language that finds nothing here offers that language's results:
"This may be in Polish: see results in Polish", in the reader's language and in that one."""

import re
from html import unescape

import pytest

from guides.factories import GuideIndexPageFactory, GuidePageFactory
from tests.helpers.html import titles
from tests.helpers.translation import publish_translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide(home):
    index = GuideIndexPageFactory(parent=home)
    guide = GuidePageFactory(
        parent=index, title="Care proceedings", summary_text="What happens in court."
    )
    publish_translation(index, "pl")
    publish_translation(
        guide,
        "pl",
        {
            "Care proceedings": "Postępowanie sądowe",
            "What happens in court.": "Co dzieje się w sądzie.",
        },
    )
    publish_translation(index, "cy")
    publish_translation(
        guide,
        "cy",
        {
            "Care proceedings": "Achosion gofal",
            "What happens in court.": "Beth sy'n digwydd yn y llys.",
        },
    )
    return guide


def offer(html):
    found = re.search(r'<div class="govuk-inset-text app-other-language">(.*?)</div>', html, re.S)
    return found and unescape(found[1])


def test_a_polish_query_on_the_english_hub_offers_the_polish_results(guide, client):
    html = client.get("/search/", {"q": "postępowanie sądowe"}).content.decode()
    assert "0 results" in html
    found = offer(html)
    assert "This may be in Polish:" in found
    assert (
        '<a class="govuk-link" href="/pl/search/?q=post%C4%99powanie+s%C4%85dowe" '
        'hreflang="pl" data-hub-private-search>see results in Polish</a>' in found
    )
    # Said in Polish too, for a reader who reads Polish better.
    assert (
        '<p class="govuk-body govuk-!-margin-bottom-0" lang="pl" dir="ltr">'
        "To może być w tym języku: polski." in found
    )
    # The link leads to those results.
    assert titles(client, "/pl/search/", q="postępowanie sądowe") == ["Postępowanie sądowe"]


def test_a_welsh_query_on_the_english_hub_offers_the_welsh_results(guide, client):
    found = offer(client.get("/search/", {"q": "achosion gofal"}).content.decode())
    assert "This may be in Welsh:" in found
    assert 'href="/cy/search/?q=achosion+gofal" hreflang="cy"' in found


def test_an_english_query_on_the_polish_hub_offers_english_in_polish(guide, client):
    found = offer(client.get("/pl/search/", {"q": "care proceedings"}).content.decode())
    assert 'href="/search/?q=care+proceedings" hreflang="en"' in found
    assert "zobacz wyniki (angielski)" in found
    assert "see results in English" in found


def test_an_english_query_finding_one_untranslated_page_here_offers_the_english_results(
    guide, home, client
):
    """Found in a reader's walk: "social worker" on the Polish hub found one English page that
    has no Polish version, and the offer of English, which has more, was not made."""
    from home.factories import StandardPageFactory

    StandardPageFactory(parent=home, title="Accessibility", intro="Court papers in large print.")
    for title, polish in (("Court dates", "Terminy"), ("Court reports", "Raporty")):
        english = GuidePageFactory(parent=guide.get_parent(), title=title, summary_text="Court.")
        publish_translation(english, "pl", {title: polish, "Court.": "Sąd."})
    html = client.get("/pl/search/", {"q": "court"}).content.decode()
    assert titles(client, "/pl/search/", q="court") == ["Accessibility"]
    assert 'href="/search/?q=court" hreflang="en"' in offer(html)


def test_no_offer_when_the_query_finds_pages_here_or_nowhere(guide, client):
    assert offer(client.get("/search/", {"q": "care proceedings"}).content.decode()) is None
    assert offer(client.get("/search/", {"q": "zzzqqq"}).content.decode()) is None


def test_only_live_pages_in_the_other_language_count(guide, client):
    GuidePageFactory(parent=guide.get_parent(), title="Tajny projekt", live=False)
    assert offer(client.get("/search/", {"q": "tajny projekt"}).content.decode()) is None


def test_the_offer_works_with_a_search_engine_outside_the_database(guide, client, monkeypatch):
    """With Elasticsearch, pages are filtered by the fields they are indexed with (the locale),
    not by joins (here Wagtail's database backend stands in for it, through the same code)."""
    from search import ranking, views

    monkeypatch.setattr(ranking, "ranks_in_sql", lambda: False)
    monkeypatch.setattr(views, "uses_database_search", lambda: False)
    html = client.get("/search/", {"q": "postępowanie sądowe"}).content.decode()
    assert "0 results" in html
    assert 'href="/pl/search/?q=post%C4%99powanie+s%C4%85dowe" hreflang="pl"' in offer(html)
    assert titles(client, q="care proceedings") == ["Care proceedings"]
