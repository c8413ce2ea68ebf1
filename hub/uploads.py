"""Uploads that cannot hurt a reader or the server.

Every document and image reaches the site through Wagtail's upload forms (the single and
multiple upload screens and the choosers' upload tabs all build their forms from
WAGTAILDOCS_DOCUMENT_FORM_BASE / WAGTAILIMAGES_IMAGE_FORM_BASE). ``SafeUploadFormMixin``
checks the file there:

- a document is one of the allowed kinds (WAGTAILDOCS_EXTENSIONS) by its content, not only by
  its name: a web page renamed ``leaflet.pdf`` is refused, and so are HTML, SVG and scripts,
  which a browser would run;
- a document is no bigger than HUB_DOCUMENT_MAX_UPLOAD_SIZE;
- images are checked by Wagtail itself (format by content, WAGTAILIMAGES_MAX_UPLOAD_SIZE and
  WAGTAILIMAGES_MAX_IMAGE_PIXELS, which refuses decompression bombs); SVG is not allowed.

The error is on the file field, so the multiple uploader refuses the file at once instead of
keeping it aside for later.
"""

import os
import re
import zipfile

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from wagtail.documents.models import AbstractDocument

# What the content of each allowed kind of document is recognised as (filetype's names).
DOCUMENT_KINDS = {
    "pdf": ({"pdf"}, "a PDF"),
    "docx": ({"docx"}, "a Word document"),
    "odt": ({"odt"}, "an OpenDocument text"),
    "rtf": ({"rtf"}, "a rich text document"),
    "mp4": ({"mp4", "m4v"}, "an MP4 video"),
}
TEXT_KINDS = {"txt": "a plain text file", "vtt": "a WebVTT captions file"}
# Markup a browser would render or run if it ever treated the file as a web page. WebVTT's own
# cue tags (<v>, <c>, <i>, <b>, <u>, <ruby>, <rt>, <lang>) are not among them.
HTML = re.compile(
    rb"<\s*(!doctype|\?xml|html|head|body|script|style|iframe|frame|object|embed|svg|math|"
    rb"link|meta|base|form|img|a|input|button|template)[\s>/]",
    re.IGNORECASE,
)
# Pictures are only these: formats a browser shows and never runs.
RASTER_FORMATS = {"png", "jpeg", "webp"}
# Enough of the start of a file to recognise its kind; text files are read whole.
SIGNATURE_BYTES = 8192


def document_max_upload_size():
    return getattr(settings, "HUB_DOCUMENT_MAX_UPLOAD_SIZE", 20 * 1024 * 1024)


def validate_document(upload):
    """Refuses a document that is too big, or whose content is not what its name says."""
    limit = document_max_upload_size()
    if limit is not None and upload.size > limit:
        raise ValidationError(
            "This file is too big (%(size)s). The largest document you can upload is %(limit)s.",
            code="file_too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
        )
    extension = os.path.splitext(upload.name)[1].lower().lstrip(".")
    if extension in TEXT_KINDS:
        _validate_text(upload, extension)
    elif extension in DOCUMENT_KINDS:
        _validate_binary(upload, extension)
    else:
        # Wagtail's own extension check (WAGTAILDOCS_EXTENSIONS) has already said why.
        return


def _head(upload, size=SIGNATURE_BYTES):
    upload.seek(0)
    head = upload.read(size) if size else upload.read()
    upload.seek(0)
    return head


def _not_what_it_says(kind):
    return ValidationError(
        "This file is not %(kind)s: its content does not match its name. Upload the file "
        "itself (web pages, SVG pictures and scripts cannot be uploaded).",
        code="content_does_not_match_name",
        params={"kind": kind},
    )


def _validate_binary(upload, extension):
    expected, kind = DOCUMENT_KINDS[extension]
    head = _head(upload)
    guess = filetype.guess(head)
    found = guess.extension if guess else None
    if found in expected:
        return
    # Some office programs write the parts of a document in another order than the one
    # filetype looks for; the archive's table of contents then settles it.
    if found == "zip" and extension in ("docx", "odt") and _office_document_is(upload, extension):
        return
    raise _not_what_it_says(kind)


def _office_document_is(upload, extension):
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            if extension == "docx":
                return "word/document.xml" in archive.namelist()
            return archive.read("mimetype") == b"application/vnd.oasis.opendocument.text"
    except (zipfile.BadZipFile, KeyError, OSError):
        return False
    finally:
        upload.seek(0)


def _validate_text(upload, extension):
    kind = TEXT_KINDS[extension]
    content = _head(upload, size=None)
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        raise ValidationError(
            "This file is not %(kind)s in UTF-8. Save it as UTF-8 text and upload it again.",
            code="not_utf8",
            params={"kind": kind},
        ) from None
    if "\x00" in text or HTML.search(content):
        raise _not_what_it_says(kind)
    if extension == "vtt" and not text.lstrip("\ufeff").startswith("WEBVTT"):
        raise ValidationError(
            "This file is not a WebVTT captions file: it must start with “WEBVTT”.",
            code="not_webvtt",
        )


class SafeUploadFormMixin:
    """For Wagtail's document and image forms: a new file is checked by its content and size
    (see the module's docstring) and refused with an error on the file field."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        clean = getattr(super(), "clean_file", None)
        if clean is not None:
            upload = clean()
        # Only a new upload is checked: an edit that keeps the file sends none.
        if not isinstance(upload, UploadedFile):
            return upload
        if issubclass(self._meta.model, AbstractDocument):
            validate_document(upload)
        elif getattr(upload, "image", None) is not None:
            validate_picture(upload)
        return upload

    def _post_clean(self):
        # Wagtail's document model checks the file's extension again in its clean(); for a
        # file refused here it would add a confusing "File extension “” is not allowed".
        refused = len(self.errors.get("file", ()))
        super()._post_clean()
        if refused:
            del self.errors["file"][refused:]


def validate_picture(upload):
    """Wagtail has read the picture (its format by content, its size, its pixels); whatever
    WAGTAILIMAGES_EXTENSIONS says, a picture that can hold script (SVG) is refused."""
    if upload.image.format_name not in RASTER_FORMATS:
        raise ValidationError(
            "Pictures must be PNG, JPEG or WebP files. SVG and other formats that can hold "
            "script cannot be uploaded.",
            code="not_a_raster_picture",
        )
