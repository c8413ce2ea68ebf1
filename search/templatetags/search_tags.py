"""Marks the words searched for in results."""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def highlight(text, words):
    """The text, escaped, with the words searched for (and longer words starting with them)
    marked: "court" marks "court" and "courts"."""
    escaped = escape(str(text or ""))
    if not words:
        return mark_safe(escaped)  # noqa: S308 - escaped above
    pattern = re.compile(
        r"\b("
        + "|".join(re.escape(escape(w)) for w in sorted(words, key=len, reverse=True))
        + r")",
        re.IGNORECASE,
    )
    return mark_safe(pattern.sub(r'<mark class="app-highlight">\1</mark>', escaped))  # noqa: S308
