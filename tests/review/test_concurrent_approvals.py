"""Two parents approving at the same moment: both approvals count, and it publishes once."""

import threading

import pytest
from django.contrib.auth.models import Group
from django.db import connection

from hub.review.roles import COMMS_STAFF, PARENT_REVIEWERS

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    # SQLite serialises every write to the whole database, so the race this guards against
    # cannot happen there; CI runs the suite again on PostgreSQL, where it can.
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks are tested on PostgreSQL"
    ),
]


def test_two_parents_approving_at_once_publish_exactly_once(home, django_user_model):
    from wagtail.models import PageLogEntry, TaskState, WorkflowState

    from hub.review.models import ParentReviewDecision
    from stories.factories import StoryIndexPageFactory, StoryPageFactory

    comms = django_user_model.objects.create_user("comms", "c@example.org", "pw")
    comms.groups.add(Group.objects.get(name=COMMS_STAFF))
    parents = []
    for name in ("parent_a", "parent_b"):
        parent = django_user_model.objects.create_user(name, f"{name}@example.org", "pw")
        parent.groups.add(Group.objects.get(name=PARENT_REVIEWERS))
        parents.append(parent)
    story = StoryPageFactory(parent=StoryIndexPageFactory(parent=home), live=False)
    story.save_revision(user=comms)
    story.get_workflow().start(story, comms)
    state_id = story.current_workflow_task_state.pk

    start = threading.Barrier(len(parents))
    errors = []

    def approve(parent):
        try:
            state = TaskState.objects.get(pk=state_id)
            start.wait(timeout=10)
            state.task.specific.on_action(state, parent, "approve")
        except Exception as error:  # reported below, in the test's own thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=approve, args=(parent,)) for parent in parents]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert not errors
    assert ParentReviewDecision.objects.filter(decision="approved").count() == 2
    assert WorkflowState.objects.get().status == WorkflowState.STATUS_APPROVED
    assert (
        PageLogEntry.objects.filter(page=story, action="hub.parent_review.published").count() == 1
    )
    story.refresh_from_db()
    assert story.live
