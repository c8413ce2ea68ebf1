"""Demo accounts exist in development only, one per role."""

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

pytestmark = pytest.mark.django_db


@override_settings(DEBUG=True)
def test_development_gets_one_demo_account_per_role_and_running_again_changes_nothing():
    from django.contrib.auth import get_user_model

    call_command("demo_accounts", verbosity=0)
    call_command("demo_accounts", verbosity=0)
    users = {u.username: u for u in get_user_model().objects.all()}
    assert users["admin"].is_superuser
    assert [g.name for g in users["comms"].groups.all()] == ["Comms staff"]
    assert [g.name for g in users["parent1"].groups.all()] == ["Parent reviewers"]
    assert users["parent2"].check_password("partnership-hub-demo")


@override_settings(DEBUG=True)
def test_the_demo_prints_each_staff_accounts_authenticator_key_and_it_gives_working_codes():
    from io import StringIO

    from django.contrib.auth import get_user_model
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    out = StringIO()
    call_command("demo_accounts", stdout=out)
    line = next(line for line in out.getvalue().splitlines() if line.strip().startswith("comms"))
    key = line.split("key:")[1].strip(" )").replace(" ", "")
    comms = get_user_model().objects.get(username="comms")
    device = TOTPDevice.objects.get(user=comms)
    from base64 import b32decode

    assert b32decode(key) == device.bin_key
    assert device.verify_token(f"{totp(b32decode(key)):06d}")
    parent = next(line for line in out.getvalue().splitlines() if "parent1" in line)
    assert "key" not in parent
    assert "HUB_REQUIRE_2FA=false" in out.getvalue()


def test_production_never_gets_accounts_with_known_passwords():
    with pytest.raises(CommandError, match="only made in development"):
        call_command("demo_accounts")


@override_settings(DEBUG=True)
def test_on_a_new_demo_comms_sends_one_draft_to_parent_review_and_only_once(
    demo, mailoutbox, django_capture_on_commit_callbacks
):
    from io import StringIO

    from wagtail.models import WorkflowState

    from events.models import EventPage

    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("demo_accounts", stdout=out)
        call_command("demo_accounts", stdout=StringIO())
    (state,) = WorkflowState.objects.all()
    page = EventPage.objects.get(pk=state.object_id)
    assert (page.slug, state.requested_by.username, state.status) == (
        "dads-group",
        "comms",
        "in_progress",
    )
    assert "crèche" in page.get_latest_revision_as_object().summary_text
    assert "crèche" not in page.summary_text  # live as it was, until parents approve
    assert "A draft waits for parent review: “Dads' group”" in out.getvalue()
    assert sorted(m.to[0] for m in mailoutbox) == ["parent1@example.org", "parent2@example.org"]
