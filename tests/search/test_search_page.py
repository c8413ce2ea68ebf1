"""Finding help fast: the right page first, filters, best bets, highlighting, suggestions,
and a helpful page when nothing matches."""

import datetime
import re

import pytest
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from events.factories import EventIndexPageFactory, EventPageFactory
from guides.factories import GuideIndexPageFactory, GuidePageFactory
from hub.models import HubSettings
from search.models import SearchSynonym
from stories.factories import StoryIndexPageFactory, StoryPageFactory
from tests.helpers.html import titles
from tests.helpers.workflow import submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(home):
    guides = GuideIndexPageFactory(parent=home)
    events = EventIndexPageFactory(parent=home)
    stories = StoryIndexPageFactory(parent=home)
    now = timezone.now()
    pages = {
        "guide": GuidePageFactory(
            parent=guides,
            title="Care proceedings in court",
            summary_text="What happens when a judge decides where your child lives.",
        ),
        "story": StoryPageFactory(
            parent=stories,
            title="A leaflet about court",
            said_summary="Parents wanted to know what happens in court.",
        ),
        "past": EventPageFactory(
            parent=events,
            title="Court questions evening",
            start=now - datetime.timedelta(days=30),
            end=now - datetime.timedelta(days=30, hours=-2),
        ),
        "upcoming": EventPageFactory(
            parent=events,
            title="Drop-in about court",
            start=now + datetime.timedelta(days=7),
            end=now + datetime.timedelta(days=7, hours=2),
        ),
    }
    pages["story"].tags.add("court")
    pages["story"].save_revision().publish()
    return pages


def test_a_guide_comes_before_news_and_past_events_come_last(site, client):
    found = titles(client, q="court")
    assert found[0] == "Care proceedings in court"
    assert set(found[1:3]) == {"A leaflet about court", "Drop-in about court"}
    assert found[3] == "Court questions evening"


def test_question_words_do_not_get_in_the_way(site, client):
    assert titles(client, q="What is care proceedings?")[0] == "Care proceedings in court"


def test_plurals_match_singulars(site, client):
    assert "Care proceedings in court" in titles(client, q="courts")


def test_pages_with_some_of_the_words_are_shown_when_none_has_all(site, client):
    html = client.get("/search/", {"q": "court zebra"}).content.decode()
    assert "some of them" in html and "Care proceedings in" in html


def test_results_say_their_type_show_event_dates_and_mark_the_words_found(site, client):
    html = client.get("/search/", {"q": "court"}).content.decode()
    assert '<mark class="app-highlight">court</mark>' in html
    assert ">Guide</p>" in html and ">Event</p>" in html
    assert "Past event" in html
    assert re.search(r"<time datetime=\"[^\"]+\">\w+day \d+ \w+ \d{4}", html)


def test_filters_narrow_by_type_and_topic_and_combine(site, client):
    assert titles(client, q="court", type="events") == [
        "Drop-in about court",
        "Court questions evening",
    ]
    assert titles(client, q="court", tag="court") == ["A leaflet about court"]
    assert titles(client, q="court", type="guides", tag="court") == []
    html = client.get("/search/", {"q": "court", "type": "nonsense", "tag": "no-such"})
    assert html.status_code == 200 and len(titles(client, q="court", type="nonsense")) == 4


def test_a_topic_no_public_page_carries_is_not_applied_as_a_filter(site, client):
    draft = GuidePageFactory(parent=site["guide"].get_parent(), title="Court draft", live=False)
    draft.tags.add("draft-only")
    draft.save_revision()
    html = client.get("/search/", {"q": "court", "tag": "draft-only"}).content.decode()
    assert "4 results for" in html
    assert 'value="draft-only"' not in html and "Clear filters" not in html


def test_filters_are_kept_in_pagination_links(site, client):
    for number in range(12):
        GuidePageFactory(parent=site["guide"].get_parent(), title=f"Court guide {number}")
    html = client.get("/search/", {"q": "court", "type": "guides"}).content.decode()
    assert "16 results" not in html and "13 results" in html
    assert re.search(r'href="\?q=court&amp;type=guides&amp;page=2"', html)


def test_best_bets_come_first_marked_and_only_once(site, client):
    SearchPromotion.objects.create(
        query=Query.get("court"), page=site["story"], description="Read this first.", sort_order=0
    )
    html = client.get("/search/", {"q": "Court"}).content.decode()
    assert titles(client, q="court")[0] == "A leaflet about court"
    assert titles(client, q="court").count("A leaflet about court") == 1
    assert "Recommended" in html and "Read this first." in html


def test_synonyms_comms_staff_keep_widen_the_search(site, client):
    assert titles(client, q="magistrate hearing") == []
    SearchSynonym.objects.create(words="magistrate hearing\ncare proceedings")
    assert titles(client, q="magistrate hearing")[0] == "Care proceedings in court"


