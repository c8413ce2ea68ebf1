"""Search in the admin: comms staff keep synonym groups and see what people search for; best
bets (live the moment they are saved) are set by hub administrators."""

import pytest
from wagtail.contrib.search_promotions.models import Query

from search.models import SearchSynonym

pytestmark = pytest.mark.django_db


def test_comms_staff_see_what_people_search_for_but_parents_do_not(client, people, home):
    for _ in range(3):
        client.get("/search/", {"q": "court"})
    client.force_login(people["comms"])
    report = client.get("/admin/reports/search-terms-hub/")
    assert report.status_code == 200 and "court" in report.content.decode()
    client.force_login(people["parent_a"])
    assert client.get("/admin/reports/search-terms-hub/").status_code == 403


def test_a_term_searched_only_once_or_twice_is_not_shown(client, people, home):
    """A rare term can point at one family: it shows once several searches share it."""
    for _ in range(2):
        client.get("/search/", {"q": "letters"})
    for _ in range(3):
        client.get("/search/", {"q": "court"})
    client.force_login(people["comms"])
    report = client.get("/admin/reports/search-terms-hub/").content.decode()
    assert "court" in report
    assert "letters" not in report


def test_comms_staff_keep_synonym_groups(client, people):
    client.force_login(people["comms"])
    response = client.post(
        "/admin/snippets/search/searchsynonym/add/",
        {"words": "social worker\nChildren's services", "note": "Same thing to parents."},
    )
    assert response.status_code == 302
    assert SearchSynonym.groups() == [["social worker", "children s services"]]


BEST_BET = {
    "query_string": "Complaints",
    "editors_picks-TOTAL_FORMS": "1",
    "editors_picks-INITIAL_FORMS": "0",
    "editors_picks-MIN_NUM_FORMS": "0",
    "editors_picks-MAX_NUM_FORMS": "1000",
    "editors_picks-0-description": "Start here.",
    "editors_picks-0-ORDER": "1",
}


def test_comms_staff_cannot_set_a_best_bet_which_would_be_live_without_review(client, people, home):
    client.force_login(people["comms"])
    assert client.get("/admin/searchpicks/add/").status_code == 302
    response = client.post(
        "/admin/searchpicks/add/",
        {**BEST_BET, "editors_picks-0-page": str(home.pk)},
    )
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert not Query.objects.filter(query_string="complaints").exists()


def test_administrators_set_best_bets(client, people, home):
    client.force_login(people["admin"])
    assert client.get("/admin/searchpicks/add/").status_code == 200
    response = client.post(
        "/admin/searchpicks/add/",
        {**BEST_BET, "editors_picks-0-page": str(home.pk)},
    )
    assert response.status_code == 302
    assert Query.get("complaints").editors_picks.get().page_id == home.pk
