"""The events list on a 390 px phone: a parent narrows it to step-free events and sees, for
each, what the venue offers, and can tap to book."""

import os
import re

import pytest
from playwright.sync_api import expect

from tests.helpers.axe import describe, run_axe

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}
SHOTS = "/tmp/find-shots"


def test_on_a_phone_a_parent_filters_events_to_step_free_ones(demo_site, page):
    os.makedirs(SHOTS, exist_ok=True)
    page.set_viewport_size(PHONE)
    page.goto(demo_site + "/events/")
    status = page.locator("p[role=status]").filter(has_text="upcoming events")
    expect(status).to_have_text("5 upcoming events")
    assert page.locator(".app-listing__item").first.bounding_box()["y"] < PHONE["height"]
    page.screenshot(path=f"{SHOTS}/events-phone.png")

    page.get_by_text("Filter events").click()
    page.get_by_label("Step-free access").check()
    page.get_by_label("Hearing loop").check()
    page.screenshot(path=f"{SHOTS}/events-phone-filters.png", full_page=True)
    page.get_by_role("button", name="Show events").click()

    expect(page).to_have_url(re.compile(r"access=step-free&access=hearing-loop"))
    answer = page.locator("p[role=status]").filter(has_text="upcoming event")
    expect(answer).to_have_text(re.compile(r"^\d+ upcoming events? match"))
    # The page opens at the answer, not at the top with the filters (found in a reader's
    # walk: the answer was two screens down, so the filters seemed to do nothing).
    page.wait_for_function(  # the browser scrolls once the page is laid out
        """() => { const r = document.querySelector("p[role=status]").getBoundingClientRect();
                   return r.top >= 0 && r.bottom <= innerHeight; }"""
    )
    # And the keyboard goes on from there.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Clear filters"
    items = page.locator("ul.app-listing:not(.app-listing--past) > .app-listing__item")
    assert items.count() >= 1
    for n in range(items.count()):
        expect(items.nth(n).locator(".app-access")).to_contain_text("Step-free")
        expect(items.nth(n).locator(".app-access")).to_contain_text("Hearing loop")
    assert not run_axe(page), describe(run_axe(page))
    # The filters stay in the address: the same list comes back on reload, and clear away.
    page.reload()
    expect(page.get_by_label("Step-free access")).to_be_checked()
    page.screenshot(path=f"{SHOTS}/events-phone-step-free.png", full_page=True)
    page.get_by_role("link", name="Clear filters").click()
    expect(page.locator("p[role=status]").filter(has_text="upcoming")).to_have_text(
        "5 upcoming events"
    )


def test_a_filter_that_matches_nothing_says_so_without_javascript(
    demo_site, phone_without_javascript
):
    page = phone_without_javascript
    page.goto(demo_site + "/events/?type=forum&attendance=online")
    expect(page.get_by_text("No upcoming events match these filters.")).to_be_visible()
    page.get_by_role("link", name="Clear filters").click()
    expect(page.locator(".app-listing__item").first).to_be_visible()


def test_on_a_phone_an_event_says_how_to_book_with_a_number_to_tap(demo_site, page):
    page.set_viewport_size(PHONE)
    page.goto(demo_site + "/events/")
    page.get_by_role("link", name="Parents' forum").first.click()
    booking = page.locator(".app-booking")
    expect(booking.get_by_role("link", name="0300 000 0000")).to_have_attribute(
        "href", "tel:03000000000"
    )
    expect(booking.get_by_role("link", name="partnership@example.org")).to_have_attribute(
        "href", re.compile(r"^mailto:partnership@example\.org\?subject=")
    )
    box = booking.get_by_role("link", name="0300 000 0000").bounding_box()
    assert box["height"] >= 24 or box["width"] >= 24
    booking.scroll_into_view_if_needed()
    page.screenshot(path=f"{SHOTS}/event-phone-booking.png")
