"""A second factor for every admin account that can change what families read: comms staff and
hub administrators cannot reach any admin screen until they have typed a code from their app;
parent reviewers are offered it, and a setting requires it of them too."""

import io
import xml.etree.ElementTree as ET

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.documents import get_document_model
from wagtail.models import ModelLogEntry

from hub.review.roles import COMMS_STAFF, HUB_ADMINISTRATORS, PARENT_REVIEWERS
from tests.helpers.people import totp_code

pytestmark = [pytest.mark.django_db, pytest.mark.unverified]

SET_UP = "/admin/two-step-verification/set-up/"
VERIFY = "/admin/two-step-verification/verify/"


def code_for(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


@pytest.mark.parametrize("group", [COMMS_STAFF, HUB_ADMINISTRATORS])
@pytest.mark.parametrize(
    "screen",
    ["/admin/", "/admin/pages/", "/admin/users/", "/admin/documents/", "/admin/api/main/pages/"],
)
def test_staff_without_an_app_are_sent_to_set_one_up_from_every_admin_screen(
    client, make_member, group, screen
):
    client.force_login(make_member("sam", group))
    answer = client.get(screen)
    assert answer.status_code == 302
    assert answer["Location"].startswith(SET_UP)


def test_setting_up_shows_a_local_qr_code_and_the_key_then_recovery_codes_once(client, make_member):
    sam = make_member("sam", COMMS_STAFF)
    client.force_login(sam)
    page = client.get(SET_UP)
    assert page.status_code == 200
    assert (
        page.headers["Cache-Control"].startswith("max-age=0")
        or "no-cache" in page.headers["Cache-Control"]
    )
    html = page.text
    svg = html[html.index("<svg") : html.index("</svg>") + len("</svg>")]
    root = ET.fromstring(svg)  # a second parser: the QR code is real SVG, drawn here
    assert root.tag.endswith("svg") and root.find(".//{http://www.w3.org/2000/svg}path") is not None
    assert "href" not in svg  # nothing fetched from anywhere
    device = TOTPDevice.objects.get(user=sam, confirmed=False)
    key = page.context["key"].replace(" ", "")
    assert key in html.replace(" ", "")

    wrong = client.post(SET_UP, {"code": "000000"})
    assert "That code did not work" in wrong.text
    # A wrong code makes the next try wait a moment (django-otp's throttle); not tested here.
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)
    done = client.post(SET_UP, {"code": code_for(device), "next": "/admin/pages/"})
    assert done.status_code == 200
    codes = done.context["codes"]
    assert len(codes) == 10 and len(set(codes)) == 10
    for code in codes:
        assert code in done.text
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200
    assert ModelLogEntry.objects.filter(action="hub.accounts.two_factor_set_up", user=sam).exists()
    # Shown once: nowhere else shows them again.
    assert all(code not in client.get(reverse("two_factor:manage")).text for code in codes)


def test_someone_with_an_app_must_type_a_code_and_a_wrong_one_is_refused(client, make_member):
    sam = make_member("sam", HUB_ADMINISTRATORS)
    code = totp_code(sam)
    client.force_login(sam)
    answer = client.get("/admin/users/")
    assert answer["Location"] == VERIFY + "?next=/admin/users/"
    wrong = client.post(VERIFY, {"code": "123 456" if code != "123456" else "654321"})
    assert wrong.status_code == 200
    assert "That code did not work" in wrong.text
    TOTPDevice.objects.filter(user=sam).update(throttling_failure_count=0)
    right = client.post(VERIFY, {"code": code, "next": "/admin/users/"})
    assert right["Location"] == "/admin/users/"
    assert client.get("/admin/users/").status_code == 200


def test_the_password_alone_does_not_sign_in_through_the_login_form(client, make_member):
    from tests.helpers.people import PASSWORD

    sam = make_member("sam", COMMS_STAFF)
    totp_code(sam)
    client.post("/admin/login/", {"username": "sam", "password": PASSWORD})
    assert client.get("/admin/pages/")["Location"].startswith(VERIFY)


def test_a_recovery_code_works_once(client, make_member):
    sam = make_member("sam", COMMS_STAFF)
    totp_code(sam)
    device = StaticDevice.objects.create(user=sam, name="recovery codes")
    StaticToken.objects.create(device=device, token="abcde12345")
    client.force_login(sam)
    assert client.post(VERIFY, {"code": "ABCDE 12345"}).status_code == 302
    assert client.get("/admin/").status_code == 200
    assert ModelLogEntry.objects.filter(action="hub.accounts.recovery_code_used").count() == 1
    client.logout()
    client.force_login(sam)
    assert client.post(VERIFY, {"code": "abcde12345"}).status_code == 200


def test_the_deploy_guides_one_time_code_lets_a_sole_administrator_back_in(client, make_member):
    """docs/deploy.md: `manage.py addstatictoken USERNAME` for an administrator with a lost
    phone, no recovery codes and nobody to reset their app."""
    import io

    from django.core.management import call_command

    sam = make_member("sam", HUB_ADMINISTRATORS)
    totp_code(sam)
    out = io.StringIO()
    call_command("addstatictoken", "sam", stdout=out)
    client.force_login(sam)
    assert client.post(VERIFY, {"code": out.getvalue().strip()}).status_code == 302
    assert client.get("/admin/users/").status_code == 200


