"""Signing in to the admin in Chromium, as a member of a real group would."""

from tests.helpers.people import PASSWORD, totp_code

# Where "Exit this page" sends a reader (answered locally by the browser tests' `page`).
EXIT_URL = "https://www.bbc.co.uk/weather"


def sign_in(page, base, username):
    """Signs in through the admin's login form (every test user's password is PASSWORD)."""
    page.goto(base + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    if "/two-step-verification/" in page.url:
        pass_second_factor(page, username)


def pass_second_factor(page, username):
    """Types the code from the person's authenticator app (set up for them if need be)."""
    from django.contrib.auth import get_user_model
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = get_user_model().objects.get(username=username)
    code = totp_code(user)
    # A code counts once per 30 seconds; a test may sign the same person in twice.
    TOTPDevice.objects.filter(user=user).update(last_t=-1)
    if "/set-up/" in page.url:
        page.goto(page.url.replace("/set-up/", "/verify/"))
    page.get_by_label("Code from your authenticator app").fill(code)
    page.get_by_role("button", name="Continue").click()
    page.wait_for_load_state()
