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


def test_production_never_gets_accounts_with_known_passwords():
    with pytest.raises(CommandError, match="only made in development"):
        call_command("demo_accounts")
