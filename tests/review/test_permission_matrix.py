"""Each role against each action, through the admin's own views.

Comms staff create, edit and submit; parent reviewers approve or send back; hub
administrators publish, unpublish, delete, move and manage users. Every refused action
leaves the page as it was.
"""

import pytest
from django.urls import reverse

from home.factories import StandardPageFactory
from hub.review.roles import COMMS_STAFF, HUB_ADMINISTRATORS, PARENT_REVIEWERS
from stories.factories import StoryIndexPageFactory, StoryPageFactory
from tests.helpers import form_data

pytestmark = pytest.mark.django_db

ROLES = {"comms": COMMS_STAFF, "parent": PARENT_REVIEWERS, "admin": HUB_ADMINISTRATORS}


@pytest.fixture
def users(people, make_member):
    return {
        "comms": people["comms"],
        "parent": people["parent_a"],
        "admin": people["admin"],
        "author": make_member("author", COMMS_STAFF),
    }


@pytest.fixture
def site(home):
    stories = StoryIndexPageFactory(parent=home)
    live = StoryPageFactory(parent=stories, title="Live story")
    live.save_revision().publish()
    return {"index": stories, "live": live, "home": home}


def as_user(client, user):
    client.force_login(user)
    return client


def create(client, site):
    draft = StoryPageFactory.build(title="New story", slug="new-story")
    data = form_data.nested_form_data(form_data.story_page(draft))
    client.post(f"/admin/pages/add/stories/storypage/{site['index'].pk}/", data)
    from stories.models import StoryPage

    return StoryPage.objects.filter(slug="new-story").exists()


def edit(client, site):
    page = site["live"]
    data = form_data.nested_form_data(form_data.story_page(page, title="Edited"))
    client.post(f"/admin/pages/{page.pk}/edit/", data)
    page.refresh_from_db()
    return page.get_latest_revision().content["title"] == "Edited"


def submit(client, site):
    page = site["live"]
    data = form_data.nested_form_data(
        {**form_data.story_page(page, title="Submitted"), "action-submit": "1"}
    )
    client.post(f"/admin/pages/{page.pk}/edit/", data)
    return page.workflow_states.filter(status="in_progress").exists()


def _submitted_by_author(site, users):
    page = site["live"]
    page.save_revision(user=users["author"])
    page.get_workflow().start(page, users["author"])
    return page.current_workflow_task_state


def approve(client, site, users):
    state = _submitted_by_author(site, users)
    revision = site["live"].get_latest_revision().pk
    client.post(f"/admin/parent-review/{state.pk}/", {"decision": "approve", "revision": revision})
    # And through Wagtail's own action screen, which parents never use.
    client.post(f"/admin/pages/workflow/action/{site['live'].pk}/approve/{state.pk}/", {})
    return state.parent_decisions.filter(decision="approved").exists()


def request_changes(client, site, users):
    state = _submitted_by_author(site, users)
    revision = site["live"].get_latest_revision().pk
    client.post(
        f"/admin/parent-review/{state.pk}/",
        {"decision": "reject", "comment": "Please change", "revision": revision},
    )
    client.post(
        f"/admin/pages/workflow/action/{site['live'].pk}/reject/{state.pk}/",
        {"comment": "Please change"},
    )
    state.refresh_from_db()
    return state.status == "rejected"


def publish(client, site):
    page = site["live"]
    data = form_data.nested_form_data(
        {**form_data.story_page(page, title="Published"), "action-publish": "1"}
    )
    client.post(f"/admin/pages/{page.pk}/edit/", data)
    page.refresh_from_db()
    return page.title == "Published"


def bulk_publish(client, site):
    page = site["live"]
    page.title = "Bulk"
    page.save_revision()
    client.post(
        f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}&next=/admin/",
        {"include_descendants": ""},
    )
    page.refresh_from_db()
    return page.title == "Bulk"


def unpublish(client, site):
    page = site["live"]
    client.post(f"/admin/pages/{page.pk}/unpublish/", {})
    page.refresh_from_db()
    return not page.live


def delete(client, site):
    page = site["live"]
    client.post(f"/admin/pages/{page.pk}/delete/", {})
    from wagtail.models import Page

    return not Page.objects.filter(pk=page.pk).exists()


def move(client, site):
    page = site["live"]
    target = StoryIndexPageFactory(parent=StandardPageFactory(parent=site["home"]))
    client.post(f"/admin/pages/{page.pk}/move/{target.pk}/confirm/", {})
    page.refresh_from_db()
    return page.get_parent().pk == target.pk


def _someone_elses_draft(site):
    from django.contrib.auth import get_user_model

    owner = get_user_model().objects.get(username="author")
    return StoryPageFactory(parent=site["index"], live=False, owner=owner, title="Their draft")


def delete_a_draft(client, site):
    draft = _someone_elses_draft(site)
    client.post(f"/admin/pages/{draft.pk}/delete/", {})
    from wagtail.models import Page

    return not Page.objects.filter(pk=draft.pk).exists()


def bulk_delete_a_draft(client, site):
    draft = _someone_elses_draft(site)
    client.post(f"/admin/bulk/wagtailcore/page/delete/?id={draft.pk}&next=/admin/", {})
    from wagtail.models import Page

    return not Page.objects.filter(pk=draft.pk).exists()


def move_a_draft(client, site):
    draft = _someone_elses_draft(site)
    target = StoryIndexPageFactory(parent=StandardPageFactory(parent=site["home"]))
    client.post(f"/admin/pages/{draft.pk}/move/{target.pk}/confirm/", {})
    draft.refresh_from_db()
    return draft.get_parent().pk == target.pk


def manage_users(client, site):
    client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "newbie",
            "email": "n@example.org",
            "first_name": "N",
            "last_name": "B",
            "password1": "a-long-pass-phrase-1",
            "password2": "a-long-pass-phrase-1",
            "is_active": "on",
        },
    )
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(username="newbie").exists()


MATRIX = {
    #                comms  parent admin
    "create": (True, False, True),
    "edit": (True, False, True),
    "submit": (True, False, True),
    "approve": (False, True, False),
    "request changes": (False, True, False),
    "publish": (False, False, True),
    "bulk publish": (False, False, True),
    "unpublish": (False, False, True),
    "delete": (False, False, True),
    "move": (False, False, True),
    "delete someone else's draft": (False, False, True),
    "bulk delete someone else's draft": (False, False, True),
    "move someone else's draft": (False, False, True),
    "manage users": (False, False, True),
}
ACTIONS = {
    "create": create,
    "edit": edit,
    "submit": submit,
    "approve": approve,
    "request changes": request_changes,
    "publish": publish,
    "bulk publish": bulk_publish,
    "unpublish": unpublish,
    "delete": delete,
    "move": move,
    "delete someone else's draft": delete_a_draft,
    "bulk delete someone else's draft": bulk_delete_a_draft,
    "move someone else's draft": move_a_draft,
    "manage users": manage_users,
}


@pytest.mark.parametrize("role_index, role", list(enumerate(ROLES)))
@pytest.mark.parametrize("action", MATRIX)
def test_permission_matrix(client, site, users, role_index, role, action):
    run = ACTIONS[action]
    client = as_user(client, users[role])
    args = (client, site, users) if action in ("approve", "request changes") else (client, site)
    assert run(*args) is MATRIX[action][role_index], f"{role} {action}"
