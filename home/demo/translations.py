"""The demo's Welsh, Polish and Urdu.

Each language is a PO file in ``translations/`` (English source text → translation), as an
outside translator would send it back. The loader translates each page with wagtail-localize
and imports the PO file, the same path comms staff use for a translator's file, then
publishes: demo content is set up by the system, like the English pages.
"""

from pathlib import Path

import polib
from django.conf import settings
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

CATALOGUES = Path(__file__).parent / "translations"

# Translated in full, in this order (a translation's parent must exist first), by URL path
# under the home page. Everything else falls back to English, marked as such.
TRANSLATED_PAGES = [
    "",
    "about/",
    "guides/",
    "guides/child-protection-and-care-proceedings/",
    "guides/child-protection-easy-read/",
    "co-production-charter/",
    "parent-rights-charter/",
    "events/",
    "events/parents-forum-next/",
    "events/have-your-say-conference-leaflet/",
    "events/reviewing-care-proceedings-guide/",
    "you-said-we-did/",
    "you-said-we-did/reports-before-conferences/",
    "you-said-we-did/letters-to-dads/",
    "you-said-we-did/evening-conferences/",
    "cover-your-tracks/",
    # The footer's pages, so that the footer reads in every language (HubSettings).
    "contact/",
    "forums-and-groups/",
    "what-is-co-production/",
    "privacy/",
]


class MissingTranslations(Exception):
    def __init__(self, language, missing):
        self.language, self.missing = language, missing
        lines = "\n".join(f"  {text[:90]}" for text in missing[:20])
        super().__init__(
            f"{CATALOGUES / (language + '.po')} has no translation for {len(missing)} "
            f"text(s):\n{lines}"
        )


def languages():
    """The demo languages: those configured that have a catalogue."""
    return [
        code
        for code, _name in settings.LANGUAGES
        if code != settings.LANGUAGE_CODE and (CATALOGUES / f"{code}.po").exists()
    ]


def catalogue(language):
    return {
        entry.msgid: entry.msgstr
        for entry in polib.pofile(str(CATALOGUES / f"{language}.po"))
        if entry.msgstr and not entry.obsolete and "fuzzy" not in entry.flags
    }


def pages_to_translate(home):
    by_path = {page.url_path: page for page in home.get_descendants(inclusive=True).specific()}
    return [
        by_path[home.url_path + path]
        for path in TRANSLATED_PAGES
        if home.url_path + path in by_path
    ]


def related_snippets(instance):
    """The translatable snippets (such as an event's venue) that ``instance`` uses: they are
    translated, and approved, before it, so its translation uses theirs."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    related = (
        segment.object.get_instance(instance.locale)
        for segment in source.relatedobjectsegment_set.all()
    )
    return [obj for obj in related if not isinstance(obj, Page)]


def translate_page(page, locale, words):
    """Translates one page into one language from a catalogue, with the snippets it uses (such
    as an event's venue) first, so that its translation uses theirs; returns the live
    translation."""
    if not _translation_of(page, locale).exists():
        # wagtail-localize sets up the snippets' translations along with the page's.
        TranslationCreator(user=None, target_locales=[locale]).create_translations(page)
    for snippet in related_snippets(page):
        existing = snippet.get_translation_or_none(locale)
        if existing is None or not getattr(existing, "live", True):
            _import_and_publish(snippet, locale, words)
    return _import_and_publish(page, locale, words)


def _translation_of(instance, locale):
    return Translation.objects.filter(
        source__object_id=instance.translation_key,
        source__locale=instance.locale,
        target_locale=locale,
    )


def _import_and_publish(instance, locale, words):
    """Imports the catalogue's words into ``instance``'s translation, as a translator's PO
    file would be, and publishes it."""
    if not _translation_of(instance, locale).exists():
        TranslationCreator(user=None, target_locales=[locale]).create_translations(
            instance, include_related_objects=False
        )
    translation = _translation_of(instance, locale).get()
    po = translation.export_po()
    missing = [entry.msgid for entry in po if entry.msgid not in words]
    if missing:
        raise MissingTranslations(locale.language_code, missing)
    for entry in po:
        entry.msgstr = words[entry.msgid]
    translation.import_po(po)
    translation.save_target(publish=False)
    target = translation.get_target_instance()
    target.get_latest_revision().publish()
    return target


def translate_demo(home, log=print):
    """Translates the demo pages into each demo language that is not done yet."""
    created = 0
    pages = pages_to_translate(home)
    for language in languages():
        locale = Locale.objects.get(language_code=language)
        words = catalogue(language)
        for page in pages:
            existing = page.get_translation_or_none(locale)
            if existing is not None and existing.live:
                continue
            translate_page(page, locale, words)
            created += 1
            log(f"  translated into {locale.get_display_name()}: {page.title}")
    return created


def source_texts(home):
    """Every text the demo translations need, in page order (for writing a catalogue)."""
    texts = []
    pages = pages_to_translate(home)
    objects = [snippet for page in pages for snippet in related_snippets(page)] + pages
    for page in objects:
        source, _created = TranslationSource.get_or_create_from_instance(page)
        for segment in source.stringsegment_set.order_by("order").select_related("string"):
            if segment.string.data not in texts:
                texts.append(segment.string.data)
    return texts
