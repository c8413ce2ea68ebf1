"""Checks on what editors type that readers will act on. Each is a Django validator instance,
so a migration carries it whole and imports no app code."""

import re

from django.core.validators import RegexValidator

# A number a reader's phone can dial from its link (``tel:``): ASCII digits (a phone's
# keypad), spaces, brackets and dashes, a "+" only at the start, 3 to 15 digits (999 to an
# international number). Not "+44 (0)...": a phone dials the 0 too, a wrong number.
validate_phone_number = RegexValidator(
    regex=r"\A(?!\+[0-9]+ *\(0\))\+?(?:[ ()\-]*[0-9]){3,15}[ ()\-]*\Z",
    flags=re.ASCII,
    message=(
        "Enter a phone number only, such as 0300 000 0000 or +44 300 000 0000. Put any words "
        "(who to ask for, when to call) in the instructions."
    ),
    code="invalid_phone_number",
)

_UK_POSTCODE = re.compile(r"([A-Z]{1,2}[0-9][A-Z0-9]?) *([0-9][A-Z]{2})", re.ASCII)


def tidy_postcode(value):
    """A UK postcode as maps and readers expect it: "kb7 9ee" or "KB79EE" becomes "KB7 9EE".
    Anything else is kept as typed, with its spaces tidied."""
    text = " ".join(value.split())
    found = _UK_POSTCODE.fullmatch(text.upper())
    return f"{found[1]} {found[2]}" if found else text
