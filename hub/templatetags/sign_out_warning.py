"""The warning before an idle sign-out, on every admin screen (hub/accounts/sessions.py)."""

from django import template
from django.conf import settings
from django.urls import reverse

from hub.accounts.sessions import time_left
from hub.accounts.two_factor import needs_to_verify

register = template.Library()


@register.inclusion_tag("accounts/sign_out_warning.html", takes_context=True)
def sign_out_warning(context):
    """For someone signed in (and past the second factor): how long is left, for the script."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or needs_to_verify(user):
        return {"shown": False}
    seconds_left, can_stay = time_left(request.session)
    return {
        "shown": True,
        "seconds_left": seconds_left,
        "can_stay": can_stay,
        "warn_seconds": settings.HUB_SIGN_OUT_WARNING_SECONDS,
        "url": reverse("hub_sign_in_time"),
        "here": request.get_full_path(),
        "sign_in_url": reverse("wagtailadmin_login"),
        "csrf_token": context.get("csrf_token"),
    }
