"""The search box in Chromium: suggestions appear as the reader types, from page titles."""

import os
import re

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_suggestions_appear_as_you_type_and_the_form_still_submits(live_server, live_home, page):
    from guides.factories import GuideIndexPageFactory, GuidePageFactory

    GuidePageFactory(parent=GuideIndexPageFactory(parent=live_home), title="Care proceedings")
    page.goto(live_server.url + "/search/")
    box = page.get_by_label("Search for guides, events and stories")
    box.fill("care")
    options = page.locator("datalist#search-q-suggestions option")
    expect(options.first).to_have_attribute("value", "Care proceedings")
    box.press("Enter")
    expect(page.locator("p[role=status]")).to_contain_text("1 result for “care”")


PHONE = {"width": 390, "height": 844}


def test_on_a_phone_the_count_and_first_result_are_on_the_first_screen_filters_fold_away(
    demo_site, page
):
    page.set_viewport_size(PHONE)
    page.goto(demo_site + "/search/?q=conference")
    count = page.locator("p[role=status]").filter(has_text="results for")
    first = page.locator(".app-listing__item").first
    expect(first).to_be_visible()
    assert count.bounding_box()["y"] + count.bounding_box()["height"] < PHONE["height"]
    top = first.bounding_box()["y"]
    assert top < PHONE["height"], f"the first result starts {top} px down"
    os.makedirs("/tmp/find-shots", exist_ok=True)
    page.screenshot(path="/tmp/find-shots/search-phone.png")
    # The filters are folded away behind a button, and open with a tap (no JavaScript needed).
    type_any = page.get_by_label("Any type")
    expect(type_any).to_be_hidden()
    page.get_by_text("Filter results").click()
    expect(type_any).to_be_visible()
    page.screenshot(path="/tmp/find-shots/search-phone-filters-open.png")
    page.get_by_role("radio", name="Guides").check()
    page.get_by_role("button", name="Apply filters").click()
    # With a filter on, the filters stay open, so the reader sees what is applied.
    expect(page.get_by_role("radio", name="Guides")).to_be_checked()
    expect(page.get_by_role("radio", name="Guides")).to_be_visible()


def test_on_a_small_phone_the_search_box_shows_what_was_typed_and_matches_are_not_focus(
    demo_site, page
):
    """Found in a reader's walk: at 360 px the box was 157 px beside a 163 px button, so
    "what happens next" showed as "what happens"; and matched words were in the yellow of
    the keyboard's focus, so a highlight looked like where the reader was."""
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(demo_site + "/search/?q=court")
    box = page.locator("main input[type=search]").bounding_box()
    button = page.locator("main .app-search__button").bounding_box()
    assert box["width"] > 2 * button["width"], (box, button)
    page.locator(".app-listing__item a").first.focus()  # a link's focus: yellow behind it
    focus = page.evaluate("getComputedStyle(document.activeElement).backgroundColor")
    assert focus == "rgb(255, 221, 0)"
    mark = page.locator(".app-highlight").first
    assert mark.evaluate("e => getComputedStyle(e).backgroundColor") != focus
    assert int(mark.evaluate("e => getComputedStyle(e).fontWeight")) >= 700


def test_the_search_filters_fold_away_without_javascript(demo_site, phone_without_javascript):
    os.makedirs("/tmp/find-shots", exist_ok=True)
    page = phone_without_javascript
    page.goto(demo_site + "/search/?q=conference")
    expect(page.get_by_label("Any type")).to_be_hidden()
    page.screenshot(path="/tmp/find-shots/search-phone-nojs.png")
    assert page.locator(".app-listing__item").first.bounding_box()["y"] < PHONE["height"]
    page.get_by_text("Filter results").click()
    expect(page.get_by_label("Any type")).to_be_visible()


@pytest.mark.parametrize("language", ["en", "cy", "pl", "ur"])
def test_on_a_phone_confrence_finds_the_conference_guide_in_every_language(
    demo_site, page, language
):
    page.set_viewport_size(PHONE)
    prefix = "" if language == "en" else f"/{language}"
    page.goto(f"{demo_site}{prefix}/search/")
    box = page.locator("#search-q")
    # A typo neither engine reads as the word (PostgreSQL's stemmer reads "conferance" as
    # "conference" and answers without "did you mean"; SQLite does not).
    box.fill("confrence")
    box.press("Enter")
    page.wait_for_load_state()
    first = page.locator(".app-listing__item").first.get_by_role("link").first
    expect(first).to_have_attribute(
        "href",
        re.compile(
            r"/(child-protection-and-care-proceedings|amddiffyn-plant-ac-achosion"
            r"-gofal|ochrona-dziecka-i-postepowanie-sadowe)/$"
        ),
    )
    expect(page.locator(".app-did-you-mean a")).to_be_visible()
    page.screenshot(path=f"/tmp/find-shots/search-confrence-{language}.png")
    assert first.bounding_box()["y"] < PHONE["height"]
