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


@pytest.mark.parametrize("language", ["en", "ur"])
def test_with_the_readers_text_at_200_percent_every_page_type_fits_a_phone(
    demo_site, page, language
):
    """WCAG 1.4.4: text made twice as big (a browser's text size, which scales rem and em) loses
    nothing off the side. Found in a reader's walk: the home page's charter cards (14rem wide),
    the events filters' selects (11.5em) and the footer's email were wider than the phone."""
    page.set_viewport_size({"width": 390, "height": 844})
    pages = {
        name: path for (name, code), path in demo_pages_by_language().items() if code == language
    }
    too_wide = {}
    for name, path in pages.items():
        page.goto(demo_site + path)
        page.evaluate("document.documentElement.style.fontSize = '200%'")  # CSSOM: CSP allows
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 390:
            too_wide[f"{name} ({path})"] = (width, page.evaluate(WIDEST.replace("321", "391")))
    assert not too_wide, "\n".join(f"{k}: {w}px, {why}" for k, (w, why) in too_wide.items())


# Elements with words of their own (text that can wrap) whose lines are closer together than
# the text is tall: lines wrapped there are drawn over each other.
CRAMPED_LINES = """() => [...document.querySelectorAll("body *")]
  .filter((e) => [...e.childNodes].some((n) => n.nodeType === 3
    && /\\S\\s+\\S/.test(n.textContent)))
  .filter((e) => e.getClientRects().length && !e.closest(".govuk-visually-hidden"))
  .map((e) => [e, getComputedStyle(e)])
  .filter(([, s]) => s.lineHeight !== "normal" && parseFloat(s.lineHeight) < parseFloat(s.fontSize))
  .map(([e, s]) => `${e.tagName.toLowerCase()}.${e.className} (${s.lineHeight} lines, ${s.fontSize}
    text): ${e.textContent.trim().slice(0, 30)}`)"""


def test_with_the_readers_text_at_200_percent_no_lines_are_drawn_over_each_other(demo_site, page):
    """Found in a reader's walk: "Add to your calendar" and the footer's email address kept
    lines 24px apart as the text grew to 32px, so their wrapped lines overlapped."""
    page.set_viewport_size({"width": 390, "height": 844})
    pages = {name: path for (name, code), path in demo_pages_by_language().items() if code == "en"}
    cramped = {}
    for name, path in pages.items():
        page.goto(demo_site + path)
        page.evaluate("document.documentElement.style.fontSize = '200%'")  # CSSOM: CSP allows
        found = page.evaluate(CRAMPED_LINES)
        if found:
            cramped[f"{name} ({path})"] = found
    assert not cramped, cramped


# Each heading in the main column, and how far it starts below the last line of text above it.
GAPS_ABOVE_HEADINGS = """() => {
  const text = [...document.querySelectorAll("main :is(p, li, h1, h2, h3, h4, .govuk-inset-text)")];
  return [...document.querySelectorAll("main :is(h2, h3)")].map((heading) => {
    const above = text.filter((e) => !e.contains(heading) && !heading.contains(e)
      && e.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING
      && e.getBoundingClientRect().bottom <= heading.getBoundingClientRect().top + 1
      && e.getBoundingClientRect().height > 0).at(-1);
    return [heading.textContent.trim(), above ? Math.round(
      heading.getBoundingClientRect().top - above.getBoundingClientRect().bottom) : 99];
  });
}"""


def test_no_heading_runs_into_the_text_above_it_on_a_phone(demo_site, page):
    """On the rights charter, "If this does not happen" and the next right; on stories, "Why
    we could not do this" and "Updates" after what was done."""
    page.set_viewport_size({"width": 390, "height": 844})
    cramped = {}
    for path in (
        "/parent-rights-charter/",
        "/you-said-we-did/evening-conferences/",
        "/you-said-we-did/confidential-information/",
    ):
        page.goto(demo_site + path)
        gaps = page.evaluate(GAPS_ABOVE_HEADINGS)
        cramped.update({f"{path} {text}": gap for text, gap in gaps if gap < 15})
    assert not cramped, cramped
