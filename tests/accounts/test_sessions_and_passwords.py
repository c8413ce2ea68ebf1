"""A sign-in lasts 8 hours at most and an hour idle; common passwords are refused; the
password reset page says the same whether or not an account exists."""

import time

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core import mail
from django.core.exceptions import ValidationError

from hub.accounts.sessions import LAST_SEEN
from hub.review.roles import COMMS_STAFF
from tests.helpers.sessions import age_session

pytestmark = pytest.mark.django_db


def test_an_hour_idle_in_the_admin_signs_you_out(client, make_member):
    client.force_login(make_member("sam", COMMS_STAFF))
    assert client.get("/admin/").status_code == 200
    age_session(client, signed_in_ago=3700, last_seen_ago=3601)
    answer = client.get("/admin/pages/")
    assert answer.status_code == 302
    assert answer["Location"].startswith("/admin/login/")
    assert "_auth_user_id" not in client.session


def test_working_steadily_keeps_you_signed_in_under_eight_hours(client, make_member):
    client.force_login(make_member("sam", COMMS_STAFF))
    age_session(client, signed_in_ago=7 * 3600, last_seen_ago=3500)
    assert client.get("/admin/").status_code == 200
    # The visit counted: the hour starts again.
    assert int(time.time()) - client.session[LAST_SEEN] < 5


def test_after_eight_hours_you_sign_in_again_however_busy(client, make_member):
    client.force_login(make_member("sam", COMMS_STAFF))
    age_session(client, signed_in_ago=8 * 3600 + 1, last_seen_ago=10)
    assert client.get("/admin/")["Location"].startswith("/admin/login/")


def test_the_session_cookie_lives_eight_hours(settings):
    assert settings.SESSION_COOKIE_AGE == 8 * 3600


@pytest.mark.parametrize("password", ["password123", "qwertyuiop", "iloveyou1"])
def test_common_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_changing_to_a_common_password_is_refused_on_the_account_page(client, make_member):
    from tests.helpers.people import PASSWORD

    sam = make_member("sam", COMMS_STAFF)
    client.force_login(sam)
    client.post(
        "/admin/account/",
        {
            "password-old_password": PASSWORD,
            "password-new_password1": "password123",
            "password-new_password2": "password123",
        },
    )
    sam.refresh_from_db()
    assert sam.check_password(PASSWORD)


def visible_text(response):
    """What a person reads (a second parser), without the per-request CSRF token."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(response.content, "html.parser")
    for hidden in soup(["script", "input"]):
        hidden.decompose()
    return " ".join(soup.get_text().split())


def test_the_password_reset_page_says_the_same_whether_or_not_an_account_exists(
    client, make_member
):
    make_member("sam", COMMS_STAFF)
    known = client.post("/admin/password_reset/", {"email": "sam@example.org"}, follow=True)
    unknown = client.post("/admin/password_reset/", {"email": "nobody@example.org"}, follow=True)
    assert known.status_code == unknown.status_code == 200
    assert known.redirect_chain == unknown.redirect_chain
    assert visible_text(known) == visible_text(unknown)
    # Only the real account gets an email.
    assert [m.to for m in mail.outbox] == [["sam@example.org"]]
