"""StreamField blocks shared by more than one page type."""

import os
import re

from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.utils.text import slugify
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

PARAGRAPH_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]
SHORT_TEXT_FEATURES = ["bold", "italic", "link", "document-link"]


class FooterLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock()
    label = blocks.CharBlock(required=False, help_text="Leave blank to use the page's title.")

    class Meta:
        icon = "link"


class InsetTextBlock(blocks.StructBlock):
    """GOV.UK inset text: a quote, example or extra information set apart from the text."""

    text = blocks.RichTextBlock(features=SHORT_TEXT_FEATURES)

    class Meta:
        icon = "openquote"
        template = "components/inset_text.html"


class WarningTextBlock(blocks.StructBlock):
    """GOV.UK warning text: something the reader must know, such as a legal consequence."""

    text = blocks.CharBlock(max_length=300)

    class Meta:
        icon = "warning"
        template = "components/warning_text.html"


class DetailsBlock(blocks.StructBlock):
    """GOV.UK details: extra help that not every reader needs, opened on request."""

    summary = blocks.CharBlock(max_length=120)
    body = blocks.RichTextBlock(features=["bold", "italic", "ol", "ul", "link", "document-link"])

    class Meta:
        icon = "collapse-down"
        template = "components/details.html"


class GlossaryTermBlock(blocks.StructBlock):
    """A word a parent may not know, explained in place: "What does 'looked after' mean?",
    opened on request (GOV.UK details). Term and explanation are translated with the page."""

    term = blocks.CharBlock(
        max_length=80,
        help_text="The word or phrase as the text uses it, for example: looked after",
    )
    explanation = blocks.RichTextBlock(
        features=["bold", "italic", "ul", "link"],
        help_text="In plain words, a sentence or two. Link to where to get help if it fits.",
    )

    class Meta:
        icon = "help"
        label = "Glossary term"
        template = "components/glossary_term.html"


class DownloadBlock(blocks.StructBlock):
    """A document to download (a leaflet, a form), shown with its file type and size."""

    document = DocumentChooserBlock(
        help_text="In a translation, a translated leaflet can be chosen instead."
    )
    title = blocks.CharBlock(
        required=False,
        max_length=150,
        help_text="The link's words, such as the leaflet's name. Translated with the page; "
        "left blank, the document's own title is used.",
    )
    description = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        template = "components/download.html"


class VideoBlock(blocks.StructBlock):
    """A video hosted elsewhere, with its transcript.

    The hub never loads another site's player on page load (no request may leave the site
    unless the reader chooses), so the video is a link and the transcript is on the page.
    """

    title = blocks.CharBlock(max_length=200)
    url = blocks.URLBlock(help_text="Where the video is hosted, for example on YouTube.")
    duration = blocks.CharBlock(required=False, max_length=40, help_text="For example 4 minutes")
    has_captions = blocks.BooleanBlock(required=False, default=True)
    transcript = blocks.RichTextBlock(required=False, features=SHORT_TEXT_FEATURES + ["ul"])

    class Meta:
        icon = "media"
        template = "components/video.html"


class EasyReadRowBlock(blocks.StructBlock):
    """An Easy Read row: one picture beside one or two short sentences."""

    image = ImageBlock()
    text = blocks.TextBlock(max_length=240, help_text="One idea, in short sentences.")

    class Meta:
        icon = "image"
        template = "components/easy_read_row.html"

    def bulk_to_python(self, values):
        rows = super().bulk_to_python(values)
        with_renditions(row["image"] for row in rows)
        return rows


class PictureBlock(ImageBlock):
    """An image with its alt text (or marked decorative), sized for the reading column."""

    class Meta:
        icon = "image"
        template = "components/image.html"

    def clean(self, value):
        """Wagtail fills the alt text in with the picture's title, often its file name
        ("meeting"), which tells a screen reader user nothing: that is refused, with what to
        write instead (found in a comms walk: an Easy Read picture went live as alt="meeting").
        """
        value = super().clean(value)
        if (
            not self.is_deferred_validation
            and value
            and not value.decorative
            and names_the_file(value.contextual_alt_text, value)
        ):
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        "This is the picture's file name, which tells someone using a screen "
                        "reader nothing. Say what the picture shows, for example 'A parent and "
                        "a social worker talking at a table', or tick 'Image is decorative' if "
                        "the words beside it say it all."
                    )
                }
            )
        return value

    def bulk_to_python(self, values):
        images = super().bulk_to_python(values)
        with_renditions(images)
        return images


PICTURE_EXTENSION = r"\.(jpe?g|png|gif|webp|avif|svg|heic)$"


def names_the_file(alt_text, image):
    """Is this alt text only the image's title or file name ("meeting", "IMG_0042.jpg")?"""

    def plain(text):
        text = re.sub(PICTURE_EXTENSION, "", (text or "").strip(), flags=re.I)
        return " ".join(re.split(r"[\s_.-]+", text.lower())).strip()

    said = plain(alt_text)
    if not said:
        return False
    stored = re.sub(PICTURE_EXTENSION, "", os.path.basename(image.file.name or ""), flags=re.I)
    # A name taken already is stored with 7 more characters: "meeting-room_Ab3dE9x.png".
    names = {plain(stored), plain(re.sub(r"_[A-Za-z0-9]{7}$", "", stored))}
    title = (image.title or "").strip()
    if " " not in title or re.search(PICTURE_EXTENSION, title, flags=re.I):
        names.add(plain(title))  # a title that is a file's name; a described one is fine
    return said in names or bool(re.fullmatch(r"(img|dsc|dscn|pxl|image|photo) ?\d+", said))


def with_renditions(images):
    """Reads the renditions (sizes) of all these images in one query, as a page's blocks load,
    instead of one query per picture as the page is drawn (an Easy Read guide has dozens)."""
    prefetch_related_objects([image for image in images if image is not None], "renditions")


class BodyBlock(blocks.StreamBlock):
    """The body of an ordinary page: text with the GOV.UK components that fit it."""

    paragraph = blocks.RichTextBlock(features=PARAGRAPH_FEATURES)
    inset_text = InsetTextBlock()
    warning_text = WarningTextBlock()
    details = DetailsBlock()
    glossary_term = GlossaryTermBlock()
    image = PictureBlock()
    download = DownloadBlock()
    video = VideoBlock()
    easy_read_row = EasyReadRowBlock()


def unique_anchor(text, taken):
    """A URL fragment made from text, made unique against the anchors already taken."""
    base = slugify(text)[:60].strip("-") or "item"
    anchor, n = base, 2
    while anchor in taken:
        anchor, n = f"{base}-{n}", n + 1
    taken.add(anchor)
    return anchor
