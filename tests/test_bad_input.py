"""Whatever a browser, a crawler or an attacker sends to a public address, the hub answers
with a page, a redirect, a 400 or a 404: never a 500.

Hypothesis walks every public URL pattern (hub/urls.py, events/urls.py and the page tree,
in each language) with generated path segments and query strings: huge and negative ids,
overlong text, odd Unicode, bytes that are not UTF-8, NUL bytes.
"""

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from events.factories import EventIndexPageFactory, EventPageFactory
from guides.factories import GuideIndexPageFactory, GuidePageFactory
from stories.factories import StoryIndexPageFactory, StoryPageFactory

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"

# Every public pattern, with {} where a generated path segment goes.
PATTERNS = [
    "/{}",
    "/{}/",
    "/guides/{}/",
    "/guides/care-proceedings/{}/",
    "/cy/{}/",
    "/{}/guides/",
    "/calendar/event-{}.ics",
    "/calendar/{}",
    "/calendar/upcoming.ics",
    "/tags/{}/",
    "/cy/tags/{}/",
    "/search/",
    "/search/suggest/",
    "/sitemap.xml",
    "/robots.txt",
    "/favicon.ico",
    "/media/{}",
    "/media/original_images/{}",
    "/media/images/{}",
    "/documents/{}/{}",
    "/documents/{}/leaflet.pdf",
    "/documents/authenticate_with_password/{}/",
    "/_util/authenticate_with_password/{}/{}/",
    "/_util/login/",
]

INTEGERS = st.integers(min_value=-(10**30), max_value=10**30).map(str)
ODD_TEXT = st.sampled_from(
    ["", "0", "-1", HUGE, "\x00", "a\x00b", "..", "../..", "%", "\u202e", "\ufeff", "ﷺ", "🙂"]
)
SEGMENTS = st.one_of(
    INTEGERS,
    ODD_TEXT.map(lambda text: quote(text, safe="")),
    st.text(max_size=40).map(lambda text: quote(text, safe="")),
    # Bytes that are not UTF-8, as a broken client or a scanner sends them.
    st.binary(max_size=12).map(lambda raw: quote(raw, safe="")),
    st.integers(min_value=200, max_value=5000).map(lambda n: "a" * n),
)
PARAMETERS = st.sampled_from(["q", "page", "p", "type", "tag", "lang", "next", "utm_source"])
VALUES = st.one_of(
    INTEGERS,
    ODD_TEXT,
    st.text(max_size=60),
    st.integers(min_value=1000, max_value=20000).map(lambda n: "court " * (n // 6)),
)
QUERIES = st.dictionaries(PARAMETERS, VALUES, max_size=4)
RAW_QUERIES = st.binary(max_size=40).map(lambda raw: quote(raw, safe="=&"))


def encode(query):
    return "&".join(
        f"{quote(key, safe='')}={quote(value.encode('utf-8', 'surrogatepass'), safe='')}"
        for key, value in query.items()
    )


@pytest.fixture
def site(home):
    """A page of each listed kind, with a topic, so that every pattern has something real."""
    guides = GuideIndexPageFactory(parent=home, title="Guides", slug="guides")
    guide = GuidePageFactory(parent=guides, title="Care proceedings", slug="care-proceedings")
    guide.tags.add("court")
    guide.save()
    events = EventIndexPageFactory(parent=home)
    EventPageFactory(parent=events)
    StoryPageFactory(parent=StoryIndexPageFactory(parent=home))
    return home


@settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    pattern=st.sampled_from(PATTERNS),
    segments=st.lists(SEGMENTS, min_size=2, max_size=2),
    query=st.one_of(QUERIES.map(encode), RAW_QUERIES),
)
@example(pattern="/calendar/event-{}.ics", segments=[HUGE, ""], query="")
@example(pattern="/documents/{}/{}", segments=[HUGE, "x.pdf"], query="")
@example(pattern="/_util/authenticate_with_password/{}/{}/", segments=[HUGE, HUGE], query="")
@example(pattern="/{}/", segments=["a%00b", ""], query="")
@example(pattern="/search/", segments=["", ""], query="q=court&tag=a%00b&page=-1")
@example(pattern="/tags/{}/", segments=["court", ""], query="page=" + HUGE)
def test_any_public_address_answers_without_a_server_error(site, client, pattern, segments, query):
    path = pattern.format(*segments)
    response = client.get(f"{path}?{query}" if query else path)
    assert response.status_code < 500, path


def test_an_event_calendar_file_with_an_id_too_big_for_the_database_is_not_found(site, client):
    response = client.get(f"/calendar/event-{HUGE}.ics")
    assert response.status_code == 404


def test_a_document_with_an_id_too_big_for_the_database_is_not_found(site, client):
    response = client.get(f"/documents/{HUGE}/leaflet.pdf")
    assert response.status_code == 404


def test_a_page_address_with_a_nul_byte_is_a_bad_request(site, client):
    response = client.get("/guides/care%00proceedings/")
    assert response.status_code == 400
    assert "There is a problem with this web address" in response.content.decode()


@pytest.mark.parametrize("debug", [False, True], ids=["production", "development"])
def test_a_query_with_more_values_than_django_reads_is_a_bad_request(site, client, request, debug):
    # In development too: Django's debug page read the query again, and failed with a 500.
    request.getfixturevalue("settings").DEBUG = debug
    too_many = "&".join(f"access=x{number}" for number in range(1500))
    for address in ("/events/", "/search/"):
        response = client.get(f"{address}?{too_many}")
        assert response.status_code == 400, address
        assert "There is a problem with this web address" in response.content.decode()


def test_a_nul_byte_in_a_search_filter_is_dropped(site, client):
    response = client.get("/search/", {"q": "care\x00", "tag": "co\x00urt"})
    assert response.status_code == 200
    assert 'href="/guides/care-proceedings/"' in response.content.decode()


def test_a_search_for_a_whole_book_is_answered_with_the_first_words(site, client):
    response = client.get("/search/", {"q": "care proceedings " * 2000})
    assert response.status_code == 200
    assert 'href="/guides/care-proceedings/"' in response.content.decode()


def test_a_topic_page_number_past_the_end_shows_the_last_page(site, client):
    response = client.get("/tags/court/", {"page": HUGE})
    assert response.status_code == 200
    assert "Care proceedings" in response.content.decode()
