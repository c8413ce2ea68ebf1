"""Someone not signed in reaches only the sign-in and password-reset screens (and the
admin's public assets); everything else sends them to sign in."""

import pytest

from tests.review.roles.admin_urls import (
    OK,
    TO_LOGIN,
    differences,
    walk,
)

pytestmark = pytest.mark.django_db

# What the admin answers someone signed out: TO_LOGIN. Every URL that answers
# anything else is listed, so a new screen that forgets its permission check fails here.
REFUSED = TO_LOGIN
ANSWERS = {
    "wagtailadmin_javascript_catalog": OK,
    "wagtailadmin_login": OK,
    "wagtailadmin_password_reset": OK,
    "wagtailadmin_password_reset_complete": OK,
    "wagtailadmin_password_reset_confirm": OK,
    "wagtailadmin_password_reset_done": OK,
    "wagtailadmin_sprite": OK,
}


def test_someone_signed_out_is_sent_to_sign_in_from_every_admin_screen(client, people, world):
    answers = walk(client, world)
    expected = {name: ANSWERS.get(name, REFUSED) for name in answers}
    assert differences(answers, {**expected, **ANSWERS}) == []
