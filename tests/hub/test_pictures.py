"""A picture's alt text says what it shows: its file name is refused, with what to write."""

import pytest
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail_factories import ImageFactory

from hub.blocks import PictureBlock

pytestmark = pytest.mark.django_db


def picture(image, alt_text, decorative=False):
    block = PictureBlock()
    return block, block.to_python(
        {"image": image.pk, "alt_text": alt_text, "decorative": decorative}
    )


@pytest.mark.parametrize("alt_text", ["meeting", "Meeting.png", "meeting-room", "IMG_0042.jpg"])
def test_a_file_name_is_not_alt_text(alt_text):
    image = ImageFactory(title="meeting", file__filename="meeting-room.png")
    block, value = picture(image, alt_text)
    with pytest.raises(StructBlockValidationError) as refused:
        block.clean(value)
    message = str(refused.value.block_errors["alt_text"])
    assert "file name" in message and "Image is decorative" in message


def test_words_that_say_what_the_picture_shows_are_kept():
    image = ImageFactory(title="meeting", file__filename="meeting-room.png")
    block, value = picture(image, "A parent and a social worker talking at a table")
    assert block.clean(value).contextual_alt_text.startswith("A parent")


def test_a_title_that_describes_the_picture_may_be_its_alt_text():
    image = ImageFactory(title="A parent and a social worker talking at a table")
    block, value = picture(image, "A parent and a social worker talking at a table")
    assert block.clean(value).contextual_alt_text == image.title


def test_a_decorative_picture_needs_no_words():
    image = ImageFactory(title="meeting")
    block, value = picture(image, "", decorative=True)
    assert block.clean(value).decorative
