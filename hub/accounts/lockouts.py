"""Settings → Locked out sign-ins: hub administrators see who is locked out, and unlock them.

Axes keeps its attempts in the database (``axes.AccessAttempt``); this is the admin's view of
the ones still inside the 15-minute window, with an "Unlock" button that forgets every attempt
for that username and that connection (``axes.utils.reset``)."""

from datetime import timedelta

from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from hub.accounts import audit


def can_unlock(user):
    # Hub administrators (hub/migrations/0012) and superusers.
    return user.is_active and user.has_perm("axes.delete_accessattempt")


def recent_attempts():
    since = timezone.now() - timedelta(hours=settings.AXES_COOLOFF_TIME)
    return AccessAttempt.objects.filter(attempt_time__gte=since).order_by("-attempt_time")


class LockoutsReport(ReportView):
    """Failed sign-ins in the last 15 minutes, per username and connection."""

    page_title = gettext_lazy("Locked out sign-ins")
    header_icon = "lock"
    index_url_name = "hub_lockouts:index"
    index_results_url_name = "hub_lockouts:results"
    columns = [
        TitleColumn(
            "username",
            label=gettext_lazy("Username tried"),
            url_name="hub_lockouts:unlock",
        ),
        Column("ip_address", label=gettext_lazy("Connection")),
        Column("failures_since_start", label=gettext_lazy("Wrong attempts")),
        DateColumn("attempt_time", label=gettext_lazy("Last attempt")),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not can_unlock(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return recent_attempts()


@require_http_methods(["GET", "POST"])
def unlock(request, attempt_id):
    """GET: asks first. POST: forgets the attempts of that username and of that connection."""
    if not can_unlock(request.user):
        raise PermissionDenied
    attempt = get_object_or_404(AccessAttempt, pk=attempt_id)
    if request.method == "POST":
        reset(username=attempt.username)
        reset(ip=attempt.ip_address)
        audit.log_unlock(request.user, attempt.username, attempt.ip_address)
        messages.success(
            request, _("%(username)s can sign in again.") % {"username": attempt.username}
        )
        return redirect("hub_lockouts:index")
    title = _("Unlock %(username)s") % {"username": attempt.username}
    return TemplateResponse(
        request,
        "accounts/unlock.html",
        {"attempt": attempt, "page_title": title, "header_title": title, "header_icon": "lock"},
    )
