"""Urdu in Nastaliq, as phones show it: every line has room for letters that rise and fall far
beyond Latin ones. At GOV.UK's line heights (about 1.04 for a large heading) two lines of a
heading, a link or a button's words collide and are clipped (seen in a walk with Noto Nastaliq
Urdu, which iPhones and Android phones have; this machine's Chromium has no Urdu font, so the
test reads the line heights Chromium computes)."""

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CRAMPED_URDU = """
() => [...document.querySelectorAll(
  "h1, h2, h3, h4, p, li, a, label, dt, dd, .govuk-button, .govuk-tag, .govuk-caption-l"
)]
  .filter((el) => el.closest("[lang]").lang === "ur" && el.offsetParent !== null
    && el.textContent.trim())
  .map((el) => {
    const style = getComputedStyle(el);
    return [el.tagName + " " + el.className + ": " + el.textContent.trim().slice(0, 30),
            parseFloat(style.lineHeight) / parseFloat(style.fontSize)];
  })
  .filter(([, ratio]) => !(ratio >= 1.75))
"""


@pytest.mark.parametrize(
    "path", ["/ur/", "/ur/guides/child-protection-and-care-proceedings/", "/ur/events/"]
)
def test_every_urdu_line_has_room_for_its_letters(demo_site, page, path):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(demo_site + path)
    assert page.evaluate("document.documentElement.lang") == "ur"
    assert page.evaluate(CRAMPED_URDU) == []
