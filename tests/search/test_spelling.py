"""Search forgives a misspelled word: "did you mean", from the words of live titles and the
synonym groups (trigram similarity on PostgreSQL, edit distance on SQLite)."""

import pytest
from django.db import connection

from guides.factories import GuideIndexPageFactory, GuidePageFactory
from search import spelling
from search.models import SearchSynonym
from tests.helpers.html import titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def guides(home):
    index = GuideIndexPageFactory(parent=home)
    GuidePageFactory(
        parent=index,
        title="Child protection conferences and care proceedings",
        summary_text="What happens, step by step, when children's services are worried.",
    )
    GuidePageFactory(
        parent=index, title="Taking part in meetings", summary_text="How to have your say."
    )
    GuidePageFactory(parent=index, title="Secret adoption plans", live=False)
    return index


@pytest.mark.parametrize("typed", ["conferance", "confrence", "proceedins"])
def test_a_misspelled_word_finds_the_right_guide_first(guides, client, typed):
    assert titles(client, q=typed)[0] == "Child protection conferences and care proceedings"


# PostgreSQL's English stemmer already reads "conferance" as "conference"; these typos it
# does not, so both engines need "did you mean".
@pytest.mark.parametrize(
    ("typed", "meant"), [("confrence", "conferences"), ("proceedins", "proceedings")]
)
def test_a_misspelled_word_says_what_it_searched_for_instead(guides, client, typed, meant):
    html = client.get("/search/", {"q": typed}).content.decode()
    assert f'Did you mean: <a class="govuk-link" href="?q={meant}">{meant}</a>' in html
    assert f"No page has “{typed}”." in html
    assert f"1 result for “{meant}”" in html


def test_a_misspelled_word_in_a_longer_query_is_swapped_and_the_rest_kept(guides, client):
    html = client.get("/search/", {"q": "care proceedins"}).content.decode()
    assert "Did you mean:" in html
    assert 'href="?q=care%20proceedings">care proceedings</a>' in html


def test_a_synonym_word_is_offered_too(guides, client):
    SearchSynonym.objects.create(words="advocate\nsomeone to speak for me")
    GuidePageFactory(
        parent=guides, title="Getting help", summary_text="An advocate can come with you."
    )
    html = client.get("/search/", {"q": "advocite"}).content.decode()
    assert 'href="?q=advocate">advocate</a>' in html
    assert titles(client, q="advocite") == ["Getting help"]


def test_a_word_that_finds_pages_is_never_corrected(guides, client):
    html = client.get("/search/", {"q": "conferences"}).content.decode()
    assert "Did you mean" not in html


def test_nonsense_gets_no_suggestion_and_the_usual_help(guides, client):
    html = client.get("/search/", {"q": "zzzzqqq"}).content.decode()
    assert "Did you mean" not in html
    assert "0 results" in html and "check the spelling" in html


def test_a_word_only_a_draft_uses_is_never_suggested(guides, client):
    html = client.get("/search/", {"q": "adoptoin"}).content.decode()
    assert "Did you mean" not in html
    assert "adoption" not in html


def test_the_suggestion_is_escaped(guides, client):
    html = client.get("/search/", {"q": "<i>confrence"}).content.decode()
    assert "<i>confrence" not in html
    assert "Did you mean" in html


# Typos and the words they are near, in the hub's four languages, with hyphens and capitals.
WORD_PAIRS = [
    ("conferance", "conference"),
    ("proceedins", "proceedings"),
    ("Child", "children"),
    ("co-production", "production"),
    ("zastepcza", "zastępcza"),
    ("Łódź", "lodz"),
    ("cynhadledd", "cynhadleddau"),
    ("کانفرس", "کانفرنس"),
    ("2026", "x1"),
    ("--", "a"),
]


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="compares with PostgreSQL's pg_trgm (CI runs it)"
)
def test_trigram_scores_are_postgresqls_own(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT similarity(a, b) FROM unnest(%s::text[], %s::text[]) AS pair(a, b)",
            [[a for a, _b in WORD_PAIRS], [b for _a, b in WORD_PAIRS]],
        )
        theirs = [row[0] for row in cursor.fetchall()]
    ours = [spelling.trigram_similarity(a, b) for a, b in WORD_PAIRS]
    assert ours == pytest.approx(theirs, abs=1e-6)
