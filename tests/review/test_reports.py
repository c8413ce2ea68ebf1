"""Administrators can see every parent review decision, and every publish that skipped review."""

import pytest

from stories.factories import StoryIndexPageFactory, StoryPageFactory

pytestmark = pytest.mark.django_db


def reviewed_story(home, people):
    story = StoryPageFactory(
        parent=StoryIndexPageFactory(parent=home), live=False, title="Letters to dads"
    )
    story.save_revision(user=people["comms"])
    story.get_workflow().start(story, people["comms"])
    for parent, action, comment in (
        ("parent_a", "approve", "Good"),
        ("parent_b", "reject", "Add a number"),
    ):
        state = story.current_workflow_task_state
        state.task.specific.on_action(state, people[parent], action, comment=comment)
    return story


def test_the_decisions_report_lists_who_decided_what_on_which_revision(home, people, client):
    story = reviewed_story(home, people)
    client.force_login(people["admin"])
    html = client.get("/admin/reports/parent-review/decisions/").content.decode()
    assert "Letters to dads" in html
    assert "Approved" in html and "Changes requested" in html
    assert "parent_a" in html and "Add a number" in html
    assert str(story.get_latest_revision().pk) in html


def test_the_decisions_report_exports_as_a_spreadsheet(home, people, client):
    reviewed_story(home, people)
    client.force_login(people["admin"])
    response = client.get("/admin/reports/parent-review/decisions/", {"export": "csv"})
    rows = response.getvalue().decode().splitlines()
    assert rows[0].startswith("Page or snippet,Decision")
    assert len(rows) == 3


def test_a_direct_publish_by_an_administrator_is_listed_and_a_reviewed_one_is_not(
    home, people, client
):
    reviewed = StoryPageFactory(
        parent=StoryIndexPageFactory(parent=home), live=False, title="Reviewed story"
    )
    reviewed.save_revision(user=people["comms"])
    reviewed.get_workflow().start(reviewed, people["comms"])
    for parent in ("parent_a", "parent_b"):
        state = reviewed.current_workflow_task_state
        state.task.specific.on_action(state, people[parent], "approve")
    emergency = StoryPageFactory(parent=reviewed.get_parent(), live=False, title="Urgent notice")
    emergency.save_revision(user=people["admin"]).publish(user=people["admin"])

    client.force_login(people["admin"])
    html = client.get("/admin/reports/parent-review/published-without-review/").content.decode()
    assert "Urgent notice" in html
    assert "Reviewed story" not in html


# Wagtail sends comms staff back to the dashboard; parents meet the reviewers' allow-list.
@pytest.mark.parametrize("role, status", [("comms", 302), ("parent_a", 403)])
def test_only_administrators_see_the_review_reports(home, people, client, role, status):
    client.force_login(people[role])
    for url in (
        "/admin/reports/parent-review/decisions/",
        "/admin/reports/parent-review/published-without-review/",
    ):
        assert client.get(url).status_code == status
