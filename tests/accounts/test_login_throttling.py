"""Sign-ins resist guessing: five wrong passwords lock a username out, twenty lock a
connection out, for 15 minutes, and even the right password is refused until then. Page
passwords and password resets are throttled too. Administrators can unlock."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry, PageViewRestriction

from hub.review.roles import COMMS_STAFF, HUB_ADMINISTRATORS, PARENT_REVIEWERS
from tests.helpers.people import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
SITE = "http://testserver"  # the page-password form is sent from the site itself


def sign_in(client, username, password, address="203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def signed_in(client):
    return "_auth_user_id" in client.session


def test_the_sixth_wrong_password_is_refused_even_with_the_right_password(client, make_member):
    make_member("sam", COMMS_STAFF)
    for _ in range(5):
        answer = sign_in(client, "sam", "wrong-guess")
        assert answer.status_code in (200, 429)
    answer = sign_in(client, "sam", PASSWORD)
    assert answer.status_code == 429
    assert not signed_in(client)
    assert "Too many attempts" in answer.text
    assert "15 minutes" in answer.text


def test_four_wrong_passwords_do_not_lock_the_account(client, make_member):
    make_member("sam", COMMS_STAFF)
    for _ in range(4):
        sign_in(client, "sam", "wrong-guess")
    assert sign_in(client, "sam", PASSWORD).status_code == 302
    assert signed_in(client)


def test_a_locked_username_stays_locked_from_another_connection(client, make_member):
    make_member("sam", COMMS_STAFF)
    for _ in range(5):
        sign_in(client, "sam", "wrong-guess", address="203.0.113.7")
    assert sign_in(client, "sam", PASSWORD, address="198.51.100.2").status_code == 429


def test_twenty_failures_from_one_connection_lock_that_connection_out(client, make_member):
    make_member("sam", COMMS_STAFF)
    # Four guesses for each of five usernames: no single username reaches its limit, but the
    # 20th failure from the connection locks it out.
    answers = [sign_in(client, f"guess{n % 5}", "wrong-guess").status_code for n in range(20)]
    assert answers == [200] * 19 + [429]
    assert sign_in(client, "sam", PASSWORD).status_code == 429
    # Another connection is not affected.
    assert sign_in(client, "sam", PASSWORD, address="198.51.100.2").status_code == 302


def test_the_lockout_ends_after_15_minutes(client, make_member):
    make_member("sam", COMMS_STAFF)
    for _ in range(5):
        sign_in(client, "sam", "wrong-guess")
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert sign_in(client, "sam", PASSWORD).status_code == 302


def test_behind_the_proxy_the_forwarded_address_is_counted(client, make_member, settings):
    settings.HUB_TRUSTED_PROXIES = 1
    make_member("sam", COMMS_STAFF)
    for n in range(20):
        client.post(
            LOGIN,
            {"username": f"guess{n % 5}", "password": "x"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.7",
        )
    assert AccessAttempt.objects.filter(ip_address="203.0.113.7").count() == 5
    # Someone else behind the same nginx still signs in.
    answer = client.post(
        LOGIN,
        {"username": "sam", "password": PASSWORD},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.2",
    )
    assert answer.status_code == 302


def test_a_hub_administrator_unlocks_an_account(client, make_member):
    make_member("sam", COMMS_STAFF)
    admin = make_member("hubadmin", HUB_ADMINISTRATORS)
    for _ in range(5):
        sign_in(client, "sam", "wrong-guess")
    attempt = AccessAttempt.objects.get(username="sam")

    client.force_login(admin)
    listing = client.get(reverse("hub_lockouts:index"))
    assert listing.status_code == 200
    assert "sam" in listing.text
    assert client.get(reverse("hub_lockouts:unlock", args=[attempt.pk])).status_code == 200
    answer = client.post(reverse("hub_lockouts:unlock", args=[attempt.pk]))
    assert answer.status_code == 302
    assert not AccessAttempt.objects.filter(username="sam").exists()
    assert ModelLogEntry.objects.filter(action="hub.accounts.unlocked", user=admin).exists()

    client.logout()
    assert sign_in(client, "sam", PASSWORD).status_code == 302


@pytest.mark.parametrize("group", [COMMS_STAFF, PARENT_REVIEWERS])
def test_other_roles_cannot_see_or_unlock_lockouts(client, make_member, group):
    make_member("sam", COMMS_STAFF)
    for _ in range(5):
        sign_in(client, "sam", "wrong-guess")
    attempt = AccessAttempt.objects.get(username="sam")
    client.force_login(make_member("other", group))
    assert client.get(reverse("hub_lockouts:index")).status_code in (302, 403)
    assert client.post(reverse("hub_lockouts:unlock", args=[attempt.pk])).status_code in (
        302,
        403,
    )
    assert AccessAttempt.objects.filter(username="sam").exists()


def test_a_welsh_reader_is_told_to_wait_in_welsh(client, home):
    restriction = PageViewRestriction.objects.create(
        page=home, restriction_type=PageViewRestriction.PASSWORD, password="family-2026"
    )
    with translation.override("cy"):
        url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, home.pk])
    assert url.startswith("/cy/")
    for _ in range(11):
        answer = client.post(
            url, {"password": "guess", "return_url": "/"}, REMOTE_ADDR="1.2.3.4", HTTP_ORIGIN=SITE
        )
    assert answer.status_code == 429
    assert "Gormod o ymdrechion" in answer.text
    assert answer["Retry-After"] == "900"


def test_wrong_page_passwords_are_throttled_per_connection(client, home):
    restriction = PageViewRestriction.objects.create(
        page=home, restriction_type=PageViewRestriction.PASSWORD, password="family-2026"
    )
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, home.pk])
    for _ in range(10):
        answer = client.post(
            url, {"password": "guess", "return_url": "/"}, REMOTE_ADDR="1.2.3.4", HTTP_ORIGIN=SITE
        )
        assert answer.status_code == 200
    refused = client.post(
        url, {"password": "family-2026", "return_url": "/"}, REMOTE_ADDR="1.2.3.4", HTTP_ORIGIN=SITE
    )
    assert refused.status_code == 429
    # Another reader, elsewhere, still gets in with the right password.
    other = client.post(
        url, {"password": "family-2026", "return_url": "/"}, REMOTE_ADDR="5.6.7.8", HTTP_ORIGIN=SITE
    )
    assert other.status_code == 302


def test_password_resets_are_throttled_per_address_asked_about(client, make_member):
    make_member("sam", COMMS_STAFF)
    url = reverse("wagtailadmin_password_reset")
    answers = [
        client.post(url, {"email": "sam@example.org"}, REMOTE_ADDR=f"10.0.0.{n}").status_code
        for n in range(4)
    ]
    assert answers == [302, 302, 302, 429]


def test_signing_in_by_emailed_link_still_works_for_a_parent(client, make_member):
    """Axes sits in front of passwords only: a parent's one-time link still signs them in."""
    from hub.review import sign_in as links

    parent = make_member("pat", PARENT_REVIEWERS)
    links.send_link(None, parent, "/admin/")
    from django.core import mail

    link = next(w for w in mail.outbox[-1].body.split() if "/review-sign-in/" in w)
    path = link.split("testserver", 1)[1]
    assert client.post(path).status_code == 302
    assert signed_in(client)


def test_with_a_cdn_in_front_the_hub_warns_until_both_proxies_are_counted(settings):
    from hub.accounts.checks import every_proxy_counted

    settings.WAGTAILFRONTENDCACHE = {"varnish": {"BACKEND": "x", "LOCATION": "http://x"}}
    settings.HUB_TRUSTED_PROXIES = 1
    assert [warning.id for warning in every_proxy_counted()] == ["hub.W002"]
    settings.HUB_TRUSTED_PROXIES = 2
    assert every_proxy_counted() == []
    settings.WAGTAILFRONTENDCACHE = {}
    settings.HUB_TRUSTED_PROXIES = 1
    assert every_proxy_counted() == []
