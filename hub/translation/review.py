"""Translations reach the public the way English pages do: through parent review.

A translation goes to review only when every text is translated (parents approve what the
public will read), and whoever may edit it may send corrected words while it waits: a new
round, with approvals starting again. How wagtail-localize's editor is made to do this is in
`hub/translation/localize_patch.py`.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.shortcuts import redirect
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from hub.translation.localize_patch import EDITOR_MAIN_ACTION, save_translation_draft


def enabled_translation_for(instance):
    """The synced translation whose target is ``instance``, or None."""
    if not getattr(instance, "translation_key", None):
        return None
    return (
        Translation.objects.filter(
            source__object_id=instance.translation_key,
            target_locale_id=instance.locale_id,
            enabled=True,
        )
        .select_related("source", "target_locale")
        .first()
    )


@dataclass
class TranslationProgress:
    """How much of a synced translation is done: parents approve only a whole one."""

    language: str
    translated: int
    total: int

    @property
    def missing(self):
        return self.total - self.translated


def translation_progress(instance):
    """The progress of the synced translation ``instance`` is the target of, or None for
    pages in the source language and translations made by hand."""
    translation = enabled_translation_for(instance)
    if translation is None:
        return None
    total, translated = translation.get_progress()
    return TranslationProgress(translation.target_locale.get_display_name(), translated, total)


def still_to_translate(translation, missing, named=3):
    """Which texts are not translated yet, by their English words: the first few, in the order
    the editor shows them, so comms staff know what to look for."""
    untranslated = (
        StringSegment.objects.filter(source_id=translation.source_id)
        .exclude(
            Exists(
                StringTranslation.objects.filter(
                    translation_of_id=OuterRef("string_id"),
                    context_id=OuterRef("context_id"),
                    locale_id=translation.target_locale_id,
                    has_error=False,
                )
            )
        )
        .select_related("string")
        .order_by("order")[:named]
    )
    texts = [f"“{Truncator(strip_tags(s.string.data)).chars(60)}”" for s in untranslated]
    more = missing - len(texts)
    if more > 0:
        texts.append(ngettext("and %(count)s more", "and %(count)s more", more) % {"count": more})
    return _("Still to translate: %(texts)s.") % {"texts": "; ".join(texts)}


def user_can_submit(user, instance):
    """Whoever may edit a translation may send it to parent review, and send corrected words
    while it is there (a new round: approvals start again on the new words)."""
    if isinstance(instance, Page):
        perms = instance.permissions_for_user(user)
        return perms.can_edit() and not perms.page_locked() and instance.has_workflow
    from wagtail.snippets.permissions import get_permission_name

    return user.has_perm(get_permission_name("change", type(instance)))


@transaction.atomic
def submit_translation_for_review(translation, user):
    """Saves the translation as a draft and starts (or resumes) its parent review.

    Returns "submitted", "resubmitted" (a new draft replaces one already waiting, and its
    approvals start again) or "resumed" (after a request for changes).
    """
    instance = save_translation_draft(translation, user)
    workflow_state = instance.current_workflow_state
    if workflow_state is None:
        instance.get_workflow().start(instance, user)
        return "submitted"
    if workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        workflow_state.resume(user)
        return "resumed"
    return "resubmitted"


def handle_editor_action(request, instance):
    """Runs before wagtail-localize's translation editor (hooks ``before_edit_page`` and
    ``before_edit_snippet``): its main button sends the translation to parent review."""
    if request.method != "POST" or request.POST.get("action") != EDITOR_MAIN_ACTION:
        return None
    if instance.get_workflow() is None:
        return None  # no review set up for this kind of content: wagtail-localize publishes
    translation = enabled_translation_for(instance)
    if translation is None:
        return None
    if not user_can_submit(request.user, instance):
        raise PermissionDenied
    language = translation.target_locale.get_display_name()
    total, translated = translation.get_progress()
    if translated < total:
        messages.error(
            request,
            _(
                "The %(language)s translation cannot go to parent review yet: %(translated)s of "
                "%(total)s texts are translated. Parents approve what the public will read, so "
                "translate every text first."
            )
            % {"language": language, "translated": translated, "total": total}
            + " "
            + still_to_translate(translation, total - translated),
        )
        return redirect(request.path)
    try:
        outcome = submit_translation_for_review(translation, request.user)
    except ValidationError:
        messages.error(
            request,
            _(
                "The %(language)s translation could not be sent for review: some of it is not "
                "valid yet. Check the translations marked below."
            )
            % {"language": language},
        )
        return redirect(request.path)
    text = {
        "submitted": _("The %(language)s translation has been sent to parent review."),
        "resubmitted": _(
            "The new %(language)s translation replaces the one waiting for parent review. "
            "Approvals start again."
        ),
        "resumed": _("The %(language)s translation has been sent back to parent review."),
    }[outcome]
    messages.success(request, text % {"language": language})
    return redirect(request.path)
