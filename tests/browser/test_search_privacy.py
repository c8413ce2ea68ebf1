"""Searches leave no trace in the browser's history, in Chromium
(hub/static/hub/js/search-privacy.js): no address or title with the words is ever opened,
Back from a result never returns to the results, and a reader who wants to can still copy a
link to them."""

import re
import sqlite3

import pytest
from playwright.sync_api import expect

from tests.helpers.browser import sign_in
from tests.helpers.workflow import submit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}
SHOTS = "/tmp/exit-shots"


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    yield context.new_page()
    context.close()


def search(page, words):
    page.get_by_label("Search for guides, events and stories").fill(words)
    page.get_by_label("Search for guides, events and stories").press("Enter")
    expect(page.locator("p[role=status]").first).to_contain_text(f"for “{words}”")


def browser_history(playwright, profile, walk, script=None):
    """Every address and title Chromium keeps in its history after `walk(page)`, read from
    the profile's own History database once the browser has closed. `script` runs first on
    every page."""
    from tests.conftest import CHROMIUM, CHROMIUM_ARGS

    context = playwright.chromium.launch_persistent_context(
        profile, executable_path=CHROMIUM, args=CHROMIUM_ARGS, viewport=PHONE
    )
    if script:
        context.add_init_script(script)
    try:
        walk(context.pages[0] if context.pages else context.new_page())
    finally:
        context.close()
    with sqlite3.connect(profile / "Default" / "History") as history:
        return history.execute("SELECT url, title FROM urls").fetchall()


def test_the_search_words_never_reach_the_browsers_history(demo_site, playwright, tmp_path):
    def walk(page):
        page.goto(demo_site + "/")
        box = page.get_by_label("What do you need help with?")
        box.fill("courtt")  # from the home page, misspelt (PostgreSQL finds pages for "cort")
        box.press("Enter")
        expect(page.locator("p[role=status]").first).to_contain_text("for “court”")
        expect(page.locator("p[role=status]").first).to_be_focused()
        page.locator(".app-did-you-mean a").click()  # "Did you mean: court"
        expect(page.locator(".app-did-you-mean")).to_have_count(0)  # the results for "court"
        page.get_by_text("Filter results").click()
        page.get_by_role("radio", name="Guides").check()
        page.get_by_role("button", name="Apply filters").click()
        expect(page.get_by_role("link", name="Clear filters")).to_be_visible()  # applied
        expect(page.get_by_role("radio", name="Guides")).to_be_checked()
        page.get_by_label("Search for guides, events and stories").fill("advocate")
        page.get_by_label("Search for guides, events and stories").press("Enter")
        expect(page.locator("p[role=status]").first).to_contain_text("for “advocate”")
        expect(page).to_have_url(demo_site + "/search/")
        page.locator(".app-listing__item h2 a").first.click()
        expect(page).not_to_have_url(re.compile(r"/search/"))

    visits = browser_history(playwright, tmp_path / "profile", walk)
    search_page_is_kept_without_words(visits, demo_site + "/search/")


def test_a_search_from_a_draft_in_review_keeps_its_words_out_of_the_history_too(
    live_server, live_home, people, playwright, tmp_path
):
    """Found in a review: a search from the draft's frame opened in a new tab at an address
    holding the words (the frame cannot show the search page, so it opens a tab)."""
    live_home.save_revision().publish()
    live_home.title = "Help for parents, with a new welcome"
    submit(live_home, people["comms"])

    def walk(page):
        sign_in(page, live_server.url, "parent_b")
        page.get_by_role("link", name="Review this draft").click()
        draft = page.frame_locator("iframe.app-review__draft")
        expect(draft.locator("body[data-hub-script-ran]")).to_be_attached()
        draft.locator("input[name=q]").first.fill("court")
        with page.context.expect_page() as opened:
            draft.locator("input[name=q]").first.press("Enter")
        results = opened.value
        expect(results.locator("p[role=status]").first).to_contain_text("for “court”")
        expect(results).to_have_url(live_server.url + "/search/")

    visits = browser_history(playwright, tmp_path / "profile", walk)
    search_page_is_kept_without_words(visits, live_server.url + "/search/")


