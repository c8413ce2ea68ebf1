"""Where the hub works around wagtail-localize 1.14, in one place, to delete when upstream
changes. Each part says which upstream behaviour it replaces:

1. The translation editor's main button is "Publish in <language>", shown only to people who
   may publish, and it publishes at once. Here it reads "Send to parent review: <language>"
   for whoever may edit, and starts (or resumes, or renews) the review: the button posts
   `EDITOR_MAIN_ACTION`, which `hub.translation.review.handle_editor_action` takes first
   (hooks `before_edit_page`/`before_edit_snippet`); its label and visibility come from
   `templates/wagtail_localize/admin/edit_translation.html` and
   `hub/templatetags/translation_editor.py`.
2. Saving a translation as a draft writes the words onto the page's database row, which the
   public sees. Here a live translation's row is put back as it was; the draft waits in its
   revision (`save_translation_draft`).
3. "Sync translated pages" offers "Publish immediately". Here it never publishes
   (`UpdateTranslationsWithoutPublishing`, registered ahead of the upstream URL in
   `hub/translation/wagtail_hooks.py`, like part 4).
4. "Convert to alias" makes a translation mirror the English page and take its live status,
   without review, for anyone who may edit. Here only people who may publish may do it.
Also `WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False` (settings): a new translation
starts as a draft.
"""

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404
from wagtail.models import DraftStateMixin, Page
from wagtail_localize.views import convert
from wagtail_localize.views.update_translations import UpdateTranslationsView

# The editor form's value for its main button (wagtail-localize's "Publish in ...").
EDITOR_MAIN_ACTION = "publish"


@transaction.atomic
def save_translation_draft(translation, user):
    """Saves the translated words as a new draft revision of the target.

    wagtail-localize saves the words onto the object itself (and, for snippets, makes it not
    live). When the target is live, the row is put back as it was, so the public keeps
    seeing the approved translation; the draft waits in its revision.
    """
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist:
        target = None
    live_before = target is not None and isinstance(target, DraftStateMixin) and target.live
    snapshot = target.serializable_data() if live_before else None

    translation.save_target(user=user, publish=False)

    target = translation.get_target_instance()
    if live_before:
        restored = target.with_content_json(snapshot)
        restored.live = True
        if isinstance(restored, Page):
            restored.save(clean=False)
        else:
            restored.save()
        target = restored
    return target


def convert_to_alias_for_publishers_only(request, page_id):
    """wagtail-localize's "Convert to alias" makes a translation mirror the English page and
    take its live status: a page goes live in another language with no parent review. Only
    people who may publish (hub administrators) may do it."""
    page = get_object_or_404(Page, id=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id)


class UpdateTranslationsWithoutPublishing(UpdateTranslationsView):
    """ "Sync translated pages" without its "Publish immediately" option: updated translations
    are drafts, sent to parent review from the translation editor."""

    def get_form(self):
        form = super().get_form()
        form.fields.pop("publish_translations", None)
        return form

    def form_valid(self, form):
        form.cleaned_data["publish_translations"] = False
        return super().form_valid(form)
