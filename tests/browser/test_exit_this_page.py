"""Exit this page in Chromium, on a 390 px phone and with the keyboard: leaving adds no Back
trail, the spoken messages are in the reader's language, and "Cover your tracks" is beside it."""

import re

import pytest
from playwright.sync_api import expect

from tests.helpers.browser import EXIT_URL

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}
WEATHER = re.compile(re.escape(EXIT_URL))
SHOTS = "/tmp/exit-shots"
GUIDE = "Child protection conferences and care proceedings"


@pytest.fixture
def phone(browser):
    """A phone with a touch screen; the neutral site is answered locally."""
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    context.route(
        f"{EXIT_URL}**",
        lambda route: route.fulfill(
            content_type="text/html", body="<html lang='en'><title>Weather</title></html>"
        ),
    )
    yield context.new_page()
    context.close()


def test_after_exit_back_shows_the_page_before_not_the_page_the_reader_left(demo_site, phone):
    phone.goto(demo_site + "/guides/")
    phone.get_by_role("link", name=GUIDE).first.click()
    expect(phone).to_have_url(re.compile(r"/guides/child-protection-and-care-proceedings/$"))
    # As a reader would: the page has loaded (its script too) before the button is pressed. A
    # tap before the script runs follows the button's plain link, which adds to the history.
    phone.wait_for_load_state("load")
    phone.screenshot(path=f"{SHOTS}/guide-phone.png")
    entries = phone.evaluate("history.length")
    phone.get_by_role("button", name="Emergency Exit this page").tap()
    expect(phone).to_have_url(WEATHER)
    assert phone.evaluate("history.length") == entries  # the weather took the guide's place

    phone.go_back()
    expect(phone).to_have_url(demo_site + "/guides/")
    expect(phone.locator("h1")).to_have_text("Guides")
    phone.go_forward()
    expect(phone).to_have_url(WEATHER)  # forward from the list is the weather, not the guide


def test_shift_three_times_leaves_without_a_back_trail_too(demo_site, page):
    page.goto(demo_site + "/guides/")
    page.get_by_role("link", name=GUIDE).first.click()
    expect(page).to_have_url(re.compile(r"/guides/child-protection-and-care-proceedings/$"))
    expect(page.locator("[data-govuk-exit-this-page-init]")).to_be_attached()  # script ready
    page.locator("h1").click()
    for _ in range(3):
        page.keyboard.press("Shift")
    expect(page).to_have_url(WEATHER)
    page.go_back()
    expect(page).to_have_url(demo_site + "/guides/")


@pytest.mark.parametrize(
    ("address", "two_more", "one_more"),
    [
        ("/pl/", "Shift: naciśnij jeszcze 2 razy, aby wyjść.", "Shift: naciśnij jeszcze 1 raz"),
        ("/ur/", "باہر نکلنے کے لیے Shift مزید 2 بار دبائیں۔", "مزید 1 بار"),
        ("/cy/", "Shift, pwyswch 2 waith eto i adael.", "Shift, pwyswch unwaith eto"),
    ],
)
def test_what_exit_this_page_says_aloud_is_in_the_readers_language(
    demo_site, page, address, two_more, one_more
):
    page.goto(demo_site + address)
    expect(page.locator("[data-govuk-exit-this-page-init]")).to_be_attached()
    page.locator("h1").click()
    status = page.locator(".govuk-exit-this-page [role=status]")
    page.keyboard.press("Shift")
    expect(status).to_have_text(two_more)
    page.keyboard.press("Shift")
    expect(status).to_contain_text(one_more)
    page.keyboard.press("a")  # another key: the count starts again, and it says so
    expect(status).not_to_contain_text("Shift")
    expect(status).not_to_have_text("Exit this page expired.")
    expect(status).not_to_be_empty()


def test_the_second_tab_stop_is_an_exit_skip_link_that_leaves_without_a_trail(demo_site, page):
    page.goto(demo_site + "/guides/")
    page.get_by_role("link", name=GUIDE).first.click()
    expect(page).to_have_url(re.compile(r"/guides/child-protection-and-care-proceedings/$"))
    expect(page.locator("[data-govuk-exit-this-page-init]")).to_be_attached()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    skip = page.locator(".govuk-js-exit-this-page-skiplink")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    expect(skip).to_have_text("Exit this page")
    page.keyboard.press("Enter")
    expect(page).to_have_url(WEATHER)
    page.go_back()
    expect(page).to_have_url(demo_site + "/guides/")


def test_cover_your_tracks_is_beside_the_button_in_the_readers_language(demo_site, phone):
    phone.goto(demo_site + "/ur/")
    button = phone.locator(".govuk-exit-this-page__button")
    link = phone.get_by_role("link", name="اپنے نشان مٹائیں")
    expect(link).to_be_visible()
    button_box = button.bounding_box()
    below = link.bounding_box()["y"] - (button_box["y"] + button_box["height"])
    assert 0 <= below < 40  # just under the button, on the first screen
    phone.screenshot(path=f"{SHOTS}/home-ur-phone.png")
    link.tap()
    expect(phone).to_have_url(demo_site + "/ur/cover-your-tracks/")
    expect(phone.locator("html")).to_have_attribute("dir", "rtl")
    expect(phone.locator("h1")).to_have_text("اپنے نشان مٹائیں")
    expect(phone.get_by_role("heading", name="اپنی ہسٹری صاف کریں")).to_be_visible()
    phone.screenshot(path=f"{SHOTS}/cover-your-tracks-ur-phone.png", full_page=True)
