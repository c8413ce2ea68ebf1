"""Checks on what editors type that readers will act on."""

import re

from django.core.exceptions import ValidationError

_PHONE_CHARACTERS = re.compile(r"^\+?[\d\s()\-]+$")


def validate_phone_number(value):
    """A number a reader's phone can dial from its link (``tel:``): digits, spaces, brackets and
    dashes, a "+" only at the start, 3 to 15 digits (999 to an international number). Words
    ("call Sam", "ask at reception") belong in the booking instructions."""
    digits = sum(character.isdigit() for character in value)
    if not _PHONE_CHARACTERS.match(value) or not 3 <= digits <= 15:
        raise ValidationError(
            "Enter a phone number only, such as 0300 000 0000 or +44 300 000 0000. Put any "
            "words (who to ask for, when to call) in the instructions.",
            code="invalid_phone_number",
        )


_UK_POSTCODE = re.compile(r"^([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})$")


def tidy_postcode(value):
    """A UK postcode as maps and readers expect it: "kb7 9ee" or "KB79EE" becomes "KB7 9EE".
    Anything else is kept as typed, with its spaces tidied."""
    text = " ".join(value.split()).upper()
    found = _UK_POSTCODE.match(text)
    return f"{found[1]} {found[2]}" if found else " ".join(value.split())
