"""A parent reviewer's dashboard: what waits for them, in plain words, one click from each
draft's review page; and a calm admin with nothing they cannot use."""

import pytest
from bs4 import BeautifulSoup

from hub.review.roles import COMMS_STAFF, PARENT_REVIEWERS
from stories.factories import StoryIndexPageFactory, StoryPageFactory
from tests.helpers.workflow import act, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(home, people):
    story = StoryPageFactory(
        parent=StoryIndexPageFactory(parent=home), live=False, title="Letters to dads"
    )
    submit(story, people["comms"])
    return story


def dashboard(client, user):
    """The page a person lands on when they open the admin."""
    client.force_login(user)
    response = client.get("/admin/", follow=True)
    assert response.status_code == 200
    return response


def test_a_parent_reviewer_opens_on_what_waits_for_them(submitted, people, client):
    response = dashboard(client, people["parent_a"])
    assert response.redirect_chain == [("/admin/parent-review/", 302)]
    html = response.content.decode()
    card = BeautifulSoup(html, "html.parser").select_one(".govuk-summary-card")
    text = card.get_text(" ", strip=True)
    assert "Letters to dads" in text
    assert "You said, we did · new page" in text
    assert "Comms" in text
    assert "2 more approvals" in text
    state = submitted.current_workflow_task_state
    link = card.select_one("a.govuk-button")
    assert link["href"] == f"/admin/parent-review/{state.pk}/"
    assert link.get_text(" ", strip=True) == "Review this draft : Letters to dads"


def test_after_approving_the_reviewer_sees_it_still_waits_for_others(submitted, people, client):
    act(submitted, people["parent_a"], "approve")
    html = dashboard(client, people["parent_a"]).content.decode()
    assert "1 more approval" in html and "You approved this version." in html
    assert "1 more approval" in dashboard(client, people["parent_b"]).content.decode()


def test_a_reviewer_with_nothing_waiting_is_told_so_kindly(home, people, client):
    html = dashboard(client, people["parent_b"]).content.decode()
    assert "Nothing is waiting for you. Thank you." in html


def test_a_parent_reviewers_admin_has_no_search_and_no_menu_item_they_cannot_use(
    submitted, people, client
):
    html = dashboard(client, people["parent_a"]).content.decode()
    assert 'role="search"' not in html  # Wagtail's dashboard search would refuse them
    assert '"name": "waiting-for-your-review"' in html
    for other in ('"name": "reports"', '"name": "help"', '"name": "explorer"', "Search term"):
        assert other not in html
    # No link to help on another site, and no avatar from one.
    assert "guide.wagtail.org" not in html and "gravatar" not in html


def test_comms_staff_keep_wagtails_dashboard_without_the_reviewers_page(submitted, people, client):
    response = dashboard(client, people["comms"])
    assert response.redirect_chain == []
    assert "Waiting for your review" not in response.content.decode()


def test_someone_who_is_also_a_parent_reviewer_gets_the_panel_on_their_dashboard(
    submitted, people, client, make_member
):
    both = make_member("both", COMMS_STAFF, PARENT_REVIEWERS)
    response = dashboard(client, both)
    assert response.redirect_chain == []
    assert "Waiting for your review" in response.content.decode()


def test_a_parent_reviewers_account_page_is_short_and_plain(people, client):
    client.force_login(people["parent_a"])
    response = client.get("/admin/account/", follow=True)
    assert response.redirect_chain == [("/admin/parent-review/account/", 302)]
    html = response.content.decode()
    labels = [
        label.get_text(" ", strip=True)
        for label in BeautifulSoup(html, "html.parser").select("label")
    ]
    assert labels == [
        "First name",
        "Last name",
        "Email address",
        "Language for these pages and your emails",
        "Email me when something waits for my review",
        "Old password",
        "New password",
        "New password confirmation",
    ]
    assert "Profile picture" not in html and "Time zone" not in html


def test_a_parent_reviewer_chooses_their_language_and_turns_review_emails_off(people, client):
    from wagtail.users.models import UserProfile

    from hub.review.models import ReviewEmailPreference

    client.force_login(people["parent_a"])
    response = client.post(
        "/admin/parent-review/account/",
        {"first_name": "Ann", "last_name": "", "email": "ann@example.org", "language": "pl"},
    )
    assert response.status_code == 302 and response["Location"] == "/admin/parent-review/"
    people["parent_a"].refresh_from_db()
    assert (people["parent_a"].first_name, people["parent_a"].email) == ("Ann", "ann@example.org")
    assert UserProfile.get_for_user(people["parent_a"]).preferred_language == "pl"
    assert not ReviewEmailPreference.objects.get(user=people["parent_a"]).review_requests


def test_the_account_page_refuses_a_bad_email_address_and_keeps_the_old_one(people, client):
    client.force_login(people["parent_a"])
    response = client.post(
        "/admin/parent-review/account/",
        {"first_name": "Ann", "email": "not an address", "language": "en"},
    )
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    people["parent_a"].refresh_from_db()
    assert people["parent_a"].email == "parent_a@example.org"


def test_a_venue_waiting_for_review_is_reviewed_like_a_page(people, client):
    from events.factories import VenueFactory

    venue = VenueFactory(live=False, name="New community hall")
    submit(venue, people["comms"])
    html = dashboard(client, people["parent_a"]).content.decode()
    assert "New community hall" in html and "Venue · new</dd>" in html
    state = venue.current_workflow_task_state
    review = client.get(f"/admin/parent-review/{state.pk}/")
    assert review.status_code == 200
    assert client.get(f"/admin/parent-review/{state.pk}/draft/").status_code == 200


def test_a_new_venue_is_called_new_not_a_new_page(home, people, client):
    """Found in a walk: a parent read "Venue · new page" and "A new page" and asked which page."""
    from events.factories import VenueFactory
    from tests.helpers.workflow import submit

    venue = VenueFactory(name="Eastfield Centre", live=False)
    submit(venue, people["comms"])
    card = dashboard(client, people["parent_a"]).content.decode()
    assert "Venue · new</dd>" in card and "new page" not in card
    review = client.get(f"/admin/parent-review/{venue.current_workflow_task_state.pk}/")
    assert "New: it has never been on the website." in review.content.decode()
    assert "A new page" not in review.content.decode()
