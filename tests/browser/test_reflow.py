"""Every page type reflows at 320 CSS px in every language (WCAG 1.4.10): nothing scrolls
sideways."""

import pytest

from tests.helpers.page_types import PAGE_TYPES, demo_pages_by_language

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# The elements that stick out past the right edge (or the left, right to left), to say why.
WIDEST = """() => [...document.querySelectorAll("body *")]
  .filter((e) => { const r = e.getBoundingClientRect(); return r.right > 321 || r.left < -1; })
  .slice(-3)
  .map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${e.textContent.trim().slice(0, 40)}`)"""


@pytest.mark.parametrize("language", ["en", "cy", "pl", "ur"])
def test_every_page_type_has_no_horizontal_scroll_at_320px(demo_site, page, language):
    page.set_viewport_size({"width": 320, "height": 640})
    pages = {
        name: path for (name, code), path in demo_pages_by_language().items() if code == language
    }
    # The demo has every page type in every language, so none is skipped unnoticed.
    assert set(pages) == {*PAGE_TYPES, "search", "tag page", "404"}
    too_wide = {}
    for name, path in pages.items():
        response = page.goto(demo_site + path)
        assert response.status == (404 if name == "404" else 200), path
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            too_wide[f"{name} ({path})"] = (width, page.evaluate(WIDEST))
    assert not too_wide, "\n".join(f"{k}: {w}px, {why}" for k, (w, why) in too_wide.items())
