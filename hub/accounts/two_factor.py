"""The second factor: a code from an authenticator app (TOTP, django-otp), with recovery codes
(django-otp's static device) for a lost phone.

Required for everyone who may use the admin beyond reviewing (comms staff, hub administrators,
superusers); offered to parent reviewers, and required of them too with
HUB_REQUIRE_2FA_FOR_REVIEWERS. Until a person has verified a code in this session, the admin
shows them only set-up (if they have no app yet), verify and sign out; outside the admin they
count as signed out, so a stolen password does not even reach draft files.

The QR code is drawn here, as SVG (qrcode), from the otpauth:// address: no other site sees the
secret. The key is also shown as text, for people who cannot scan.
"""

import secrets
from base64 import b32encode

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp import DEVICE_ID_SESSION_KEY, match_token, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from hub.accounts import audit
from hub.review.access import is_only_a_parent_reviewer

RECOVERY_CODES = 10
APP = "app"  # the name of a person's TOTP device
RECOVERY = "recovery codes"

# What an unverified person may still reach in the admin.
OPEN_WHEN_UNVERIFIED = {
    "two_factor:set_up",
    "two_factor:verify",
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "wagtailadmin_javascript_catalog",
    "wagtail_localize:javascript_catalog",
    "wagtailadmin_sprite",
}


def is_required_for(user):
    if not getattr(settings, "HUB_REQUIRE_2FA", True):
        return False
    if is_only_a_parent_reviewer(user):
        return getattr(settings, "HUB_REQUIRE_2FA_FOR_REVIEWERS", False)
    return True


def needs_to_verify(user):
    """Signed in, but not yet past the second factor where one is set up or required. With
    the second factor off (HUB_REQUIRE_2FA=false, development only: production always has it),
    nobody is asked, though the demo's staff accounts have an app set up."""
    if not user.is_authenticated or user.is_verified():
        return False
    if not getattr(settings, "HUB_REQUIRE_2FA", True):
        return False
    return is_required_for(user) or user_has_device(user)


