"""StreamField blocks only guides use: the numbered (and 'and'/'or') steps."""

from wagtail import blocks

from hub.blocks import BodyBlock


class StepBodyBlock(BodyBlock):
    """A step's body: like a page body, but headings start at level 3 under the step's own."""

    paragraph = blocks.RichTextBlock(
        features=["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]
    )


class StepBlock(blocks.StructBlock):
    """One step of a GOV.UK step-by-step guide."""

    heading = blocks.CharBlock(max_length=120)
    logic = blocks.ChoiceBlock(
        choices=[
            ("and", "'and': happens alongside the step before"),
            ("or", "'or': instead of the step before"),
        ],
        required=False,
        help_text="Leave blank for a new numbered step.",
    )
    summary = blocks.TextBlock(required=False, max_length=300)
    body = StepBodyBlock()

    class Meta:
        icon = "list-ol"
