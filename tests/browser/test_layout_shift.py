"""On a phone, nothing on the page moves once it is drawn: the menu is folded from the first
paint, not when the script runs (Lighthouse's layout shift, CLS, stays below 0.01)."""

import pytest
from playwright.sync_api import expect

from tests.helpers.axe import describe, run_axe

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}
# Every layout shift since the page started, as Lighthouse and Chrome's Web Vitals count them.
LAYOUT_SHIFT = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(total), 500);
})"""


@pytest.mark.parametrize(
    "path",
    ["/", "/guides/child-protection-and-care-proceedings/", "/events/", "/ur/"],
)
def test_a_page_on_a_phone_does_not_shift_as_it_loads(demo_site, page, path):
    page.set_viewport_size(PHONE)
    page.goto(demo_site + path, wait_until="load")
    page.wait_for_function(
        "document.querySelector('.govuk-service-navigation__toggle:not([hidden])')"
    )
    assert page.evaluate(LAYOUT_SHIFT) < 0.01
    # The menu still opens and closes.
    toggle = (
        page.get_by_role("button", name="Menu")
        if path != "/ur/"
        else page.locator(".govuk-service-navigation__toggle")
    )
    list_ = page.locator(".govuk-service-navigation__list")
    assert not list_.is_visible()
    toggle.click()
    assert list_.is_visible()


def test_while_the_script_is_on_its_way_the_menu_button_is_an_ordinary_button(demo_site, page):
    """On a slow connection the menu is drawn folded before hub.js arrives. Meanwhile its
    button is shown to everyone, screen readers included: nothing focusable is hidden from
    them (axe's aria-hidden-focus)."""
    held = []
    page.route("**/hub/js/hub.js", lambda route: held.append(route))
    page.set_viewport_size(PHONE)
    page.goto(demo_site + "/events/", wait_until="commit")
    toggle = page.get_by_role("button", name="Menu")
    expect(toggle).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    for _wait in range(100):  # the request reaches the test as Playwright's events arrive
        if held:
            break
        page.wait_for_timeout(50)
    assert held, "hub.js should be on its way"
    page.screenshot(path="/tmp/find-shots/menu-before-script.png")
    violations = run_axe(page, ".govuk-service-navigation")
    assert not violations, describe(violations)
    held[0].continue_()
    expect(page.locator("body[data-hub-script-ran]")).to_have_count(1)
    page.get_by_role("button", name="Menu").click()
    expect(page.locator(".govuk-service-navigation__list")).to_be_visible()


def test_when_the_script_never_arrives_the_menu_opens_out(demo_site, page):
    """If hub.js fails to load, the page is drawn as for a reader without JavaScript: every
    menu link shows, with no button that would do nothing."""
    page.route("**/hub/js/hub.js", lambda route: route.abort())
    page.set_viewport_size(PHONE)
    page.goto(demo_site + "/", wait_until="load")
    menu = page.locator(".govuk-service-navigation__list")
    expect(menu).to_be_visible()
    expect(page.locator(".govuk-service-navigation__toggle")).to_be_hidden()
    expect(menu.get_by_role("link", name="Search")).to_be_visible()
    assert not page.evaluate("document.body.classList.contains('govuk-frontend-supported')")
    page.screenshot(path="/tmp/find-shots/menu-without-script.png")


def test_when_the_menu_script_does_not_start_the_menu_opens_out(demo_site, page):
    """If hub.js runs but the menu's own script does not take charge of its button, the
    button would do nothing: it goes, and every menu link shows."""
    page.route(
        "**/hub/js/hub.js",
        lambda route: route.fulfill(
            content_type="text/javascript", body='document.body.dataset.hubScriptRan = "";'
        ),
    )
    page.set_viewport_size(PHONE)
    page.goto(demo_site + "/events/")
    menu = page.locator(".govuk-service-navigation__list")
    expect(menu).to_be_visible()
    expect(page.locator(".govuk-service-navigation__toggle")).to_have_count(0)
    expect(menu.get_by_role("link", name="Search")).to_be_visible()
