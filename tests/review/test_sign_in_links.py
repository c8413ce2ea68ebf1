"""Parent reviewers may sign in by emailed link: once, within 15 minutes, straight to the
draft; the request reveals nothing about who has an account; staff roles cannot use it."""

import datetime
import re

import pytest
from django.utils import timezone

from hub.review.models import SignInLink

pytestmark = pytest.mark.django_db
SAME_ANSWER = "If {email} belongs to a parent reviewer, we have sent a link to it."


def ask_for_link(client, email, next_url=""):
    response = client.post("/review-sign-in/", {"email": email, "next": next_url})
    assert response.status_code == 200
    assert SAME_ANSWER.format(email=email) in response.content.decode()
    return response


def link_in(message):
    return re.search(r"http://testserver(/review-sign-in/\S+/)", message.body)[1]


def test_a_parent_signs_in_once_from_the_link_and_lands_on_the_draft(client, people, mailoutbox):
    ask_for_link(client, "parent_a@example.org", "/admin/parent-review/7/")
    (message,) = mailoutbox
    assert message.to == ["parent_a@example.org"] and message.subject == "Your sign-in link"
    assert "It works once, for the next 15 minutes" in message.body
    link = link_in(message)

    page = client.get(link)  # a mail scanner fetching the link signs nobody in
    assert page.status_code == 200 and "Sign in as Parent_A" in page.content.decode()
    assert client.get("/admin/parent-review/").status_code == 302  # still signed out

    response = client.post(link)
    assert response.status_code == 302 and response["Location"] == "/admin/parent-review/7/"
    assert client.get("/admin/parent-review/").status_code == 200  # signed in
    client.logout()
    assert client.post(link).status_code == 410  # once only


def test_a_link_older_than_15_minutes_no_longer_works(client, people, mailoutbox):
    ask_for_link(client, "parent_a@example.org")
    SignInLink.objects.update(created_at=timezone.now() - datetime.timedelta(minutes=16))
    response = client.post(link_in(mailoutbox[0]))
    assert response.status_code == 410
    assert "This link no longer works" in response.content.decode()


@pytest.mark.parametrize("email", ["comms@example.org", "hubadmin@example.org", "no@one.org"])
def test_staff_and_unknown_addresses_get_the_same_answer_and_no_link(
    client, people, mailoutbox, email
):
    ask_for_link(client, email)
    assert mailoutbox == [] and not SignInLink.objects.exists()


def test_an_address_can_ask_three_times_in_fifteen_minutes(client, people, mailoutbox):
    for _ in range(5):
        ask_for_link(client, "parent_a@example.org")
    assert len(mailoutbox) == 3


def test_a_link_never_sends_anyone_to_another_site(client, people, mailoutbox):
    ask_for_link(client, "parent_a@example.org", "https://evil.example.org/")
    response = client.post(link_in(mailoutbox[0]))
    assert response["Location"] == "/admin/"


def test_a_link_stops_working_if_its_parent_becomes_comms_staff(client, people, mailoutbox):
    from django.contrib.auth.models import Group

    ask_for_link(client, "parent_a@example.org")
    people["parent_a"].groups.add(Group.objects.get(name="Comms staff"))
    assert client.post(link_in(mailoutbox[0])).status_code == 410


def test_a_bad_or_made_up_link_says_it_no_longer_works(client):
    assert client.get("/review-sign-in/not-a-real-secret/").status_code == 410


def test_the_sign_in_page_offers_the_link_and_keeps_where_the_parent_was_going(client):
    html = client.get("/admin/login/?next=/admin/parent-review/7/").content.decode()
    assert 'href="/review-sign-in/?next=/admin/parent-review/7/"' in html