def search_page_is_kept_without_words(visits, search_page):
    """The history holds the search page, only by its plain address, and titled for searching
    or for the result read after it (leaving the results replaces them); never the words."""
    searches = [(url, title) for url, title in visits if "/search/" in url]
    assert searches, visits
    assert all(url == search_page for url, _title in searches), visits
    pages = {title for url, title in visits if "/search/" not in url}
    for _url, title in searches:
        assert title.startswith(("Search – ", "Search results – ")) or title in pages, title


# As a browser set to refuse sites' storage does: reading sessionStorage throws.
REFUSE_STORAGE = """Object.defineProperty(window, "sessionStorage", {
  get() { throw new DOMException("Storage is refused", "SecurityError"); },
});"""


def test_a_browser_that_refuses_storage_keeps_the_words_out_of_its_history_too(
    demo_site, playwright, tmp_path
):
    def walk(page):
        page.goto(demo_site + "/")
        box = page.get_by_label("What do you need help with?")
        box.fill("advocate")  # from the home page: the words must reach the search page
        box.press("Enter")
        expect(page.locator("p[role=status]").first).to_contain_text("for “advocate”")
        expect(page).to_have_url(demo_site + "/search/")
        # Read once: the tab keeps nothing for the pages after.
        assert page.evaluate("window.name") == ""
        page.screenshot(path=f"{SHOTS}/search-refused-storage-phone.png")
        page.locator(".app-listing__item h2 a").first.click()
        expect(page).not_to_have_url(re.compile(r"/search/"))

    visits = browser_history(playwright, tmp_path / "profile", walk, script=REFUSE_STORAGE)
    search_page_is_kept_without_words(visits, demo_site + "/search/")


def visited(page):
    """What the tab's history would show for this entry: its address and title."""
    return page.evaluate("[location.href, document.title]")


def test_the_search_words_leave_the_address_and_title_once_results_show(demo_site, phone):
    phone.goto(demo_site + "/search/")
    search(phone, "court")
    expect(phone).to_have_url(demo_site + "/search/")
    address, title = visited(phone)
    assert "court" not in address and "court" not in title
    assert title == "Search results – Kingsbrook Parent Partnership"
    phone.screenshot(path=f"{SHOTS}/search-results-phone.png")


def test_back_from_a_result_goes_to_before_the_search_not_to_the_results(demo_site, phone):
    phone.goto(demo_site + "/guides/")
    phone.goto(demo_site + "/search/?q=court")
    expect(phone).to_have_url(demo_site + "/search/")
    phone.locator(".app-listing__item h2 a").first.tap()
    expect(phone).not_to_have_url(re.compile(r"/search/"))
    phone.go_back()
    expect(phone).to_have_url(demo_site + "/guides/")
    expect(phone.locator("h1")).to_have_text("Guides")


def test_a_reader_can_copy_a_link_that_brings_the_results_back(demo_site, phone):
    phone.goto(demo_site + "/search/?q=court")
    phone.get_by_role("button", name="Copy a link to these results").tap()
    expect(phone.get_by_text("Link copied.")).to_be_visible()
    copied = phone.evaluate("navigator.clipboard.readText()")
    assert copied == demo_site + "/search/?q=court"
    phone.screenshot(path=f"{SHOTS}/search-share-phone.png")
    phone.goto(copied)
    expect(phone.locator("p[role=status]").first).to_contain_text("for “court”")


def test_in_welsh_the_clean_title_and_the_copy_button_are_welsh(demo_site, phone):
    phone.goto(demo_site + "/cy/search/?q=llys")
    expect(phone).to_have_url(demo_site + "/cy/search/")
    assert visited(phone)[1].startswith("Canlyniadau chwilio – ")
    expect(phone.get_by_role("button", name="Copïo dolen i'r canlyniadau hyn")).to_be_visible()


