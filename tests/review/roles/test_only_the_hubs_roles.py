"""The hub's roles are the only ones: Wagtail's starter groups ("Editors", "Moderators") and
its starter workflow ("Moderators approval") are gone, so an administrator cannot give someone
a role the README does not describe, and the workflow reports list parent review alone."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupCollectionPermission, Workflow

from hub.review.roles import COMMS_STAFF, HUB_ADMINISTRATORS, PARENT_REVIEWERS

pytestmark = pytest.mark.django_db

remove_starters = importlib.import_module(
    "hub.migrations.0015_no_starter_groups_or_workflow"
).remove_starters


def test_the_groups_are_the_hubs_roles_alone():
    assert set(Group.objects.values_list("name", flat=True)) == {
        COMMS_STAFF,
        PARENT_REVIEWERS,
        HUB_ADMINISTRATORS,
    }


def test_parent_review_is_the_only_workflow():
    assert list(Workflow.objects.values_list("name", flat=True)) == ["Parent review"]


def test_a_starter_group_someone_was_added_to_keeps_them_but_no_permission(django_user_model):
    from wagtail.models import Collection

    editors = Group.objects.create(name="Editors")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupCollectionPermission.objects.create(
        group=editors,
        collection=Collection.get_first_root_node(),
        permission=Permission.objects.get(codename="change_document"),
    )
    someone = django_user_model.objects.create_user("someone")
    someone.groups.add(editors)
    Group.objects.create(name="Moderators")

    remove_starters(apps, None)

    assert list(someone.groups.values_list("name", flat=True)) == ["Editors"]
    assert not editors.permissions.exists()
    assert not GroupCollectionPermission.objects.filter(group=editors).exists()
    assert not Group.objects.filter(name="Moderators").exists()
