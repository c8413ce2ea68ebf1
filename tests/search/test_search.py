"""Search finds the right page first: question words, plurals, synonyms, tiers, any-word
fallback."""

import pytest
from wagtail.models import PageViewRestriction

from guides.factories import GuideIndexPageFactory, GuidePageFactory
from search import ranking, views
from tests.helpers.html import titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def guides(home):
    index = GuideIndexPageFactory(parent=home)
    GuidePageFactory(parent=index, title="Care proceedings", summary_text="What happens in court.")
    GuidePageFactory(parent=index, title="Secret draft about court", live=False)
    return index


def test_search_finds_live_pages_and_never_drafts(guides, client):
    html = client.get("/search/", {"q": "court"}).content.decode()
    assert "Care proceedings" in html
    assert "Secret draft" not in html


def test_each_result_says_what_kind_of_page_it_is(guides, client):
    html = client.get("/search/", {"q": "care proceedings"}).content.decode()
    assert '<p class="govuk-caption-m govuk-!-margin-bottom-1">Guide</p>' in html


def test_a_search_with_no_results_helps_the_reader_on(guides, client):
    html = client.get("/search/", {"q": "zzzzqqq"}).content.decode()
    assert "0 results" in html
    assert "check the spelling" in html


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "x" * 5000,
        '"unbalanced',
        "(((",
        "AND OR NOT",
        "*",
        "NEAR(",
        "%",
        "😀",
        "court\x00",
        "'; DROP TABLE wagtailcore_page; --",
    ],
)
def test_any_query_answers_with_a_page(guides, client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200


def test_markup_in_a_query_is_escaped_not_reflected(guides, client):
    html = client.get("/search/", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize("number", ["abc", "0", "-5", "99999", ""])
def test_bad_page_numbers_answer_with_a_page(guides, client, number):
    assert client.get("/search/", {"q": "court", "page": number}).status_code == 200


def test_every_match_can_be_reached_page_by_page_past_the_best_ones(home, client, monkeypatch):
    """The best matches are put in tiers; the others follow, newest first, on later pages."""
    monkeypatch.setattr(views, "RESULTS_PER_PAGE", 2)
    monkeypatch.setattr(views, "RERANKED", 2)
    monkeypatch.setattr(ranking, "CANDIDATES", 3)
    index = GuideIndexPageFactory(parent=home)
    made = [GuidePageFactory(parent=index, title=f"Court guide {n}").title for n in range(7)]
    assert "7 results" in client.get("/search/", {"q": "court"}).content.decode()
    shown = [title for page in range(1, 5) for title in titles(client, q="court", page=page)]
    assert sorted(shown) == sorted(made)


def test_the_count_is_of_the_pages_the_reader_may_see_past_the_best_ones(home, client, monkeypatch):
    """More matches than the best ones put in tiers, among them pages the public may not see:
    the count and the pages are those the reader may open, on either engine's path."""
    monkeypatch.setattr(views, "RESULTS_PER_PAGE", 2)
    monkeypatch.setattr(views, "RERANKED", 2)
    monkeypatch.setattr(ranking, "CANDIDATES", 3)
    monkeypatch.setattr(ranking, "RANKED", 3)
    index = GuideIndexPageFactory(parent=home)
    made = [GuidePageFactory(parent=index, title=f"Court guide {n}").title for n in range(5)]
    GuidePageFactory(parent=index, title="Court draft", live=False)
    private = GuidePageFactory(parent=index, title="Court members only")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    html = client.get("/search/", {"q": "court"}).content.decode()
    assert "5 results" in html
    shown = [title for page in range(1, 4) for title in titles(client, q="court", page=page)]
    assert sorted(shown) == sorted(made)
