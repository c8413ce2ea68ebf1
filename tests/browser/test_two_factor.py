"""Comms staff set up two-step verification in Chromium, on a 390 px phone, with the keyboard
alone: sign in, read the key (for people who cannot scan), type the code, keep the recovery
codes, reach the admin. Every step passes axe."""

from base64 import b32decode

import pytest
from django_otp.oath import totp
from playwright.sync_api import expect

from tests.helpers.axe import describe, run_axe
from tests.helpers.people import PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PHONE = {"width": 390, "height": 844}
SHOTS = "/tmp/acct-shots"


def assert_no_axe_violations(page, where):
    violations = run_axe(page, context=".app-review")
    assert not violations, f"{where}:\n{describe(violations)}"


def test_on_a_phone_comms_staff_set_up_two_step_verification_with_the_keyboard_alone(
    live_home, live_server, phone, people
):
    base = live_server.url
    phone.goto(base + "/admin/pages/")
    phone.get_by_label("Username").fill("comms")
    phone.get_by_label("Password").fill(PASSWORD)
    with phone.expect_navigation():
        phone.keyboard.press("Enter")

    # Sent to set up an app before any admin screen.
    expect(phone.get_by_role("heading", level=1)).to_have_text("Set up two-step verification")
    assert "/two-step-verification/set-up/" in phone.url
    qr = phone.locator(".app-qr-code svg")
    expect(qr).to_be_visible()
    box = qr.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], "the QR code fits"
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    phone.screenshot(path=f"{SHOTS}/set-up-phone.png", full_page=True)
    assert_no_axe_violations(phone, "set-up")

    # Someone who cannot scan types the key shown, as an app would read it.
    key = phone.locator("#secret-key").inner_text().replace(" ", "")
    code = f"{totp(b32decode(key)):06d}"

    # Keyboard alone: tab to the code field, type, press Enter.
    phone.locator("#id_code").focus()
    phone.keyboard.type("000000")
    with phone.expect_navigation():
        phone.keyboard.press("Enter")
    expect(phone.locator(".govuk-error-message")).to_contain_text("That code did not work")
    assert_no_axe_violations(phone, "a wrong code")
    phone.wait_for_timeout(1100)  # a wrong code makes the next try wait a second
    phone.locator("#id_code").fill("")
    phone.locator("#id_code").focus()
    phone.keyboard.type(code)
    with phone.expect_navigation():
        phone.keyboard.press("Enter")

    expect(phone.get_by_role("heading", level=1)).to_have_text("Your recovery codes")
    expect(phone.locator(".app-recovery-codes li")).to_have_count(10)
    phone.screenshot(path=f"{SHOTS}/recovery-codes-phone.png", full_page=True)
    assert_no_axe_violations(phone, "recovery codes")
    phone.get_by_role("link", name="I have kept my codes safe: continue").focus()
    with phone.expect_navigation():
        phone.keyboard.press("Enter")
    assert phone.url.endswith("/admin/pages/")
    phone.screenshot(path=f"{SHOTS}/after-set-up-phone.png", full_page=True)
