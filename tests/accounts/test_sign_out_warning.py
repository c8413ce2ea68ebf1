"""Nobody is signed out of the admin unwarned (WCAG 2.2.1): every screen knows how long the
sign-in has left and offers to stay signed in; asking does not count as using the hub, staying
does; and a parent's decision sent after an idle sign-out is not lost."""

import time

import pytest
from bs4 import BeautifulSoup

from hub.accounts.sessions import LAST_SEEN
from hub.review.models import ParentReviewDecision
from hub.review.roles import COMMS_STAFF
from tests.helpers.people import PASSWORD
from tests.helpers.sessions import age_session
from tests.helpers.workflow import story_in_review

pytestmark = pytest.mark.django_db
TIME = "/admin/sign-in-time/"


def warning_on(response):
    return BeautifulSoup(response.content.decode(), "html.parser").select_one(
        "dialog[data-hub-sign-out-warning]"
    )


@pytest.fixture
def sam(client, make_member):
    client.force_login(make_member("sam", COMMS_STAFF))
    client.get("/admin/")
    return client


def test_every_admin_screen_carries_the_warning_with_the_time_left(sam):
    age_session(sam, signed_in_ago=3000, last_seen_ago=3000)
    dialog = warning_on(sam.get("/admin/pages/"))
    # The visit counted: an hour from now, less the second or two the test takes.
    assert 3590 <= int(dialog["data-seconds-left"]) <= 3600
    assert dialog["data-can-stay"] == "true"
    assert dialog["data-warn-seconds"] == "300"
    assert dialog.select_one("form[data-stay] button").get_text() == "Stay signed in"


def test_the_sign_in_page_has_no_warning(client):
    assert warning_on(client.get("/admin/login/")) is None


def test_asking_how_long_is_left_does_not_count_as_using_the_hub(sam):
    age_session(sam, signed_in_ago=3400, last_seen_ago=3400)
    before = sam.session[LAST_SEEN]
    answer = sam.get(TIME).json()
    assert 195 <= answer["seconds_left"] <= 200
    assert answer["can_stay"] is True
    assert sam.session[LAST_SEEN] == before


def test_staying_signed_in_starts_the_hour_again(sam):
    age_session(sam, signed_in_ago=3400, last_seen_ago=3400)
    answer = sam.post(TIME, HTTP_ACCEPT="application/json").json()
    assert 3595 <= answer["seconds_left"] <= 3600
    assert int(time.time()) - sam.session[LAST_SEEN] < 5


def test_without_javascript_staying_signed_in_goes_back_to_the_page(sam):
    answer = sam.post(TIME, {"next": "/admin/pages/"})
    assert answer.status_code == 302 and answer["Location"] == "/admin/pages/"
    elsewhere = sam.post(TIME, {"next": "https://example.com/"})
    assert elsewhere["Location"] == "/admin/"


def test_near_eight_hours_staying_cannot_put_off_the_end(sam):
    age_session(sam, signed_in_ago=8 * 3600 - 200, last_seen_ago=100)
    answer = sam.post(TIME, HTTP_ACCEPT="application/json").json()
    assert answer["can_stay"] is False
    assert 195 <= answer["seconds_left"] <= 200


def test_once_the_hour_is_up_the_question_is_told_so_and_signs_nobody_out(sam):
    age_session(sam, signed_in_ago=3700, last_seen_ago=3601)
    answer = sam.get(TIME).json()
    assert (answer["seconds_left"], answer["can_stay"]) == (0, False)
    # What the person does next meets the sign-out (and a comment they send is kept).
    assert sam.get("/admin/pages/")["Location"].startswith("/admin/login/")
    assert "_auth_user_id" not in sam.session


def test_staying_once_the_hour_is_up_is_too_late_and_signs_nobody_out(sam):
    age_session(sam, signed_in_ago=3700, last_seen_ago=3601)
    before = sam.session[LAST_SEEN]
    answer = sam.post(TIME, HTTP_ACCEPT="application/json").json()
    assert (answer["seconds_left"], answer["can_stay"]) == (0, False)
    assert sam.session[LAST_SEEN] == before


def test_staying_once_the_hour_is_up_without_javascript_goes_to_sign_in_and_back(sam):
    age_session(sam, signed_in_ago=3700, last_seen_ago=3601)
    answer = sam.post(TIME, {"next": "/admin/pages/"})
    assert answer["Location"] == "/admin/login/?next=%2Fadmin%2Fpages%2F"
    # The sign-in page keeps where to go next (it signs the old session out, and shows).
    sign_in = sam.get(answer["Location"])
    assert sign_in.status_code == 200
    assert sign_in.context["next"] == "/admin/pages/"
    assert "_auth_user_id" not in sam.session


def test_a_parent_reviewer_may_ask_and_stay(client, people):
    client.force_login(people["parent_a"])
    client.get("/admin/")
    assert client.get(TIME).status_code == 200
    assert client.post(TIME, HTTP_ACCEPT="application/json").status_code == 200


