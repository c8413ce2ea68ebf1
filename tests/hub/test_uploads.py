"""Uploads that cannot hurt a reader or the server (hub/uploads.py), tried the way comms staff
upload: through the admin's upload screen, the multiple uploader and the choosers' upload
tab. A refused file gets a clear error and leaves nothing in the media folder."""

import io
import os
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from hub.review.roles import COMMS_STAFF

pytestmark = pytest.mark.django_db

Document = get_document_model()
Image = get_image_model()

SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b'<script>alert("hi")</script></svg>'
)
HTML = b"<!DOCTYPE html><html><body><script>document.location='https://evil'</script></body>"
ODT = "application/vnd.oasis.opendocument.text"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def media(settings, tmp_path):
    """An empty media folder for the test, to see what an upload leaves behind."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


def files_in(folder):
    return sorted(
        str(path.relative_to(folder)) for path in Path(folder).rglob("*") if path.is_file()
    )


@pytest.fixture
def comms_client(client, make_member):
    client.force_login(make_member("comms", COMMS_STAFF))
    return client


def png(size=(20, 20), mode="RGB"):
    buffer = io.BytesIO()
    PILImage.new(mode, size).save(buffer, "PNG")
    return buffer.getvalue()


def bomb():
    """A PNG of 81 million pixels that is a few kilobytes on disk."""
    data = png(size=(9000, 9000), mode="1")
    assert len(data) < 100_000
    return data


def upload(client, kind, screen, name, content):
    """Posts one file through one of the admin's upload screens; returns the error shown."""
    collection = Collection.get_first_root_node().pk
    file = SimpleUploadedFile(name, content)
    base = f"/admin/{kind}s"
    if screen == "add":
        response = client.post(f"{base}/add/", {"title": name, "file": file})
        if response.status_code == 302:
            return []
        assert response.status_code == 200
        return response.context["form"].errors.get("file", [])
    if screen == "multiple":
        response = client.post(
            f"{base}/multiple/add/", {"files[]": file, "title": name, "collection": collection}
        )
        assert response.status_code == 200
        return [response.json().get("error_message", "")] if not response.json()["success"] else []
    prefix = f"{kind}-chooser-upload"
    response = client.post(
        f"{base}/chooser/create/",
        {f"{prefix}-title": name, f"{prefix}-file": file, f"{prefix}-collection": collection},
    )
    assert response.status_code == 200
    data = response.json()
    return [data["htmlFragment"]] if data["step"] == "reshow_creation_form" else []


SCREENS = ["add", "multiple", "chooser"]


@pytest.mark.parametrize("screen", SCREENS)
def test_a_decompression_bomb_picture_is_refused_and_leaves_nothing_behind(
    comms_client, media, screen
):
    errors = upload(comms_client, "image", screen, "bomb.png", bomb())
    assert len(errors) == 1
    assert "This file has too many pixels (81000000). Maximum pixels 40000000." in errors[0]
    assert not Image.objects.exists()
    assert files_in(media) == []


@pytest.mark.parametrize("screen", SCREENS)
def test_a_web_page_named_like_a_pdf_is_refused_and_leaves_nothing_behind(
    comms_client, media, screen
):
    errors = upload(comms_client, "document", screen, "leaflet.pdf", HTML)
    assert len(errors) == 1
    assert "This file is not a PDF: its content does not match its name." in errors[0]
    assert "is not allowed" not in errors[0]
    assert not Document.objects.exists()
    assert files_in(media) == []


@pytest.mark.parametrize("screen", SCREENS)
def test_an_svg_picture_is_refused_and_leaves_nothing_behind(comms_client, media, screen):
    errors = upload(comms_client, "image", screen, "logo.svg", SVG)
    assert len(errors) == 1
    assert "Not a supported image format. Supported formats: PNG, JPG, JPEG, WEBP." in errors[0]
    assert not Image.objects.exists()
    assert files_in(media) == []


@pytest.mark.parametrize(
    "kind,name,message",
    [
        ("image", "logo.png", "Not a valid .png image."),
        ("document", "logo.svg", "File extension “svg” is not allowed."),
        ("document", "logo.txt", "This file is not a plain text file"),
        ("document", "captions.vtt", "This file is not a WebVTT captions file"),
    ],
)
def test_an_svg_in_disguise_is_refused_and_leaves_nothing_behind(
    comms_client, media, kind, name, message
):
    errors = upload(comms_client, kind, "add", name, SVG)
    assert len(errors) == 1
    assert message in errors[0]
    assert not Document.objects.exists() and not Image.objects.exists()
    assert files_in(media) == []


