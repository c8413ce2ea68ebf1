"""A parent reviewer's dashboard: what waits for them, in plain words, one click from the draft."""

import pytest

from stories.factories import StoryIndexPageFactory, StoryPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(home, people):
    story = StoryPageFactory(
        parent=StoryIndexPageFactory(parent=home), live=False, title="Letters to dads"
    )
    story.save_revision(user=people["comms"])
    story.get_workflow().start(story, people["comms"])
    return story


def dashboard(client, user):
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def test_a_reviewer_opens_on_what_waits_for_them_with_who_asked_and_what_is_needed(
    submitted, people, client
):
    html = dashboard(client, people["parent_a"])
    assert "Waiting for your review" in html
    assert "Letters to dads" in html
    assert "You said, we did" in html  # what kind of page it is
    assert "Asked by Comms" in html
    assert "It needs 2 more approvals." in html
    assert f"/admin/pages/workflow/preview/{submitted.pk}/" in html
    assert "This is new: it has never been on the website." in html
    assert ">Approve<" in html and "Request changes" in html


def test_after_approving_the_reviewer_sees_it_still_waits_for_others(submitted, people, client):
    state = submitted.current_workflow_task_state
    state.task.specific.on_action(state, people["parent_a"], "approve")
    html = dashboard(client, people["parent_a"])
    assert "It needs 1 more approval." in html
    assert "You approved this." in html
    assert ">Approve<" not in html
    assert "It needs 1 more approval." in dashboard(client, people["parent_b"])


def test_a_reviewers_dashboard_has_nothing_else_on_it(submitted, people, client):
    html = dashboard(client, people["parent_a"])
    for other in (
        "Your pages and snippets in a workflow",
        "Your most recent edits",
        "Your locked pages",
        "Awaiting your review",
    ):
        assert other not in html


def test_a_reviewer_with_nothing_waiting_is_told_so_kindly(home, people, client):
    assert "Nothing is waiting for you." in dashboard(client, people["parent_b"])


def test_the_reviewer_can_open_the_draft_preview_and_the_changes(submitted, people, client):
    client.force_login(people["parent_a"])
    task = submitted.current_workflow_task
    preview = client.get(f"/admin/pages/workflow/preview/{submitted.pk}/{task.pk}/")
    assert preview.status_code == 200
    assert "Letters to dads" in preview.content.decode()
    state = submitted.current_workflow_task_state
    changes = client.get(f"/admin/parent-review/{state.pk}/changes/")
    assert changes.status_code == 200
    assert "What changed" in changes.content.decode()


def test_a_reviewer_approves_through_the_admin_action(submitted, people, client):
    client.force_login(people["parent_a"])
    state = submitted.current_workflow_task_state
    response = client.post(
        f"/admin/pages/workflow/action/{submitted.pk}/approve/{state.pk}/", {"comment": "Good"}
    )
    assert response.status_code == 302
    from hub.review.models import ParentReviewDecision

    decision = ParentReviewDecision.objects.get()
    assert (decision.reviewer, decision.comment) == (people["parent_a"], "Good")


def test_comms_staff_do_not_get_the_reviewers_panel(submitted, people, client):
    assert "Waiting for your review" not in dashboard(client, people["comms"])


def test_what_changed_shows_the_edit_made_since_the_live_version(home, people, client):
    story = StoryPageFactory(parent=StoryIndexPageFactory(parent=home), title="Old title")
    story.save_revision().publish()
    story.title = "New title"
    story.save_revision(user=people["comms"])
    story.get_workflow().start(story, people["comms"])
    client.force_login(people["parent_a"])
    state = story.current_workflow_task_state
    assert f"/admin/parent-review/{state.pk}/changes/" in dashboard(client, people["parent_a"])
    html = client.get(f"/admin/parent-review/{state.pk}/changes/").content.decode()
    assert '<span class="deletion">Old</span><span class="addition">New</span> title' in html


def test_only_reviewers_who_may_act_can_see_what_changed(submitted, people, client):
    state = submitted.current_workflow_task_state
    client.force_login(people["comms"])  # the author is not a reviewer
    assert client.get(f"/admin/parent-review/{state.pk}/changes/").status_code == 404
    client.force_login(people["parent_a"])
    assert client.get("/admin/parent-review/999999/changes/").status_code == 404


def test_a_reviewers_menu_has_no_items_they_cannot_use(people, client):
    client.force_login(people["parent_a"])
    html = client.get("/admin/").content.decode()
    assert '"name": "reports"' not in html and '"name": "help"' not in html
    client.force_login(people["comms"])
    assert '"name": "help"' in client.get("/admin/").content.decode()


def test_a_venue_waiting_for_review_shows_on_the_dashboard_with_its_preview_and_changes(
    people, client
):
    from events.factories import VenueFactory

    venue = VenueFactory(live=False, name="New community hall")
    venue.save_revision(user=people["comms"])
    venue.get_workflow().start(venue, people["comms"])
    html = dashboard(client, people["parent_a"])
    assert "New community hall" in html
    assert "Venue" in html
    state = venue.current_workflow_task_state
    preview = f"/admin/snippets/events/venue/workflow/preview/{venue.pk}/{state.task_id}/"
    assert preview in html
    assert "This is new" in html
    assert client.get(preview).status_code == 200
    assert client.get(f"/admin/parent-review/{state.pk}/changes/").status_code == 200
    response = client.post(
        f"/admin/snippets/events/venue/workflow/action/{venue.pk}/approve/{state.pk}/", {}
    )
    assert response.status_code == 302
    assert state.parent_decisions.filter(reviewer=people["parent_a"]).exists()
