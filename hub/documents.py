"""A leaflet linked in the middle of text says what it is and how big, as a leaflet in a guide's
downloads does: "the leaflet (PDF, 120.6 KB)". A parent on a phone with little data left can
tell before they tap that a link opens a file, not a page.

Wagtail draws a rich text link from its opening tag alone (a link handler), and the link's own
words come after it. So the handler marks the opening tag with the file's type and size, and the
rich text template (``wagtailcore/shared/richtext.html``, which both ``|richtext`` and a rich
text block draw through) moves them after the closing tag, in words.
"""

import re

from django.template.defaultfilters import filesizeformat
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from wagtail.documents.rich_text import DocumentLinkHandler

_MARKED = re.compile(
    r'<a href="(?P<href>[^"]*)" data-file-type="(?P<type>[^"]*)" data-file-size="(?P<size>\d*)">'
    r"(?P<words>.*?)</a>",
    re.DOTALL,
)


def file_type(document):
    """What kind of file a document is, as readers know it: "PDF", "DOCX"."""
    return (document.file_extension or "file").upper()


class DescribedDocumentLinkHandler(DocumentLinkHandler):
    """Wagtail's document links, with the file's type and size marked on the opening tag."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        return [
            format_html(
                '<a href="{}" data-file-type="{}" data-file-size="{}">',
                document.url,
                file_type(document),
                document.file_size or "",
            )
            if document
            else "<a>"
            for document in cls.get_many(attrs_list)
        ]


def _described(match):
    # What was matched is HTML the handler wrote (escaped already) and the text's own words.
    kept = {name: mark_safe(match[name]) for name in ("href", "type", "words")}  # noqa: S308
    size = match["size"]
    facts = (
        kept["type"] if not size else format_html("{}, {}", kept["type"], filesizeformat(int(size)))
    )
    return format_html(
        '<a href="{}">{}</a> <span class="app-file-meta">({})</span>',
        kept["href"],
        kept["words"],
        facts,
    )


def describe_file_links(html):
    """Rich text (safe HTML, as Wagtail expanded it) with each marked file link followed by the
    file's type and size, in the reader's language ("PDF, 120.6 KB"; "PDF, 120,6 KB" in
    Polish). Text not marked safe is escaped first: this adds to HTML, never trusts it."""
    html = conditional_escape(html)
    if "data-file-type" not in html:
        return html
    return mark_safe(_MARKED.sub(_described, html))  # noqa: S308 - built from safe parts above