@pytest.mark.parametrize("screen", SCREENS)
def test_a_document_over_the_size_limit_is_refused_and_leaves_nothing_behind(
    comms_client, media, settings, screen
):
    settings.HUB_DOCUMENT_MAX_UPLOAD_SIZE = 1024
    errors = upload(comms_client, "document", screen, "big.pdf", PDF + b" " * 1024)
    assert len(errors) == 1
    assert (
        "This file is too big (1.1\xa0KB). The largest document you can upload is 1.0\xa0KB."
        in errors[0]
    )
    assert not Document.objects.exists()
    assert files_in(media) == []


@pytest.mark.parametrize("screen", SCREENS)
def test_a_picture_over_the_size_limit_is_refused_and_leaves_nothing_behind(
    comms_client, media, settings, screen
):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1024
    noise = PILImage.frombytes("RGB", (100, 100), os.urandom(30_000))
    buffer = io.BytesIO()
    noise.save(buffer, "PNG")
    errors = upload(comms_client, "image", screen, "photo.png", buffer.getvalue())
    assert len(errors) == 1
    assert "This file is too big" in errors[0]
    assert not Image.objects.exists()
    assert files_in(media) == []


def test_the_upload_limits_are_ten_megabytes_for_pictures_and_twenty_for_documents(settings):
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * 1024 * 1024
    assert settings.HUB_DOCUMENT_MAX_UPLOAD_SIZE == 20 * 1024 * 1024
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000


@pytest.mark.parametrize(
    "name,content",
    [
        ("leaflet.pdf", PDF),
        ("notes.txt", "Meeting notes: bring the letter < 2 weeks old. Café.".encode()),
        ("captions.vtt", b"WEBVTT\n\n00:00.000 --> 00:02.000\n<v Sam>Hello <i>there</i>\n"),
    ],
)
@pytest.mark.parametrize("screen", SCREENS)
def test_real_documents_are_accepted_on_every_upload_screen(
    comms_client, media, screen, name, content
):
    assert upload(comms_client, "document", screen, name, content) == []
    document = Document.objects.get()
    assert files_in(media) == [document.file.name]


def zipped(*members, first=None):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if first:
            archive.writestr(zipfile.ZipInfo(first[0]), first[1])
        for name in members:
            archive.writestr(name, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "name,content",
    [
        ("letter.docx", zipped("[Content_Types].xml", "_rels/.rels", "word/document.xml")),
        # As some programs write it: the Word part last, where filetype does not look.
        ("letter.docx", zipped(*[f"customXml/item{n}.xml" for n in range(5)], "word/document.xml")),
        ("letter.odt", zipped("content.xml", first=("mimetype", ODT))),
        ("letter.rtf", b"{\\rtf1\\ansi A letter.}"),
        ("video.mp4", b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom\x00\x00\x00\x08free"),
    ],
)
def test_each_allowed_kind_of_document_is_recognised_by_its_content(
    comms_client, media, name, content
):
    assert upload(comms_client, "document", "add", name, content) == []
    assert Document.objects.get().file.name.endswith(name.rsplit(".")[-1])


@pytest.mark.parametrize("screen", SCREENS)
def test_a_real_picture_is_accepted_on_every_upload_screen(comms_client, media, screen):
    assert upload(comms_client, "image", screen, "photo.png", png()) == []
    assert Image.objects.count() == 1


@pytest.mark.parametrize(
    "name,content",
    [
        ("notes.txt", b"plain words\x00hidden"),
        ("notes.txt", "not UTF-8: caf\xe9".encode("latin-1")),
        ("notes.txt", b"Click <a href='https://evil'>here</a>"),
        ("video.mp4", PDF),
        ("letter.docx", b"PK\x03\x04 not really a word document"),
        ("letter.rtf", HTML),
    ],
)
def test_documents_whose_content_is_not_what_their_name_says_are_refused(
    comms_client, media, name, content
):
    errors = upload(comms_client, "document", "add", name, content)
    assert len(errors) == 1
    assert "This file is not" in errors[0]
    assert files_in(media) == []


def test_documents_are_served_as_downloads_the_browser_never_sniffs(comms_client, media):
    assert upload(comms_client, "document", "add", "leaflet.pdf", PDF) == []
    document = Document.objects.get()
    response = comms_client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="leaflet.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    # Sent as it is: no coding named (Wagtail's own view says "Content-Encoding: None").
    assert "Content-Encoding" not in response