def test_with_the_second_factor_off_in_development_the_demo_staff_sign_in_with_a_password(
    client, settings
):
    """As the README says: `HUB_REQUIRE_2FA=false make run` skips the code, though the demo's
    staff accounts have an app set up (their keys are printed). Before, anyone with an app
    was still asked for a code (found by two newcomers following the README)."""
    from django.core.management import call_command

    from hub.management.commands.demo_accounts import DEMO_PASSWORD

    settings.HUB_REQUIRE_2FA = False
    settings.DEBUG = True  # demo accounts are made in development only
    call_command("demo_accounts", stdout=io.StringIO())
    assert TOTPDevice.objects.filter(user__username="comms").exists()
    client.post("/admin/login/", {"username": "comms", "password": DEMO_PASSWORD})
    assert client.get("/admin/pages/").status_code == 200


def test_someone_not_past_the_second_factor_counts_as_signed_out_for_draft_files(
    client, make_member
):
    sam = make_member("sam", COMMS_STAFF)
    document = get_document_model().objects.create(
        title="Draft leaflet", file=ContentFile(b"%PDF-1.4 draft", name="draft.pdf")
    )
    client.force_login(sam)
    assert client.get(document.url).status_code == 404
    from tests.helpers.people import pass_second_factor

    pass_second_factor(client, sam)
    assert client.get(document.url).status_code == 200


def test_parent_reviewers_are_offered_it_but_not_made_to(client, make_member):
    parent = make_member("pat", PARENT_REVIEWERS)
    client.force_login(parent)
    assert client.get("/admin/parent-review/").status_code == 200
    offer = client.get(reverse("two_factor:manage"))
    assert offer.status_code == 200
    assert reverse("two_factor:set_up") in offer.text


def test_a_setting_requires_it_of_parent_reviewers_too(client, make_member, settings):
    settings.HUB_REQUIRE_2FA_FOR_REVIEWERS = True
    client.force_login(make_member("pat", PARENT_REVIEWERS))
    assert client.get("/admin/parent-review/")["Location"].startswith(SET_UP)


def test_a_parent_reviewer_who_set_it_up_turns_it_off(client, make_member):
    parent = make_member("pat", PARENT_REVIEWERS)
    client.force_login(parent)
    client.get(SET_UP)
    device = TOTPDevice.objects.get(user=parent)
    client.post(SET_UP, {"code": code_for(device)})
    client.post(reverse("two_factor:manage"), {"action": "turn-off"})
    assert not TOTPDevice.objects.filter(user=parent).exists()
    assert ModelLogEntry.objects.filter(action="hub.accounts.two_factor_removed").exists()


def test_staff_cannot_turn_it_off(client, make_member):
    sam = make_member("sam", COMMS_STAFF)
    totp_code(sam)
    client.force_login(sam)
    from tests.helpers.people import pass_second_factor

    pass_second_factor(client, sam)
    client.post(reverse("two_factor:manage"), {"action": "turn-off"})
    assert TOTPDevice.objects.filter(user=sam).exists()


def test_someone_with_only_a_password_cannot_swap_the_phone(client, make_member):
    sam = make_member("sam", COMMS_STAFF)
    totp_code(sam)
    client.force_login(sam)
    assert client.get(SET_UP)["Location"].startswith(VERIFY)
    assert client.post(SET_UP, {"code": "123456"})["Location"].startswith(VERIFY)


def test_a_hub_administrator_resets_the_app_of_someone_who_lost_their_phone(client, make_member):
    from tests.helpers.people import pass_second_factor

    sam = make_member("sam", COMMS_STAFF)
    totp_code(sam)
    admin = make_member("hubadmin", HUB_ADMINISTRATORS)
    client.force_login(admin)
    pass_second_factor(client, admin)
    listing = client.get("/admin/users/")
    assert reverse("two_factor:reset", args=[sam.pk]) in listing.text
    assert client.get(reverse("two_factor:reset", args=[sam.pk])).status_code == 200
    client.post(reverse("two_factor:reset", args=[sam.pk]))
    assert not TOTPDevice.objects.filter(user=sam).exists()
    entry = ModelLogEntry.objects.get(action="hub.accounts.two_factor_removed")
    assert entry.user == admin and entry.object_id == str(sam.pk)


def test_comms_staff_cannot_reset_anyones_app(client, make_member):
    from tests.helpers.people import pass_second_factor

    sam = make_member("sam", HUB_ADMINISTRATORS)
    totp_code(sam)
    comms = make_member("comms", COMMS_STAFF)
    client.force_login(comms)
    pass_second_factor(client, comms)
    client.post(reverse("two_factor:reset", args=[sam.pk]))
    assert TOTPDevice.objects.filter(user=sam).exists()
