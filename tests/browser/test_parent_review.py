"""Parent reviewers, in a real browser: their screens pass axe, and their approvals publish."""

import re

import pytest
from playwright.sync_api import expect

from tests.helpers.axe import describe, run_axe
from tests.helpers.browser import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def stories(live_home, people):
    """A stories section on the live server's home page."""
    from stories.factories import StoryIndexPageFactory

    return StoryIndexPageFactory(parent=live_home)


@pytest.fixture
def submitted_story(stories, people):
    from stories.factories import StoryPageFactory

    story = StoryPageFactory(parent=stories, live=False, title="Letters go to both parents")
    story.save_revision(user=people["comms"])
    story.get_workflow().start(story, people["comms"])
    return story


@pytest.fixture
def live_story(stories):
    from stories.factories import StoryPageFactory

    story = StoryPageFactory(parent=stories, title="Cafe opens")
    story.save_revision().publish()
    return story


def log_in(page, base, username):
    sign_in(page, base, username)
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

    expect(page.get_by_text("This is new: it has never been on the website.")).to_be_visible()

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


def comms_edits_and_submits(page, base, story, new_title):
    sign_in(page, base, "comms")
    page.goto(base + f"/admin/pages/{story.pk}/edit/")
    page.locator("#id_title").fill(new_title)
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Submit to Parent review").click()
    expect(page.get_by_text("has been submitted for moderation").first).to_be_visible()


def test_comms_submits_an_edit_the_public_sees_the_old_words_until_two_parents_approve(
    live_server, live_story, page, browser
):
    base = live_server.url
    public_url = base + live_story.url
    comms_edits_and_submits(page, base, live_story, "Support cafe opens in the north")

    public = browser.new_context().new_page()
    public.goto(public_url)
    expect(public.get_by_role("heading", level=1)).to_have_text("Cafe opens")

    for parent, still_live in (
        ("parent_a", "Cafe opens"),
        ("parent_b", "Support cafe opens in the north"),
    ):
        reviewer = browser.new_context().new_page()
        log_in(reviewer, base, parent)
        if parent == "parent_a":
            reviewer.get_by_role("link", name=re.compile("^See what changed")).click()
            reviewer.wait_for_url("**/parent-review/*/changes/")
            expect(reviewer.locator(".addition").first).to_be_visible()
            violations = run_axe(reviewer, context="main")
            assert not violations, describe(violations)
            reviewer.go_back()
            reviewer.wait_for_url(base + "/admin/")
        reviewer.get_by_role("button", name=re.compile(r"^Approve\b(?! with)")).click()
        expect(
            reviewer.get_by_text("Nothing is waiting for you.").or_(
                reviewer.get_by_text("You approved this.")
            )
        ).to_be_visible()
        public.goto(public_url)
        expect(public.get_by_role("heading", level=1)).to_have_text(still_live)


def test_a_parent_sends_a_draft_back_and_the_author_sees_the_comment(
    live_server, live_story, page, browser, mailoutbox
):
    base = live_server.url
    comms_edits_and_submits(page, base, live_story, "Cafe opens soon")

    reviewer = browser.new_context().new_page()
    log_in(reviewer, base, "parent_a")
    reviewer.get_by_role("button", name=re.compile(r"^Request changes")).click()
    dialog = reviewer.get_by_role("dialog")
    dialog.get_by_label("Comment").fill("Please add the opening times.")
    dialog.get_by_role("button", name="Request changes").click()
    expect(reviewer.get_by_text("Nothing is waiting for you.")).to_be_visible()

    page.goto(base + f"/admin/pages/{live_story.pk}/edit/")
    expect(page.get_by_text("Please add the opening times.").first).to_be_attached()
    assert any(
        "Please add the opening times." in m.body and m.to == ["comms@example.org"]
        for m in mailoutbox
    )
