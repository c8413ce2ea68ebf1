"""A reader using only a keyboard can skip to the content, use the menu and leave quickly."""

import re

import pytest
from playwright.sync_api import expect

from tests.helpers.browser import EXIT_URL

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def focused_text(page):
    return page.evaluate("document.activeElement.innerText.trim()")


def tab_to(page, pattern, limit=40):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if re.search(pattern, focused_text(page)):
            return
    raise AssertionError(f"Tab never reached an element matching {pattern!r}")


def test_the_first_tab_reaches_the_skip_link_which_jumps_to_the_content(demo_site, page):
    page.goto(demo_site + "/guides/child-protection-and-care-proceedings/")
    page.keyboard.press("Tab")
    skip = page.locator(".govuk-skip-link[href='#main-content']")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()  # hidden until focused, then shown
    page.keyboard.press("Enter")
    expect(page.locator("main#main-content")).to_be_focused()


def test_the_service_navigation_works_from_the_keyboard(demo_site, page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(demo_site + "/")
    tab_to(page, r"^Events$")
    page.keyboard.press("Enter")
    expect(page).to_have_url(demo_site + "/events/")
    expect(page.locator("h1")).to_have_text("Events")
    expect(page.locator(".govuk-service-navigation__item--active")).to_have_text("Events")


def test_the_menu_opens_from_the_keyboard_on_a_phone(demo_site, page):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(demo_site + "/")
    tab_to(page, r"^Menu$")
    page.keyboard.press("Enter")
    tab_to(page, r"^Guides$")
    page.keyboard.press("Enter")
    expect(page).to_have_url(demo_site + "/guides/")


def test_escape_folds_the_phone_menu_and_returns_to_its_button(demo_site, page):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(demo_site + "/")
    toggle = page.get_by_role("button", name="Menu")
    tab_to(page, r"^Menu$")
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    tab_to(page, r"^Guides$")
    page.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_role("link", name="Guides", exact=True)).to_be_hidden()
    expect(toggle).to_be_focused()


def test_the_menu_is_one_landmark_named_once(demo_site, page):
    page.goto(demo_site + "/")
    named_menu = page.locator("[aria-label='Menu']")
    expect(named_menu).to_have_count(1)
    expect(named_menu).to_have_js_property("tagName", "NAV")


def test_exit_this_page_is_reached_by_tab_and_leaves_at_once(demo_site, page):
    page.goto(demo_site + "/guides/child-protection-and-care-proceedings/")
    tab_to(page, r"Exit this page")
    expect(page.locator(".govuk-js-exit-this-page-skiplink")).to_be_focused()  # skip link first
    tab_to(page, r"Exit this page")
    expect(page.locator(".govuk-exit-this-page__button")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(EXIT_URL)))


def test_pressing_shift_three_times_leaves_the_page(demo_site, page):
    page.goto(demo_site + "/guides/child-protection-easy-read/")
    page.locator("h1").click()  # the shortcut listens once the page has focus
    for _ in range(3):
        page.keyboard.press("Shift")
    expect(page).to_have_url(re.compile(re.escape(EXIT_URL)), timeout=5000)
