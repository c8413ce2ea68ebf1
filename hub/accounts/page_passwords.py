"""A page's password form without a cookie: readers of public pages get no cookie until they
send a form that needs one (README, "Public pages set no cookies").

Wagtail's form carries a CSRF token, whose cookie would be set just by showing a restricted
page. Here the form has none and the view that checks the password is exempt from Django's
CSRF check, which is replaced by the check browsers make possible without a cookie: the POST
must come from this site (its Origin header, or failing that its Referer, names this host).
That is safe because the only thing another site could do by forging the form is send a
password it would have to know, to unlock a page for the reader's own browser; and a forged
request from another site is refused anyway by the Origin check. A right password starts a
session (the reader asked for it), a wrong one sets nothing.
"""

from urllib.parse import urlsplit

from django.http import HttpResponseForbidden
from django.views.decorators.csrf import csrf_exempt
from wagtail import views as wagtail_views


def _from_this_site(request):
    source = request.headers.get("Origin") or request.headers.get("Referer")
    if not source or source == "null":
        return False
    return urlsplit(source).netloc == request.get_host()


@csrf_exempt
def authenticate_with_password(request, page_view_restriction_id, page_id):
    if request.method == "POST" and not _from_this_site(request):
        return HttpResponseForbidden("This form must be sent from this site.")
    return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
