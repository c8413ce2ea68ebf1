"""Is each page's translation up to date, out of date or missing, and what can be done?

A translation is out of date when the English page was published after wagtail-localize last
took a copy of it ("Sync translated pages"), or when that copy is newer than the translation
the public sees (the new words are not translated, or are waiting for parent review).
Pages translated by hand, outside wagtail-localize, are compared by publishing dates.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import TranslationSource

UP_TO_DATE = "up_to_date"
OUT_OF_DATE = "out_of_date"
MISSING = "missing"

LABELS = {UP_TO_DATE: _("Up to date"), OUT_OF_DATE: _("Out of date"), MISSING: _("Missing")}
# The Wagtail admin's status tag colour for each.
COLOURS = {UP_TO_DATE: "w-status--primary", OUT_OF_DATE: "w-status--label", MISSING: ""}


@dataclass
class TranslationStatus:
    status: str
    locale: Locale
    translation: Page | None = None
    in_review: bool = False
    reason: str = ""
    actions: list = field(default_factory=list)

    @property
    def label(self):
        return LABELS[self.status]

    @property
    def colour(self):
        return COLOURS[self.status]


def target_locales():
    return Locale.objects.exclude(language_code=settings.LANGUAGE_CODE).order_by("language_code")


def statuses_for(pages, locales, user):
    """{page.pk: {language code: TranslationStatus}} for source-language pages, in a handful of
    queries however many pages."""
    pages = list(pages)
    keys = [page.translation_key for page in pages]
    translations = {
        (page.translation_key, page.locale_id): page
        for page in Page.objects.filter(translation_key__in=keys, locale__in=locales)
    }
    sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(
            object_id__in=keys, locale__language_code=settings.LANGUAGE_CODE
        )
    }
    in_review = set(
        WorkflowState.objects.active()
        .filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(page.pk) for page in translations.values()],
        )
        .values_list("object_id", flat=True)
    )
    can_translate = user.has_perm("wagtail_localize.submit_translation")
    result = {}
    for page in pages:
        source = sources.get(page.translation_key)
        result[page.pk] = {}
        for locale in locales:
            translation = translations.get((page.translation_key, locale.pk))
            status = _status(page, translation, source)
            status.locale = locale
            status.in_review = translation is not None and str(translation.pk) in in_review
            status.actions = _actions(page, translation, source, status, can_translate)
            result[page.pk][locale.language_code] = status
    return result


def _status(page, translation, source):
    if translation is None or not translation.live:
        reason = _("No translation yet.") if translation is None else _("Not live yet.")
        return TranslationStatus(MISSING, None, translation, reason=reason)
    english_published = page.last_published_at
    translated = translation.last_published_at
    if source is None:
        if english_published and translated and english_published > translated:
            return TranslationStatus(
                OUT_OF_DATE, None, translation, reason=_("The English page changed since.")
            )
    elif english_published and english_published > source.last_updated_at:
        return TranslationStatus(
            OUT_OF_DATE, None, translation, reason=_("The English page changed since.")
        )
    elif translated and translated < source.last_updated_at:
        return TranslationStatus(
            OUT_OF_DATE, None, translation, reason=_("New words are not translated and live yet.")
        )
    return TranslationStatus(UP_TO_DATE, None, translation)


def _actions(page, translation, source, status, can_translate):
    actions = []
    if translation is None and can_translate:
        url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
        actions.append((_("Translate"), url))
    if status.status == OUT_OF_DATE and source is not None and can_translate:
        if page.last_published_at and page.last_published_at > source.last_updated_at:
            url = reverse("wagtail_localize:update_translations", args=[source.pk])
            actions.append((_("Sync with the English"), url))
    if translation is not None:
        actions.append(
            (_("Edit translation"), reverse("wagtailadmin_pages:edit", args=[translation.pk]))
        )
    return actions
