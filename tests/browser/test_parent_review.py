"""Parent reviewers, in a real browser: their screens pass axe, and their approvals publish."""

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from hub.roles import COMMS_STAFF, PARENT_REVIEWERS
from tests.browser.conftest import describe, run_axe

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def submitted_story(live_server, django_user_model):
    from wagtail.models import Page, Site

    from home.factories import HomePageFactory
    from stories.factories import StoryIndexPageFactory, StoryPageFactory

    home = HomePageFactory(parent=Page.get_first_root_node())
    host, port = live_server.url.removeprefix("http://").split(":")
    Site.objects.update_or_create(
        is_default_site=True, defaults={"root_page": home, "hostname": host, "port": int(port)}
    )
    for username, group in (
        ("comms", COMMS_STAFF),
        ("parent_a", PARENT_REVIEWERS),
        ("parent_b", PARENT_REVIEWERS),
    ):
        user = django_user_model.objects.create_user(username, password="a-long-pass-phrase")
        user.groups.add(Group.objects.get(name=group))
    story = StoryPageFactory(
        parent=StoryIndexPageFactory(parent=home), live=False, title="Letters go to both parents"
    )
    comms = django_user_model.objects.get(username="comms")
    story.save_revision(user=comms)
    story.get_workflow().start(story, comms)
    return story


def log_in(page, base, username):
    page.goto(base + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("a-long-pass-phrase")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Waiting for your review")).to_be_visible()


def test_two_parents_approve_from_their_dashboards_and_the_story_goes_live(
    live_server, submitted_story, page, browser
):
    base = live_server.url
    story_url = base + "/you-said-we-did/" + submitted_story.slug + "/"
    log_in(page, base, "parent_a")
    violations = run_axe(page, context=".hub-review")
    assert not violations, describe(violations)
    expect(page.get_by_text("It needs 2 more approvals.")).to_be_visible()

    page.get_by_role("link", name="See what changed").click()
    page.wait_for_url("**/parent-review/*/changes/")
    expect(
        page.get_by_role("heading", name="What changed: Letters go to both parents")
    ).to_be_attached()
    violations = run_axe(page, context="main")
    assert not violations, describe(violations)
    page.go_back()
    page.wait_for_url(base + "/admin/")

    page.get_by_role("button", name=re.compile(r"^Approve\b(?! with)")).click()
    expect(page.get_by_text("You approved this.")).to_be_visible()
    public = browser.new_page()
    assert public.goto(story_url).status == 404  # one approval is not enough

    other = browser.new_context().new_page()
    log_in(other, base, "parent_b")
    expect(other.get_by_text("It needs 1 more approval.")).to_be_visible()
    other.get_by_role("button", name=re.compile(r"^Approve\b(?! with)")).click()
    expect(other.get_by_text("Nothing is waiting for you.")).to_be_visible()

    response = public.goto(story_url)
    assert response.status == 200
    expect(public.get_by_role("heading", level=1)).to_have_text("Letters go to both parents")
