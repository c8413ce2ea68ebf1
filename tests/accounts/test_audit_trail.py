"""Security events are in Wagtail's audit log, with who and when, and hub administrators read
them in the site history: sign-ins, failed sign-ins, lockouts, role changes, exports, direct
publishes."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import ModelLogEntry, PageLogEntry

from hub.review.roles import COMMS_STAFF, HUB_ADMINISTRATORS
from tests.helpers.people import PASSWORD

pytestmark = pytest.mark.django_db


def actions(user):
    return list(
        ModelLogEntry.objects.filter(object_id=str(user.pk))
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )


def test_sign_ins_failures_and_lockouts_are_logged_against_the_account(client, make_member):
    sam = make_member("sam", COMMS_STAFF)
    for _ in range(5):
        client.post("/admin/login/", {"username": "sam", "password": "wrong"})
    logged = actions(sam)
    assert logged.count("hub.accounts.login_failed") == 5
    assert "hub.accounts.locked_out" in logged
    entry = ModelLogEntry.objects.filter(action="hub.accounts.login_failed").first()
    assert entry.timestamp is not None and entry.data["address"] == "127.0.0.1"


def test_a_sign_in_is_logged_with_who_and_from_where(client, make_member):
    sam = make_member("sam", COMMS_STAFF)
    client.post("/admin/login/", {"username": "sam", "password": PASSWORD})
    entry = ModelLogEntry.objects.get(action="hub.accounts.login")
    assert entry.user == sam and entry.object_id == str(sam.pk)


def test_a_role_change_is_logged_with_the_administrator_who_made_it(client, make_member):
    admin = make_member("hubadmin", HUB_ADMINISTRATORS)
    sam = make_member("sam", COMMS_STAFF)
    client.force_login(admin)
    answer = client.post(
        f"/admin/users/edit/{sam.pk}/",
        {
            "username": "sam",
            "email": "sam@example.org",
            "first_name": "Sam",
            "last_name": "Jones",
            "is_active": "on",
            "groups": [Group.objects.get(name=HUB_ADMINISTRATORS).pk],
        },
    )
    assert answer.status_code == 302, answer.text[answer.text.find("error") - 300 :][:1500]
    changes = ModelLogEntry.objects.filter(action="hub.accounts.roles_changed", user=admin)
    described = {(e.data["change"], tuple(e.data["groups"])) for e in changes}
    assert ("added", (HUB_ADMINISTRATORS,)) in described
    assert ("removed", (COMMS_STAFF,)) in described


def test_an_export_is_logged(client, make_member):
    admin = make_member("hubadmin", HUB_ADMINISTRATORS)
    client.force_login(admin)
    answer = client.get("/admin/reports/parent-review/decisions/?export=csv")
    assert answer.status_code == 200
    entry = ModelLogEntry.objects.get(action="hub.accounts.exported")
    assert entry.user == admin
    assert entry.data == {"report": "parent_review_reports:decisions", "format": "csv"}


def test_hub_administrators_read_security_events_in_the_site_history(client, make_member):
    make_member("sam", COMMS_STAFF)
    client.post("/admin/login/", {"username": "sam", "password": "wrong"})
    client.force_login(make_member("hubadmin", HUB_ADMINISTRATORS))
    history = client.get("/admin/reports/site-history/")
    assert history.status_code == 200
    assert "Wrong password" in history.text


def test_comms_staff_do_not_see_other_peoples_security_events(client, make_member):
    make_member("sam", HUB_ADMINISTRATORS)
    client.post("/admin/login/", {"username": "sam", "password": "wrong"})
    client.force_login(make_member("comms", COMMS_STAFF))
    history = client.get("/admin/reports/site-history/")
    assert "Wrong password" not in history.text


def test_a_direct_publish_is_in_the_audit_log_with_who_and_when(home, make_member):
    admin = make_member("hubadmin", HUB_ADMINISTRATORS)
    home.title = "Changed in an emergency"
    home.save_revision(user=admin).publish(user=admin)
    entry = PageLogEntry.objects.filter(action="wagtail.publish", page=home).latest("timestamp")
    assert entry.user == admin
