"""A parent reviewer reaches exactly what reviewing needs: their dashboard and account, the
draft's preview, what changed, and the decision. Every other admin URL answers 403."""

import pytest

from tests.review.roles.admin_urls import (
    FORBIDDEN,
    NOT_ALLOWED,
    OK,
    TO_DASHBOARD,
    differences,
    walk,
)

pytestmark = pytest.mark.django_db

# What the admin answers parent reviewers when they may not: FORBIDDEN. Every URL that answers
# anything else is listed, so a new screen that forgets its permission check fails here.
REFUSED = FORBIDDEN
ANSWERS = {
    "two_factor:manage": OK,
    "two_factor:set_up": OK,
    "two_factor:verify": OK,
    "hub_sign_in_time": OK,
    "parent_review:account": OK,
    "parent_review:changes": "302 /admin/parent-review/N/#what-changed",
    "parent_review:dashboard": OK,
    "parent_review:draft": OK,
    "parent_review:review": OK,
    "wagtail_localize:javascript_catalog": OK,
    "wagtailadmin_account": "302 /admin/parent-review/account/",
    "wagtailadmin_dismissibles": OK,
    "wagtailadmin_home": "302 /admin/parent-review/",
    "wagtailadmin_javascript_catalog": OK,
    "wagtailadmin_login": TO_DASHBOARD,
    "wagtailadmin_logout": NOT_ALLOWED,
    "wagtailadmin_password_reset": OK,
    "wagtailadmin_password_reset_complete": OK,
    "wagtailadmin_password_reset_confirm": OK,
    "wagtailadmin_password_reset_done": OK,
    "wagtailadmin_sprite": OK,
}


def test_a_parent_reviewer_reaches_only_what_reviewing_needs(client, people, world):
    client.force_login(people["parent_a"])
    answers = walk(client, world)
    expected = {name: ANSWERS.get(name, REFUSED) for name in answers}
    assert differences(answers, {**expected, **ANSWERS}) == []
