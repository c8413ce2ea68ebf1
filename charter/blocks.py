"""StreamField blocks only the charters use: a right, what it means and what to do if it is not
met."""

from wagtail import blocks

from hub.blocks import SHORT_TEXT_FEATURES


class RightBlock(blocks.StructBlock):
    """One right in the parent rights charter."""

    title = blocks.CharBlock(max_length=150, help_text="The right, in plain words.")
    what_it_means = blocks.RichTextBlock(features=SHORT_TEXT_FEATURES + ["ul"])
    if_not_met = blocks.RichTextBlock(
        features=SHORT_TEXT_FEATURES + ["ul", "ol"],
        help_text="What the reader can do if this right is not met: who to contact and how.",
    )

    class Meta:
        icon = "success"
        template = "charter/blocks/right_block.html"
