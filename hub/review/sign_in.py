"""Signing in by emailed link, for parent reviewers only.

Parents review between other things, often on a phone, and a password is one more thing to
keep. They may ask for a link instead: it signs them in once, within 15 minutes, and goes
straight to the draft they were sent. The request page never says whether an address has an
account, and is rate limited per address and per connection. Staff roles (comms staff, hub
administrators) always sign in with their password (and, once required, a second factor).
Opening the link shows a button rather than signing in at once, so a mail scanner that
fetches links cannot use it up.
"""

import hashlib
import secrets
from datetime import timedelta

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model, login
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponseRedirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from wagtail.users.models import UserProfile

from hub.review.access import is_only_a_parent_reviewer
from hub.review.emails import deliver
from hub.review.models import SignInLink

LIFETIME = timedelta(minutes=15)
# How many links an address, and a connection, may ask for in a quarter of an hour.
PER_ADDRESS, PER_CONNECTION, WINDOW = 3, 10, 15 * 60


class RequestLinkForm(forms.Form):
    email = forms.EmailField(label=_("Your email address"), max_length=254)


def _hash(secret):
    return hashlib.sha256(secret.encode()).hexdigest()


def _safe_next(request, url):
    if url and url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return reverse("wagtailadmin_home")


def _allowed(key, limit):
    """Counts one more attempt against a limit shared by every worker (the cache)."""
    cache.add(key, 0, WINDOW)
    try:
        return cache.incr(key) <= limit
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW)
        return True


def _client(request):
    return request.META.get("REMOTE_ADDR", "unknown")


def parent_reviewer_with(email):
    User = get_user_model()
    for user in User.objects.filter(email__iexact=email, is_active=True):
        if is_only_a_parent_reviewer(user):
            return user
    return None


def send_link(request, user, next_url):
    secret = secrets.token_urlsafe(32)
    SignInLink.objects.create(user=user, secret_hash=_hash(secret), next_url=next_url)
    url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("review_sign_in", args=[secret])
    language = UserProfile.get_for_user(user).get_preferred_language() or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {"recipient": user, "url": url, "minutes": int(LIFETIME.total_seconds() // 60)}
        subject = render_to_string("review/emails/sign_in_link_subject.txt", context)
        body = render_to_string("review/emails/sign_in_link.txt", context)
    # Queued, not sent here: the answer must not take longer when the address has an account.
    deliver.enqueue(" ".join(subject.split()), body, user.email)


@never_cache
@csrf_protect
def request_link(request):
    """GET: the form. POST: a link by email if the address belongs to a parent reviewer; the
    same answer whatever the address."""
    next_url = request.POST.get("next") or request.GET.get("next", "")
    form = RequestLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"].strip().lower()
        address_key = "hub:sign-in-link:address:" + _hash(email)
        connection_key = "hub:sign-in-link:connection:" + _client(request)
        limited = not (
            _allowed(address_key, PER_ADDRESS) and _allowed(connection_key, PER_CONNECTION)
        )
        user = None if limited else parent_reviewer_with(email)
        if user is not None:
            send_link(request, user, _safe_next(request, next_url))
        return TemplateResponse(request, "review/sign_in/sent.html", {"email": email})
    return TemplateResponse(
        request, "review/sign_in/request.html", {"form": form, "next": next_url}
    )


@never_cache
@csrf_protect
def use_link(request, secret):
    """GET: a button to sign in. POST: signs in, once, within 15 minutes."""
    link = SignInLink.objects.filter(secret_hash=_hash(secret)).select_related("user").first()
    usable = (
        link is not None
        and link.used_at is None
        and timezone.now() - link.created_at <= LIFETIME
        and link.user.is_active
        and is_only_a_parent_reviewer(link.user)
    )
    if not usable:
        return TemplateResponse(request, "review/sign_in/expired.html", status=410)
    if request.method != "POST":
        return TemplateResponse(request, "review/sign_in/confirm.html", {"link": link})
    with transaction.atomic():
        # Used once: whoever marks it first signs in; a second click finds it used.
        claimed = SignInLink.objects.filter(pk=link.pk, used_at__isnull=True).update(
            used_at=timezone.now()
        )
    if not claimed:
        return TemplateResponse(request, "review/sign_in/expired.html", status=410)
    login(request, link.user, backend="django.contrib.auth.backends.ModelBackend")
    return HttpResponseRedirect(_safe_next(request, link.next_url))
