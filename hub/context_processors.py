"""Template context every page needs."""

from django.conf import settings


def languages(request):
    """The source language's code, for marking what is shown in it as a fallback."""
    return {"source_language": settings.LANGUAGE_CODE}