def test_a_synonym_phrase_with_question_words_still_matches(home, client):
    SearchSynonym.objects.create(words="advocate\nsomeone to speak for me")
    index = GuideIndexPageFactory(parent=home)
    GuidePageFactory(parent=index, title="Advocates", summary_text="Help at meetings.")
    assert titles(client, q="someone to speak for me")[0] == "Advocates"


def test_never_drafts_restricted_pages_or_pages_awaiting_review(site, home, client, people):
    guides = site["guide"].get_parent()
    GuidePageFactory(parent=guides, title="Court draft", live=False)
    waiting = GuidePageFactory(parent=guides, title="Court awaiting review", live=False)
    submit(waiting, people["comms"])
    private = GuidePageFactory(parent=guides, title="Court for staff only")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    # A live page's new words wait for review: search shows what is live.
    site["guide"].title = "Court: the new title"
    submit(site["guide"], people["comms"])
    found = titles(client, q="court")
    assert "Court draft" not in found
    assert "Court awaiting review" not in found
    assert "Court for staff only" not in found
    assert "Court: the new title" not in found and "Care proceedings in court" in found


def test_no_results_gives_spelling_help_popular_topics_and_contact_details(site, home, client):
    SearchPromotion.objects.create(query=Query.get("court"), page=site["guide"], sort_order=0)
    Query.get("court").add_hit()
    hub = HubSettings.for_site(home.get_site())
    hub.contact_phone = "0300 000 0000"
    hub.save()
    html = client.get("/search/", {"q": "zzyzx"}).content.decode()
    assert "0 results" in html and "check the spelling" in html
    assert 'href="?q=court"' in html  # a curated topic, not whatever people typed
    assert "0300 000 0000" in html


def test_searches_are_counted_without_personal_details(site, client):
    client.get("/search/", {"q": "Court"})
    client.get("/search/", {"q": "court", "page": "2"})  # paging is not a new search
    assert Query.get("court").hits == 1
    client.get("/search/", {"q": "court jo@example.org"})
    client.get("/search/", {"q": "court 07700900123"})
    client.get("/search/", {"q": "court KB1 1AA"})
    client.get("/search/", {"q": "Jo Smith court"})  # a name
    client.get("/search/", {"q": "Żaneta Kowalska"})
    assert list(Query.objects.values_list("query_string", flat=True)) == ["court"]


def test_suggestions_as_you_type_are_page_titles(site, client):
    response = client.get("/search/suggest/", {"q": "car"})
    assert response.status_code == 200 and not response.cookies
    assert {"title": "Care proceedings in court", "url": site["guide"].url} in response.json()[
        "suggestions"
    ]
    assert client.get("/search/suggest/", {"q": "("}).json() == {"suggestions": []}


def test_the_search_box_works_without_javascript_and_offers_suggestions_with_it(site, client):
    html = client.get("/").content.decode()
    assert (
        '<form class="app-search" action="/search/" method="get" role="search" '
        "data-hub-private-search>" in html
    )
    assert 'data-suggest-url="/search/suggest/"' in html


def test_words_found_only_in_the_body_still_count_as_every_word_found(site, client):
    html = client.get("/search/", {"q": "judge decides"}).content.decode()
    assert "some of them" not in html
    assert titles(client, q="judge decides") == ["Care proceedings in court"]


@pytest.mark.parametrize("typed", ["", "   "])
def test_searching_with_nothing_typed_asks_for_words(home, client, typed):
    from bs4 import BeautifulSoup

    html = BeautifulSoup(client.get("/search/", {"q": typed}).content, "html.parser")
    assert html.title.get_text().startswith("Error: Search")
    error = html.select_one("#search-q-error")
    assert error.get_text(" ", strip=True) == "Error: Type a word or words to search for"
    assert html.select_one("#search-q")["aria-describedby"] == "search-q-error"


def test_the_search_page_opened_from_a_link_shows_no_error(home, client):
    assert "govuk-error-message" not in client.get("/search/").content.decode()


def test_a_parent_finds_events_by_what_the_venue_offers_once_a_change_to_it_is_approved(
    home, client
):
    """ "hearing loop", "crèche": the words of the venue's access details find its events."""
    from events.factories import VenueFactory

    events = EventIndexPageFactory(parent=home)
    hall = VenueFactory(name="Riverside Hall", hearing_loop="yes", childcare="no")
    EventPageFactory(
        parent=events,
        title="Dads' evening",
        venue=hall,
        start=timezone.now() + datetime.timedelta(days=3),
    ).save_revision().publish()

    def found(words):
        return titles(client, q=words)

    assert "Dads' evening" in found("hearing loop")
    assert "Dads' evening" not in found("crèche")
    # As the venue editor saves a draft: the form's words on the venue, then a revision. Only
    # words parents have approved may find an event.
    hall.childcare = "yes"
    hall.childcare_details = "Free crèche for under-fives: book it when you book your place."
    draft = hall.save_revision()
    assert "Dads' evening" not in found("crèche")
    assert "Dads' evening" not in found("under-fives")
    draft.publish()
    assert "Dads' evening" in found("crèche")
    assert "Dads' evening" in found("under-fives")
