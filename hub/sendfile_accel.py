"""Wagtail's document view, with nginx sending the bytes (``SENDFILE_BACKEND``).

Wagtail checks who may fetch a document (``hub.review.files.check_document_is_public``), then calls
this backend, which answers with ``X-Accel-Redirect`` to the same internal location images use
(``HUB_MEDIA_ACCEL_REDIRECT``). A gunicorn worker is then free at once, even for a long video.
"""

from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.http import Http404, HttpResponse


def sendfile(request, filename, mimetype=None, **kwargs):
    """An empty response that tells nginx which file under MEDIA_ROOT to send."""
    try:
        relative = Path(filename).resolve().relative_to(Path(settings.MEDIA_ROOT).resolve())
    except ValueError:
        # Not under MEDIA_ROOT: nothing nginx may send.
        raise Http404 from None
    response = HttpResponse(content_type=mimetype or "application/octet-stream")
    location = settings.HUB_MEDIA_ACCEL_REDIRECT.rstrip("/")
    response["X-Accel-Redirect"] = f"{location}/{quote(relative.as_posix())}"
    return response
