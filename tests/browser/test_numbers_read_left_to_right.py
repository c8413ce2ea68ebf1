"""Phone numbers, emails and postcodes read left to right on right-to-left (Urdu) pages."""

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# The left edge of each space-separated group of an element's text, in the order they are
# written, measured as Chromium lays them out.
GROUP_LEFT_EDGES = """
(element) => {
  const text = element.firstChild.nodeType === Node.TEXT_NODE
    ? element.firstChild : document.createTreeWalker(element, NodeFilter.SHOW_TEXT).nextNode();
  const edges = [];
  let start = 0;
  for (const group of text.data.split(" ")) {
    const range = document.createRange();
    range.setStart(text, start);
    range.setEnd(text, start + group.length);
    edges.push(range.getClientRects()[0].left);
    start += group.length + 1;
  }
  return edges;
}
"""

# The same element with its isolation taken away, as the hub rendered it before.
UNISOLATE = """
(element) => {
  for (const node of [element, ...element.querySelectorAll("*")]) {
    node.removeAttribute("dir");
    node.style.direction = "inherit";
    node.style.unicodeBidi = "normal";
  }
}
"""


def groups_read_left_to_right(locator):
    edges = locator.evaluate(GROUP_LEFT_EDGES)
    return len(edges) > 1 and edges == sorted(edges)


def test_the_phone_number_reads_left_to_right_on_an_urdu_page(demo_site, page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(demo_site + "/ur/")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    phone = page.locator('footer a[href^="tel:"]')
    assert phone.inner_text() == "0300 000 0000"
    assert groups_read_left_to_right(phone)
    # Without isolation the same number reads "0000 000 0300": the check above can fail.
    phone.evaluate(UNISOLATE)
    assert not groups_read_left_to_right(phone)


def lines_of(link):
    return link.evaluate("link => link.getClientRects().length")


def test_a_phone_number_in_a_sentence_stays_on_one_line_on_a_phone(demo_site, page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(demo_site + "/parent-rights-charter/")
    phone = page.locator('main a[href="tel:03000000002"]')
    assert phone.inner_text() == "0300 000 0002"
    assert lines_of(phone) == 1
    # Laid out as ordinary text, the same number breaks after "0300" here: the check above can
    # fail.
    phone.evaluate("link => { link.style.display = 'inline'; }")
    assert lines_of(phone) == 2


def test_a_phone_number_too_long_for_the_line_still_fits_the_screen(demo_site, page):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(demo_site + "/parent-rights-charter/")
    phone = page.locator('main a[href="tel:03000000002"]')
    # As long as the site settings' phone field allows (40 characters), at 200% text.
    phone.evaluate(
        """link => {
          link.textContent = "01234 567890 extension 1234 (text relay)";
          document.documentElement.style.fontSize = "200%";
        }"""
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    # Kept on one line at any cost (the first rule tried), it widens the page: the check above
    # can fail.
    phone.evaluate("link => { link.style.display = 'inline'; link.style.whiteSpace = 'nowrap'; }")
    assert page.evaluate("document.documentElement.scrollWidth") > 320
