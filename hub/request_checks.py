"""Requests no browser sends, refused before any view reads them.

A NUL byte is never part of an address a person follows, and PostgreSQL cannot store or
compare text that holds one: a query with it fails deep inside a view (a 500). Refusing it
here answers 400 for every page, file and search address at once.
"""

from django.http import HttpResponseBadRequest

NUL = "\x00"


class RefuseNulBytesMiddleware:
    """Answers 400 to a request whose path, query string or query values hold a NUL byte."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_nul(request):
            return HttpResponseBadRequest(
                "This address holds a character no web address can hold.",
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)


def has_nul(request):
    return NUL in request.path or any(
        NUL in key or any(NUL in value for value in values) for key, values in request.GET.lists()
    )
