"""The search box in Chromium: suggestions appear as the reader types, from page titles."""

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