def editor_ping(page):
    """What Wagtail's editor sends every 10 seconds while its tab is visible."""
    return f"/admin/editing-sessions/ping/wagtailcore/page/{page.pk}/1/"


def test_an_editor_left_open_does_not_keep_the_sign_in_alive(sam, home):
    age_session(sam, signed_in_ago=3000, last_seen_ago=3000)
    before = sam.session[LAST_SEEN]
    answer = sam.post(editor_ping(home))
    assert answer.status_code == 200
    assert "html" in answer.json()  # Wagtail's panel of who else is editing
    assert sam.session[LAST_SEEN] == before


def test_once_the_hour_is_up_an_open_editor_signs_out(sam, home):
    age_session(sam, signed_in_ago=3700, last_seen_ago=3601)
    answer = sam.post(editor_ping(home))
    # Wagtail's panel takes only JSON, so it shows nothing of this; the warning says why.
    assert answer["Location"].startswith("/admin/login/")
    assert "_auth_user_id" not in sam.session


def test_opening_the_editor_counts_as_using_the_hub(sam, home):
    age_session(sam, signed_in_ago=3000, last_seen_ago=3000)
    before = sam.session[LAST_SEEN]
    sam.get(f"/admin/pages/{home.pk}/edit/")
    assert sam.session[LAST_SEEN] > before


@pytest.fixture
def waiting(home, people):
    return story_in_review(home, people["comms"])


def review_url(page):
    return f"/admin/parent-review/{page.current_workflow_task_state.pk}/"


def decide_after_an_hour_away(client, people, page, comment, first=None):
    """A parent opens the review, goes away for over an hour, comes back and sends it (after
    `first`, a request the page makes before the send, if given)."""
    client.force_login(people["parent_a"])
    url = review_url(page)
    form = BeautifulSoup(client.get(url).content.decode(), "html.parser")
    revision = form.select_one("input[name=revision]")["value"]
    age_session(client, signed_in_ago=3700, last_seen_ago=3700)
    if first:
        first(url)
    return client.post(url, {"revision": revision, "comment": comment, "decision": "reject"})


def test_a_decision_sent_after_an_idle_sign_out_decides_nothing_and_keeps_the_comment(
    client, people, waiting
):
    answer = decide_after_an_hour_away(client, people, waiting, "Say who gets the letter.")
    assert answer.status_code == 302 and answer["Location"].startswith("/admin/login/")
    assert not ParentReviewDecision.objects.exists()

    client.force_login(people["parent_a"])
    page = BeautifulSoup(client.get(review_url(waiting)).content.decode(), "html.parser")
    assert "your decision was not sent" in page.select_one("[role=alert]").get_text()
    assert page.select_one("#id_comment").get_text() == "Say who gets the letter."
    # Given back once: the next visit is the review as usual.
    again = BeautifulSoup(client.get(review_url(waiting)).content.decode(), "html.parser")
    assert again.select_one("#id_comment").get_text() == ""


def test_a_kept_comment_is_given_only_to_the_parent_who_wrote_it(client, people, waiting):
    decide_after_an_hour_away(client, people, waiting, "My own words about my family.")
    client.force_login(people["parent_b"])
    page = client.get(review_url(waiting)).content.decode()
    assert "My own words" not in page


@pytest.mark.parametrize(
    "first",
    [
        "the draft's frame loads",  # a GET that meets the sign-out before the send does
        "typing asks to stay",  # the warning's script, too late
    ],
)
def test_the_comment_is_kept_whatever_met_the_sign_out_first(client, people, waiting, first):
    def meet_it_first(url):
        if first == "the draft's frame loads":
            assert client.get(url + "draft/").status_code == 302
        else:
            client.post(TIME, HTTP_ACCEPT="application/json")

    decide_after_an_hour_away(client, people, waiting, "Name both parents.", first=meet_it_first)
    client.force_login(people["parent_a"])
    page = BeautifulSoup(client.get(review_url(waiting)).content.decode(), "html.parser")
    assert page.select_one("#id_comment").get_text() == "Name both parents."


def test_a_comment_sent_without_the_hubs_csrf_token_is_not_kept(people, waiting):
    from django.test import Client

    from hub.accounts.sessions import KEPT_COMMENT

    client = Client(enforce_csrf_checks=True)
    answer = decide_after_an_hour_away(client, people, waiting, "Words from elsewhere.")
    assert answer["Location"].startswith("/admin/login/")  # signed out, as ever
    assert KEPT_COMMENT not in client.session


def test_someone_else_signing_in_on_the_same_browser_drops_the_kept_comment(
    client, people, waiting
):
    from hub.accounts.sessions import KEPT_COMMENT

    decide_after_an_hour_away(client, people, waiting, "My own words about my family.")
    assert KEPT_COMMENT in client.session
    client.post("/admin/login/", {"username": "parent_b", "password": PASSWORD})
    assert client.session["_auth_user_id"] == str(people["parent_b"].pk)
    assert KEPT_COMMENT not in client.session
