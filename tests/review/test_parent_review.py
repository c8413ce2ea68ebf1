"""Nothing goes live until the configured number of parent reviewers approve it."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from wagtail.models import WorkflowState

from events.factories import VenueFactory
from hub.review.models import ParentReviewDecision
from hub.review.roles import COMMS_STAFF, PARENT_REVIEWERS
from stories.factories import StoryIndexPageFactory, StoryPageFactory
from tests.helpers.workflow import act, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(home, people):
    """A new story drafted by comms staff: never published."""
    stories = StoryIndexPageFactory(parent=home)
    story = StoryPageFactory(parent=stories, live=False, title="Letters to dads")
    story.save_revision(user=people["comms"])
    return story


def test_a_draft_goes_live_only_after_two_different_parents_approve(draft, people, client):
    submit(draft, people["comms"])
    act(draft, people["parent_a"], "approve")
    assert not draft.live
    assert client.get(draft.url or "/you-said-we-did/letters-to-dads/").status_code == 404

    act(draft, people["parent_b"], "approve", comment="Clear and kind.")
    assert draft.live
    assert client.get(draft.url).status_code == 200
    decisions = ParentReviewDecision.objects.order_by("created_at")
    assert [(d.reviewer.username, d.decision, d.comment) for d in decisions] == [
        ("parent_a", "approved", ""),
        ("parent_b", "approved", "Clear and kind."),
    ]


def test_the_published_revision_is_exactly_the_one_the_parents_approved(draft, people):
    submit(draft, people["comms"])
    approved = draft.get_latest_revision()
    act(draft, people["parent_a"], "approve")
    act(draft, people["parent_b"], "approve")
    assert draft.live_revision == approved


def test_the_same_parent_approving_twice_counts_once(draft, people):
    submit(draft, people["comms"])
    act(draft, people["parent_a"], "approve")
    task = draft.current_workflow_task.specific
    assert "approve" not in [name for name, *_ in task.get_actions(draft, people["parent_a"])]
    act(draft, people["parent_a"], "approve")
    assert not draft.live
    assert ParentReviewDecision.objects.count() == 1


def test_an_author_who_is_a_parent_reviewer_cannot_approve_their_own_submission(
    home, make_member, people
):
    author = make_member("parent_author", COMMS_STAFF, PARENT_REVIEWERS)
    story = StoryPageFactory(parent=StoryIndexPageFactory(parent=home), live=False)
    submit(story, author)
    task = story.current_workflow_task.specific
    assert task.get_actions(story, author) == []
    with pytest.raises(PermissionDenied):
        act(story, author, "approve")
    assert not story.live


def test_a_request_for_changes_sends_the_draft_back_with_the_comment(draft, people):
    submit(draft, people["comms"])
    act(draft, people["parent_a"], "approve")
    act(draft, people["parent_b"], "reject", comment="Please say who to call.")
    state = WorkflowState.objects.get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.requested_by == people["comms"]
    assert not draft.live
    rejection = ParentReviewDecision.objects.get(decision="changes_requested")
    assert (rejection.reviewer, rejection.comment) == (
        people["parent_b"],
        "Please say who to call.",
    )


def test_an_edit_after_an_approval_needs_approving_again(draft, people):
    submit(draft, people["comms"])
    act(draft, people["parent_a"], "approve")
    draft.title = "Letters to every parent"
    edited = draft.save_revision(user=people["comms"])
    act(draft, people["parent_b"], "approve")
    assert not draft.live  # parent A approved the old words, not these
    act(draft, people["parent_a"], "approve")
    assert draft.live
    assert draft.live_revision == edited
    assert draft.title == "Letters to every parent"


def test_an_approved_page_with_a_go_live_date_waits_for_it(draft, people):
    draft.go_live_at = timezone.now() + datetime.timedelta(days=2)
    submit(draft, people["comms"])
    act(draft, people["parent_a"], "approve")
    act(draft, people["parent_b"], "approve")
    assert not draft.live
    assert draft.get_latest_revision().approved_go_live_at == draft.go_live_at


def test_the_history_says_who_approved_and_that_the_review_published_it(draft, people):
    from wagtail.models import PageLogEntry

    submit(draft, people["comms"])
    act(draft, people["parent_a"], "approve")
    act(draft, people["parent_b"], "approve")
    entries = {e.action: e for e in PageLogEntry.objects.filter(page=draft)}
    assert entries["hub.parent_review.approve"].user == people["parent_a"]
    published = entries["hub.parent_review.published"]
    assert published.data["approved_by"] == ["parent_a", "parent_b"]
    # By name, as the editor names who asked for changes: not by username (found in a walk).
    assert published.data["approved_by_names"] == ["Parent_A", "Parent_B"]
    assert "approved by Parent_A, Parent_B" in published.message


def test_a_venue_goes_through_the_same_review(people):
    venue = VenueFactory(live=False, name="New hall")
    submit(venue, people["comms"])
    act(venue, people["parent_a"], "approve")
    assert not venue.live
    act(venue, people["parent_b"], "approve")
    assert venue.live


@pytest.mark.parametrize(
    "role, can",
    [
        (
            "comms",
            {"edit": True, "publish": False, "unpublish": False, "delete": False, "move": False},
        ),
        (
            "parent_a",
            {"edit": False, "publish": False, "unpublish": False, "delete": False, "move": False},
        ),
        ("admin", {"edit": True, "publish": True, "unpublish": True, "delete": True, "move": True}),
    ],
)
def test_who_may_do_what_to_a_live_page(home, people, role, can):
    story = StoryPageFactory(parent=StoryIndexPageFactory(parent=home))
    perms = story.permissions_for_user(people[role])
    assert {
        "edit": perms.can_edit(),
        "publish": perms.can_publish(),
        "unpublish": perms.can_unpublish(),
        "delete": perms.can_delete(),
        "move": perms.can_move(),
    } == can


def test_comms_staff_cannot_publish_through_the_api_or_a_hand_made_post(draft, people, client):
    with pytest.raises(PermissionDenied):
        draft.get_latest_revision().publish(user=people["comms"])
    client.force_login(people["comms"])
    from tests.helpers import form_data

    data = form_data.nested_form_data({**form_data.story_page(draft), "action-publish": "1"})
    client.post(f"/admin/pages/{draft.pk}/edit/", data)
    draft.refresh_from_db()
    assert not draft.live


def test_a_translation_goes_through_the_same_review(home, people, client):
    from wagtail.models import Locale

    welsh = Locale.objects.get(language_code="cy")
    story = StoryPageFactory(parent=StoryIndexPageFactory(parent=home), title="Letters")
    translation = story.copy_for_translation(welsh, copy_parents=True)
    translation.title = "Llythyrau"
    translation.save_revision(user=people["comms"])
    assert not translation.live
    assert translation.get_workflow().name == "Parent review"
    submit(translation, people["comms"])
    act(translation, people["parent_a"], "approve")
    assert not translation.live
    act(translation, people["parent_b"], "approve")
    assert translation.live and translation.title == "Llythyrau"


def test_administrators_set_how_many_approvals_the_task_needs(people, client):
    from hub.review.models import ParentPanelReviewTask

    task = ParentPanelReviewTask.objects.get(name="Parent panel review")
    client.force_login(people["admin"])
    response = client.post(
        f"/admin/workflows/tasks/edit/{task.pk}/",
        {"name": "Parent panel review", "approvals_required": "3"},
    )
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.approvals_required == 3


def test_a_task_cannot_be_set_to_need_no_approvals(people, client):
    from hub.review.models import ParentPanelReviewTask

    task = ParentPanelReviewTask.objects.get(name="Parent panel review")
    client.force_login(people["admin"])
    response = client.post(
        f"/admin/workflows/tasks/edit/{task.pk}/",
        {"name": "Parent panel review", "approvals_required": "0"},
    )
    assert response.status_code == 200  # the form comes back with its error
    task.refresh_from_db()
    assert task.approvals_required == 2


def test_after_parents_ask_for_changes_comms_read_why_and_have_one_button_to_send_it_back(
    draft, people, client
):
    submit(draft, people["comms"])
    edit = f"/admin/pages/{draft.pk}/edit/"
    client.force_login(people["comms"])
    act(draft, people["parent_a"], "reject", comment="Please say who to call.")
    needs_changes = client.get(edit).content.decode()
    assert "Send the changes to parents" in needs_changes
    assert "Parent_A asked for changes: “Please say who to call.”" in needs_changes
    assert "Send to parent review again" not in needs_changes
    assert "Resubmit" not in needs_changes
