"""On a phone, nothing on the page moves once it is drawn: the menu is folded from the first
paint, not when the script runs (Lighthouse's layout shift, CLS, stays below 0.01)."""

import pytest

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
