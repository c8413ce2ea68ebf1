"""Signing in to the admin in Chromium, as a member of a real group would."""

from tests.helpers.people import PASSWORD

# Where "Exit this page" sends a reader (answered locally by the browser tests' `page`).
EXIT_URL = "https://www.bbc.co.uk/weather"


def sign_in(page, base, username):
    """Signs in through the admin's login form (every test user's password is PASSWORD)."""
    page.goto(base + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
