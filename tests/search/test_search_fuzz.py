"""Whatever a reader types, the search page answers with a page: never a 500, never their
markup echoed back."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guides.factories import GuideIndexPageFactory, GuidePageFactory

pytestmark = pytest.mark.django_db

# Markup a reader might paste: it must come back escaped, never as markup.
MARKUP = '<b id="echo">'
# Text with the characters search engines treat specially mixed in.
OPERATORS = st.sampled_from(
    ['"', "(", ")", "*", "AND", "OR", "NOT", "NEAR(", "%", "-", ":", "^", "'", "\\", "\x00", MARKUP]
)
QUERIES = st.lists(st.one_of(st.text(max_size=30), OPERATORS), max_size=12).map(" ".join)


@pytest.fixture
def guides(home):
    index = GuideIndexPageFactory(parent=home)
    GuidePageFactory(parent=index, title="Care proceedings", summary_text="Court and judges.")
    return index


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    query=QUERIES, page=st.one_of(st.none(), st.text(max_size=6), st.integers(-5, 10**9).map(str))
)
def test_any_query_and_page_number_answer_with_a_page(guides, client, query, page):
    params = {"q": query} if page is None else {"q": query, "page": page}
    response = client.get("/search/", params)
    assert response.status_code == 200
    assert MARKUP not in response.content.decode()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=QUERIES)
def test_suggestions_answer_any_query_with_json(guides, client, query):
    response = client.get("/search/suggest/", {"q": query})
    assert response.status_code == 200
    assert "suggestions" in response.json()
