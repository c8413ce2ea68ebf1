"""In Chromium, on a 390 px phone: five minutes before an idle sign-out a parent reviewer is
warned and can stay signed in, with a tap or the keyboard; once signed out they are told so;
and a decision they send after all comes back to them, comment and all, once they sign in."""

import re
import time

import pytest
from playwright.sync_api import expect

from hub.accounts.sessions import LAST_SEEN
from tests.helpers.axe import describe, run_axe
from tests.helpers.browser import sign_in
from tests.helpers.workflow import story_in_review

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def soon(settings):
    """An hour idle made 304 seconds: the warning (300 seconds before) comes 4 seconds in."""
    settings.HUB_ADMIN_IDLE_SECONDS = 304


@pytest.fixture
def waiting(live_home, people):
    return story_in_review(live_home, people["comms"])


def session_of(page):
    from django.conf import settings
    from django.contrib.sessions.backends.db import SessionStore

    (cookie,) = [c for c in page.context.cookies() if c["name"] == settings.SESSION_COOKIE_NAME]
    return SessionStore(session_key=cookie["value"])


def go_idle(page, seconds):
    """As if the last thing this person did was `seconds` ago."""
    session = session_of(page)
    session[LAST_SEEN] = int(time.time()) - seconds
    session.save()


def stay_answered(response):
    """The server's answer to "Stay signed in"."""
    return response.url.endswith("/admin/sign-in-time/") and response.request.method == "POST"


def test_a_parent_is_warned_and_stays_signed_in_with_a_tap(live_server, soon, phone, people):
    sign_in(phone, live_server.url, "parent_b")
    warning = phone.get_by_role("dialog", name="You will be signed out soon")
    expect(warning).to_be_visible(timeout=15_000)
    expect(warning).to_contain_text("You will be signed out at")
    when = warning.locator("[data-time]:visible")
    expect(when).to_have_text(re.compile(r"^\d{1,2}:\d\d [ap]\.m\.$"))  # as the admin writes it
    phone.screenshot(path="/tmp/sign-out-warning-phone.png")
    violations = run_axe(phone, context="dialog")
    assert not violations, describe(violations)
    stay = warning.get_by_role("button", name="Stay signed in")
    assert stay.bounding_box()["height"] >= 44
    expect(stay).to_be_focused()  # the dialog takes the focus, on its one choice
    before = session_of(phone)[LAST_SEEN]
    time.sleep(1.1)
    with phone.expect_response(stay_answered):  # the dialog closes before the server answers
        stay.tap()
    expect(warning).to_be_hidden()
    assert session_of(phone)[LAST_SEEN] > before


def test_a_warning_left_open_turns_into_signed_out_with_the_focus_on_signing_in(
    live_server, soon, page, people
):
    sign_in(page, live_server.url, "parent_b")
    warning = page.get_by_role("dialog", name="You will be signed out soon")
    expect(warning).to_be_visible(timeout=15_000)
    go_idle(page, 400)  # nobody there: the hour passes with the warning open
    signed_out = page.get_by_role("dialog", name="You have been signed out")
    expect(signed_out).to_be_visible(timeout=40_000)  # asked again within 30 seconds
    expect(signed_out.get_by_role("link", name="Sign in again")).to_be_focused()
    signed_out.get_by_role("link", name="Sign in again").click()
    expect(page.get_by_role("button", name="Sign in")).to_be_visible()
    assert page.url.endswith("/admin/login/?next=/admin/parent-review/")


def test_escape_on_the_warning_also_stays_signed_in(live_server, soon, page, people):
    sign_in(page, live_server.url, "parent_b")
    warning = page.get_by_role("dialog", name="You will be signed out soon")
    expect(warning).to_be_visible(timeout=15_000)
    before = session_of(page)[LAST_SEEN]
    time.sleep(1.1)
    with page.expect_response(stay_answered):
        page.keyboard.press("Escape")
    expect(warning).to_be_hidden()
    assert session_of(page)[LAST_SEEN] > before


def test_a_decision_sent_after_an_idle_sign_out_comes_back_after_signing_in(
    live_server, soon, waiting, phone, people
):
    base = live_server.url
    sign_in(phone, base, "parent_b")
    warning = phone.get_by_role("dialog", name="You will be signed out soon")
    expect(warning).to_be_visible(timeout=15_000)
    warning.get_by_role("button", name="Stay signed in").tap()
    phone.get_by_role("link", name="Review this draft").tap()
    phone.get_by_label("Your comment").fill("Say that both parents get every letter.")

    # They put the phone down; the hour passes; the page says so when it next asks.
    go_idle(phone, 400)
    signed_out = phone.get_by_role("dialog", name="You have been signed out")
    expect(signed_out).to_be_visible(timeout=15_000)
    phone.screenshot(path="/tmp/signed-out-phone.png")
    violations = run_axe(phone, context="dialog")
    assert not violations, describe(violations)
    signed_out.get_by_role("button", name="Close").tap()
    expect(signed_out).to_be_hidden()

    # They send it anyway: nothing is decided, and after signing in their words are back.
    phone.get_by_role("button", name="Ask for changes").tap()
    expect(phone.get_by_role("button", name="Sign in")).to_be_visible()
    from hub.review.models import ParentReviewDecision

    assert not ParentReviewDecision.objects.exists()
    sign_in_here(phone, "parent_b")
    banner = phone.get_by_role("alert")
    expect(banner).to_contain_text("You had been signed out, so your decision was not sent.")
    expect(phone.get_by_label("Your comment")).to_have_value(
        "Say that both parents get every letter."
    )
    phone.screenshot(path="/tmp/comment-kept-phone.png", full_page=True)


def sign_in_here(page, username):
    """The sign-in form the admin sent them to, with its next page."""
    from tests.helpers.people import PASSWORD

    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
