"""Every page type, as Chromium renders it, passes axe-core with no violations."""

import pytest

from tests.helpers.axe import describe, run_axe

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PAGES = {
    "home": "/",
    "co-production charter": "/co-production-charter/",
    "parent rights charter": "/parent-rights-charter/",
    "guide index": "/guides/",
    "guide": "/guides/child-protection-and-care-proceedings/",
    "Easy Read guide": "/guides/child-protection-easy-read/",
    "event index": "/events/",
    "event (in person)": "/events/dads-group/",
    "event (online)": "/events/have-your-say-conference-leaflet/",
    "story index": "/you-said-we-did/",
    "story index, filtered": "/you-said-we-did/?status=done&tag=conferences",
    "story": "/you-said-we-did/evening-conferences/",
    "standard page": "/about/",
    "tag page": "/tags/child-protection/",
    "search results": "/search/?q=conference",
    "search, nothing found": "/search/?q=zzzz",
    "404": "/no-such-page/",
    # Welsh, and Urdu (right to left): translated pages, and listings where English stands in.
    "Welsh home": "/cy/",
    "Welsh guide": "/cy/canllawiau/amddiffyn-plant-ac-achosion-gofal/",
    "Welsh co-production charter": "/cy/siarter-cydgynhyrchu/",
    "Welsh event index": "/cy/digwyddiadau/",
    "Welsh search": "/cy/search/?q=llys",
    "Urdu home": "/ur/",
    "Urdu guide": "/ur/guides/child-protection-and-care-proceedings/",
    "Urdu Easy Read guide": "/ur/guides/child-protection-easy-read/",
    "Urdu parent rights charter": "/ur/parent-rights-charter/",
    "Urdu story index": "/ur/you-said-we-did/",
    "Polish guide index": "/pl/poradniki/",
}


@pytest.mark.parametrize("width", [1280, 375], ids=["desktop", "phone"])
def test_every_page_type_in_every_direction_has_no_axe_violations(demo_site, page, width):
    page.set_viewport_size({"width": width, "height": 900})
    failures = {}
    for name, path in PAGES.items():
        response = page.goto(demo_site + path)
        assert response.status == (404 if name == "404" else 200), name
        violations = run_axe(page)
        if violations:
            failures[name] = describe(violations)
    assert not failures, "\n".join(
        f"{name} ({path}):\n{text}"
        for (name, text), path in zip(failures.items(), [PAGES[n] for n in failures], strict=True)
    )


@pytest.mark.parametrize("width", [1280, 375], ids=["desktop", "phone"])
def test_urdu_pages_are_laid_out_right_to_left(demo_site, page, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(demo_site + "/ur/guides/child-protection-and-care-proceedings/")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"

    def box(selector):
        return page.locator(selector).first.bounding_box()

    heading, exit_button = box("h1"), box(".govuk-exit-this-page__button")
    middle = width / 2
    # The heading starts at the right; the exit button sits at the left, as mirrored.
    assert heading["x"] + heading["width"] > middle
    assert exit_button["x"] < middle
    # Step numbers sit to the right of their headings.
    circle, step_title = box(".app-step-nav__circle"), box(".app-step-nav__title")
    assert circle["x"] > step_title["x"]
    # The language switcher lists Urdu first from the right, each name in its own script.
    current = page.locator(".app-language-switcher__current")
    assert current.get_attribute("lang") == "ur" and current.inner_text() == "اردو"