def test_without_javascript_the_address_keeps_the_query_and_no_button_shows(
    demo_site, phone_without_javascript
):
    page = phone_without_javascript
    page.goto(demo_site + "/search/?q=court")
    expect(page).to_have_url(demo_site + "/search/?q=court")
    expect(page.locator("p[role=status]").first).to_contain_text("for “court”")
    expect(page.get_by_role("button", name="Copy a link to these results")).to_be_hidden()


def test_words_typed_while_results_are_on_their_way_stay_in_the_box(demo_site, phone):
    """The results are slow to come: the reader searches again, then starts typing a third
    search before any results arrive. The last results asked for show, even when the first
    search's results come after them; the typing stays."""
    held = {}

    def hold(route):  # answered below, in the order the test chooses
        held[re.search(r"q=(\w+)", route.request.url)[1]] = route

    phone.route(re.compile(r"/search/\?q=(court|advocate)"), hold)
    phone.goto(demo_site + "/search/")
    box = phone.get_by_label("Search for guides, events and stories")
    for words in ["court", "advocate"]:
        box.fill(words)
        box.press("Enter")
        while words not in held:
            phone.wait_for_timeout(20)
    box.fill("confer")  # not sent yet
    held["advocate"].continue_()
    expect(phone.locator("p[role=status]").first).to_contain_text("for “advocate”")
    with phone.expect_response(re.compile(r"q=court")):
        held["court"].continue_()  # the first search's results, last
    phone.wait_for_timeout(300)
    expect(phone.locator("p[role=status]").first).to_contain_text("for “advocate”")
    expect(box).to_have_value("confer")
    expect(box).to_be_focused()


OFFLINE = re.compile(r"/search/\?q=court")


def search_offline(phone, address, box_label):
    """Searches for "court" from the box labelled `box_label` at `address`, with the results'
    fetch failing (as offline); returns the search page's message that they did not load."""
    phone.route(OFFLINE, lambda route: route.abort())
    phone.goto(address)
    phone.get_by_label(box_label).fill("court")
    phone.get_by_label(box_label).press("Enter")
    return phone.locator("[data-hub-search-failed]")


def test_results_that_cannot_be_fetched_are_said_so_and_the_words_stay_out_of_the_address(
    demo_site, phone
):
    failed = search_offline(phone, demo_site + "/search/", "Search for guides, events and stories")
    box = phone.get_by_label("Search for guides, events and stories")
    expect(failed).to_be_visible()
    expect(failed).to_be_focused()
    expect(failed).to_contain_text("The results did not load")
    expect(phone).to_have_url(demo_site + "/search/")
    expect(box).to_have_value("court")
    # Back online, the same search works, and the message goes.
    phone.unroute(OFFLINE)
    box.press("Enter")
    expect(phone.locator("p[role=status]").first).to_contain_text("for “court”")
    expect(failed).to_be_hidden()


def test_a_failed_search_from_another_page_keeps_the_words_to_search_again(demo_site, phone):
    failed = search_offline(phone, demo_site + "/", "What do you need help with?")
    expect(failed).to_be_focused()
    expect(phone).to_have_url(demo_site + "/search/")
    box = phone.get_by_label("Search for guides, events and stories")
    expect(box).to_have_value("court")
    # It fails again: the message is shown afresh (and read out again), the words still there.
    box.press("Enter")
    expect(failed).to_be_focused()
    expect(box).to_have_value("court")


def test_the_box_above_the_results_still_suggests_titles(demo_site, phone):
    phone.goto(demo_site + "/search/")
    search(phone, "court")
    phone.get_by_label("Search for guides, events and stories").fill("chi")
    expect(phone.locator("#search-q-suggestions option").first).to_be_attached()
