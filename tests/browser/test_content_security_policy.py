"""Every public page type, and the admin's dashboard and editor, load in Chromium under the
hub's Content-Security-Policy with no violation reported and no console error: the strict
policy is real, and nothing the pages need is refused by it."""

import pytest

from tests.browser.test_accessibility import PAGES
from tests.helpers.browser import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LISTEN = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(event.violatedDirective + ' ' + event.blockedURI);
});
"""


# Lets the page run what it has queued (such as a violation report) before the test reads it.
SETTLE = "() => new Promise(resolve => setTimeout(resolve, 50))"


def watch(page):
    errors = []
    page.add_init_script(LISTEN)
    page.on(
        "console",
        lambda message: errors.append(message.text) if message.type == "error" else None,
    )
    return errors


def problems(page, errors, where):
    found = page.evaluate("window.__cspViolations") + [
        error for error in errors if "404" not in error
    ]
    errors.clear()
    return [f"{where}: {problem}" for problem in found]


def test_every_public_page_type_loads_under_the_strict_policy_with_no_violation(demo_site, page):
    errors = watch(page)
    found = []
    for name, path in PAGES.items():
        response = page.goto(demo_site + path)
        policy = response.headers["content-security-policy"]
        assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy, name
        assert "script-src 'self'" in policy and "object-src 'none'" in policy, name
        assert "frame-ancestors 'none'" in policy and "form-action 'self'" in policy, name
        assert "camera=()" in response.headers["permissions-policy"], name
        # A public page fetches nothing once it has loaded (the search suggestions, below, wait
        # for typing): what it loads is refused or not by then, and reported a moment later.
        page.evaluate(SETTLE)
        found += problems(page, errors, name)
    # The search suggestions (a script file that fetches titles) still work under the policy.
    page.goto(demo_site + "/search/")
    page.locator("input[type=search]").first.fill("chi")
    # (wait_for_function would eval a string in the page, which the policy rightly refuses.)
    page.locator("datalist option").first.wait_for(state="attached")
    found += problems(page, errors, "search suggestions")
    assert not found, "\n".join(found)


def test_json_ld_is_still_read_under_the_policy(demo_site, page):
    page.goto(demo_site + "/events/dads-group/")
    data = page.evaluate(
        "JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)"
    )
    assert data["@type"] == "Event"


def test_the_admin_dashboard_and_editor_work_under_the_admin_policy(demo_site, page):
    errors = watch(page)
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from wagtail.models import Page

    from tests.helpers.people import PASSWORD

    comms = get_user_model().objects.create_user("comms", "comms@example.org", PASSWORD)
    comms.groups.add(Group.objects.get(name="Comms staff"))
    sign_in(page, demo_site, "comms")
    found = []
    response = page.goto(demo_site + "/admin/")
    assert "'unsafe-eval'" not in response.headers["content-security-policy"]
    page.wait_for_load_state("networkidle")
    found += problems(page, errors, "dashboard")
    guide = Page.objects.get(
        url_path__endswith="/child-protection-and-care-proceedings/", locale__language_code="en"
    )
    page.goto(demo_site + f"/admin/pages/{guide.pk}/edit/")
    page.wait_for_load_state("networkidle")
    found += problems(page, errors, "editor")
    assert not found, "\n".join(found)