class RequireSecondFactorMiddleware:
    """After django-otp's OTPMiddleware: sends an unverified person to verify (or set up) from
    every admin screen, and treats them as signed out everywhere else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        # No session cookie, nobody signed in: not asking keeps public pages cacheable.
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return None
        if match is None or not needs_to_verify(request.user):
            return None
        if not match.route.startswith("admin/"):
            request.user = AnonymousUser()
            return None
        if match.view_name in OPEN_WHEN_UNVERIFIED:
            return None
        target = "two_factor:verify" if user_has_device(request.user) else "two_factor:set_up"
        return redirect(f"{reverse(target)}?next={request.get_full_path()}")


def _next(request):
    url = request.POST.get("next") or request.GET.get("next", "")
    if url and url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return reverse("wagtailadmin_home")


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=16,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false"}
        ),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split()).lower()


def _qr_svg(url):
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=4)
    return image.to_string(encoding="unicode")


def _grouped(key):
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def _new_recovery_codes(user):
    device, _created = StaticDevice.objects.get_or_create(user=user, name=RECOVERY)
    device.token_set.all().delete()
    codes = [secrets.token_hex(5) for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return device, codes


@never_cache
@require_http_methods(["GET", "POST"])
def set_up(request):
    """Add an authenticator app: scan the QR code (or type the key), then type a code from it.
    The recovery codes are shown once, right after."""
    if not request.user.is_authenticated:
        return redirect("wagtailadmin_login")
    if user_has_device(request.user) and not request.user.is_verified():
        # Someone with a password but not the phone must not swap the phone.
        return redirect(f"{reverse('two_factor:verify')}?next={_next(request)}")
    pending = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if pending is None:
        pending = TOTPDevice.objects.create(user=request.user, name=APP, confirmed=False)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if pending.verify_token(form.cleaned_data["code"]):
            with transaction.atomic():
                TOTPDevice.objects.filter(user=request.user).exclude(pk=pending.pk).delete()
                pending.confirmed = True
                pending.save(update_fields=["confirmed"])
                _device, codes = _new_recovery_codes(request.user)
            otp_login(request, pending)
            audit.record(audit.TWO_FACTOR_SET_UP, request.user, by=request.user)
            return TemplateResponse(
                request,
                "accounts/two_factor/recovery_codes.html",
                {"codes": codes, "next": _next(request)},
            )
        form.add_error("code", _("That code did not work. Type the 6 numbers your app shows now."))
    key = b32encode(pending.bin_key).decode()
    return TemplateResponse(
        request,
        "accounts/two_factor/set_up.html",
        {
            "form": form,
            "qr_svg": _qr_svg(pending.config_url),
            "key": _grouped(key),
            "next": _next(request),
            "required": is_required_for(request.user),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def verify(request):
    """Type the code from your app, or one of your recovery codes."""
    if not request.user.is_authenticated:
        return redirect("wagtailadmin_login")
    if not user_has_device(request.user):
        return redirect(f"{reverse('two_factor:set_up')}?next={_next(request)}")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            if isinstance(device, StaticDevice):
                audit.record(audit.RECOVERY_CODE_USED, request.user, by=request.user)
            return redirect(_next(request))
        form.add_error("code", _("That code did not work. Check it and try again."))
    return TemplateResponse(
        request, "accounts/two_factor/verify.html", {"form": form, "next": _next(request)}
    )


@never_cache
@require_http_methods(["GET", "POST"])
def manage(request):
    """Your two-step verification: get new recovery codes, or turn it off where it is not
    required."""
    required = is_required_for(request.user)
    if request.method == "POST":
        if request.POST.get("action") == "new-codes" and user_has_device(request.user):
            _device, codes = _new_recovery_codes(request.user)
            audit.record(audit.TWO_FACTOR_SET_UP, request.user, by=request.user, what="codes")
            return TemplateResponse(
                request,
                "accounts/two_factor/recovery_codes.html",
                {"codes": codes, "next": reverse("two_factor:manage")},
            )
        if request.POST.get("action") == "turn-off" and not required:
            TOTPDevice.objects.filter(user=request.user).delete()
            StaticDevice.objects.filter(user=request.user).delete()
            request.session.pop(DEVICE_ID_SESSION_KEY, None)
            audit.record(audit.TWO_FACTOR_REMOVED, request.user, by=request.user)
            messages.success(request, _("Two-step verification is off."))
        return redirect("two_factor:manage")
    return TemplateResponse(
        request,
        "accounts/two_factor/manage.html",
        {
            "has_app": user_has_device(request.user),
            "required": required,
            "page_title": _("Two-step verification"),
            "header_title": _("Two-step verification"),
            "header_icon": "key",
        },
    )


def can_reset(user):
    # Hub administrators manage people (and superusers).
    return user.is_active and user.has_perm("auth.change_user")


@never_cache
@require_http_methods(["GET", "POST"])
def reset(request, user_id):
    """A hub administrator removes someone's app and recovery codes (a lost phone): they set
    up a new app the next time they sign in."""
    if not can_reset(request.user):
        raise PermissionDenied
    person = get_object_or_404(get_user_model(), pk=user_id)
    if request.method == "POST":
        TOTPDevice.objects.filter(user=person).delete()
        StaticDevice.objects.filter(user=person).delete()
        audit.record(audit.TWO_FACTOR_REMOVED, person, by=request.user, by_administrator=True)
        messages.success(
            request,
            _("%(name)s sets up two-step verification again at their next sign-in.")
            % {"name": person.get_username()},
        )
        return redirect("wagtailusers_users:index")
    title = _("Reset two-step verification")
    return TemplateResponse(
        request,
        "accounts/two_factor/reset.html",
        {"person": person, "page_title": title, "header_title": title, "header_icon": "key"},
    )
