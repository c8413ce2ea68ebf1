"""Requests no browser sends, dealt with before any view reads them.

A NUL byte is never part of a page's or a file's address, and PostgreSQL cannot store or
compare text that holds one: a query with it fails deep inside a view (a 500).

- A NUL byte in the path is refused with 400, for every page, file and feed at once.
- A NUL byte in a query value (?q=, ?tag=, ?page=...) is dropped, so the search box still
  answers whatever was pasted into it.
"""

from django.http import HttpResponseBadRequest, QueryDict

NUL = "\x00"


class RefuseNulBytesMiddleware:
    """Answers 400 to a path with a NUL byte; drops NUL bytes from query values."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if NUL in request.path:
            return HttpResponseBadRequest(
                "This address holds a character no web address can hold.",
                content_type="text/plain; charset=utf-8",
            )
        if any(NUL in key or NUL in "".join(values) for key, values in request.GET.lists()):
            request.GET = without_nul(request.GET)
        return self.get_response(request)


def without_nul(query):
    cleaned = QueryDict(mutable=True)
    for key, values in query.lists():
        cleaned.setlist(key.replace(NUL, ""), [value.replace(NUL, "") for value in values])
    cleaned._mutable = False
    return cleaned
