"""Every page type, as Chromium renders it, passes axe-core with no violations."""

import pytest

from tests.browser.conftest import describe, run_axe

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
}


@pytest.mark.parametrize("width", [1280, 375], ids=["desktop", "phone"])
def test_every_page_type_has_no_axe_violations(demo_site, page, width):
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
