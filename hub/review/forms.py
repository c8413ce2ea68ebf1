"""The forms of parent review: a parent's decision, and the author's note on what changed."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.pages import WagtailAdminPageForm

APPROVE, REQUEST_CHANGES = "approve", "reject"

# Unicode's invisible controls that reorder the text around them (embeddings, overrides and
# isolates). In a comment they could make an email or the review page read differently from
# what was typed, so they are taken out; the page and the browser set direction themselves.
DIRECTION_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def without_direction_controls(text):
    return text.translate(DIRECTION_CONTROLS)


class DecisionForm(forms.Form):
    """A parent's decision on the revision they read (`revision`): approve, with an optional
    comment, or request changes, which needs one (the author must know what to change)."""

    decision = forms.ChoiceField(
        choices=[(APPROVE, _("Approve")), (REQUEST_CHANGES, _("Ask for changes"))]
    )
    comment = forms.CharField(required=False, max_length=2000, widget=forms.Textarea)
    revision = forms.IntegerField(widget=forms.HiddenInput)
    # The last approval puts the page live: it is asked again, in plain words, first.
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def clean_comment(self):
        return without_direction_controls(self.cleaned_data["comment"])

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("decision") == REQUEST_CHANGES
            and "comment" not in self.errors  # too long is said already: it is not missing
            and not cleaned.get("comment", "").strip()
        ):
            self.add_error(
                "comment",
                _("Say what needs to change, so the person who wrote it knows what to do."),
            )
        return cleaned


class ReviewedPageForm(WagtailAdminPageForm):
    """Every page's editor form, with a line for parent reviewers: what changed and why. It is
    sent with the draft (their email and review page show it) and starts empty each time."""

    change_summary = forms.CharField(
        label=_("For parent reviewers: what did you change, and why?"),
        help_text=_(
            "One line, optional. Parents read it in their email and on the review page, "
            "for example: 'Added the new phone number to step 3'."
        ),
        required=False,
        max_length=250,
    )

    def clean_change_summary(self):
        return without_direction_controls(self.cleaned_data["change_summary"])

    def save(self, commit=True):
        page = super().save(commit=commit)
        # Read by the review request (hub/review/signals.py) when this draft is submitted.
        page._hub_change_summary = self.cleaned_data.get("change_summary", "").strip()
        return page


class ParentAccountForm(forms.Form):
    """A parent reviewer's short account page: name, email, language, review emails."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    email = forms.EmailField(label=_("Email address"))
    language = forms.ChoiceField(label=_("Language for these pages and your emails"))
    review_emails = forms.BooleanField(
        label=_("Email me when something waits for my review"), required=False
    )

    def __init__(self, *args, languages, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = languages
