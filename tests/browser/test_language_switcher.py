"""Never stranded in English, in Chromium on a 390 px phone: an English-only page opened from
the Polish or Urdu hub keeps the language switcher, which leads back to the reader's hub, in
a line or two above the page."""

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SHOTS = "/tmp/exit-shots"
# Each hub's events list and stories list, where English stand-ins are listed.
LISTS = {
    "pl": ["/pl/wydarzenia/", "/pl/powiedzieliscie-zrobilismy/"],
    "ur": ["/ur/events/", "/ur/you-said-we-did/"],
}


def open_an_english_only_item(phone, base, code):
    for address in LISTS[code]:
        phone.goto(base + address)
        english = phone.locator(
            ".app-listing__item[lang=en] h2 a, .app-listing__item[lang=en] h3 a"
        )
        if english.count():
            english.first.tap()
            expect(phone.locator("html")).to_have_attribute("lang", "en")
            return
    raise AssertionError(f"no English-only event or story is listed in the {code} hub")


@pytest.mark.parametrize(
    ("code", "home", "why", "direction"),
    [
        ("pl", "Polski: strona główna", "ta strona jest tylko po angielsku", "ltr"),
        ("ur", "اردو: ہوم پیج", "یہ صفحہ صرف انگریزی میں ہے", "rtl"),
    ],
)
def test_an_english_only_page_from_a_translated_hub_leads_back_to_it(
    demo_site, phone, code, home, why, direction
):
    open_an_english_only_item(phone, demo_site, code)
    switcher = phone.get_by_role("navigation", name="Languages")
    link = switcher.get_by_role("link", name=home)
    expect(link).to_be_visible()
    # Why it leads home is read out with the link; on a phone it is not shown, so the switcher
    # stays short.
    expect(link).to_have_accessible_description(f"({why})")
    assert switcher.get_by_text(why).bounding_box()["width"] <= 1  # visually hidden
    assert switcher.bounding_box()["height"] <= 100
    phone.screenshot(path=f"{SHOTS}/english-only-from-{code}-phone.png")
    link.tap()
    expect(phone).to_have_url(f"{demo_site}/{code}/")
    expect(phone.locator("html")).to_have_attribute("lang", code)
    expect(phone.locator("html")).to_have_attribute("dir", direction)
