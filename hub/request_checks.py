"""Requests no browser sends, dealt with before any view reads them.

A NUL byte is never part of a page's or a file's address, and PostgreSQL cannot store or
compare text that holds one: a query with it fails deep inside a view (a 500).

- A NUL byte in the path is refused with 400, for every page, file and feed at once.
- A NUL byte in a query value (?q=, ?tag=, ?page=...) is dropped, so the search box still
  answers whatever was pasted into it.
- A query with more values than Django reads (DATA_UPLOAD_MAX_NUMBER_FIELDS) is refused with
  400 here, in development too: Django's debug page would read the query again, and fail.

Each refusal is the designed 400 page (templates/400.html).
"""

from django.core.exceptions import SuspiciousOperation, TooManyFieldsSent
from django.http import QueryDict
from django.views.defaults import bad_request

NUL = "\x00"


class RefuseNulBytesMiddleware:
    """Answers 400 to a path with a NUL byte; drops NUL bytes from query values."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if NUL in request.path:
            return bad_request(request, SuspiciousOperation("A NUL byte in the path"))
        try:
            query = request.GET
        except TooManyFieldsSent as too_many:
            return bad_request(request, too_many)
        if any(NUL in key or NUL in "".join(values) for key, values in query.lists()):
            request.GET = without_nul(query)
        return self.get_response(request)


def without_nul(query):
    cleaned = QueryDict(mutable=True)
    for key, values in query.lists():
        cleaned.setlist(key.replace(NUL, ""), [value.replace(NUL, "") for value in values])
    cleaned._mutable = False
    return cleaned


class AnswerHeadWithoutBody:
    """A HEAD request gets the headers a GET would, and no body (RFC 9110, 9.3.2). Django
    leaves dropping the body to the server: gunicorn does, and logs a warning for each one
    ("WSGI app sent body bytes on a no-body response"), which an uptime monitor asking HEAD
    every minute would fill the log with. Outermost, so cached and compressed answers too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method == "HEAD":
            if response.streaming:
                response.streaming_content = []  # a file's own closing is kept with the response
            else:
                response.content = b""  # its Content-Length stays the GET's, as HTTP allows
        return response
