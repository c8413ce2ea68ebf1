"""The story editor's form: the charter promises it offers are those in the story's language."""

import copy

from charter.models import Promise
from hub.review.forms import ReviewedPageForm


class StoryPageForm(ReviewedPageForm):
    """Found in a walk: the promise picker listed every promise once per language, so comms
    staff chose among four look-alike "No conversations about you without you". A story keeps
    promises in its own language; its translations get theirs from wagtail-localize."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        formset = self.formsets.get("promises_kept")
        if formset is None or self.instance.locale_id is None:
            return
        field = copy.deepcopy(formset.form.base_fields["promise"])
        field.queryset = (
            Promise.objects.filter(locale_id=self.instance.locale_id)
            .select_related("principle")
            .order_by("principle__page_id", "principle__sort_order", "sort_order")
        )
        # This form's own copy of the inline form class (the shared one stays as it is): its
        # forms, and the blank one "Add" copies, all offer these promises alone.
        # (base_fields set after the class is made: Django's form metaclass would rebuild them.)
        narrowed = type(formset.form.__name__, (formset.form,), {})
        narrowed.base_fields = {**formset.form.base_fields, "promise": field}
        formset.form = narrowed
