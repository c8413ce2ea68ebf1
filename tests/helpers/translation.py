"""Translating content in tests, the way wagtail-localize does it."""

from wagtail.models import Locale
from wagtail_localize.models import Translation
from wagtail_localize.operations import translate_object


def publish_translation(page, code, words=None):
    """Translates a page through wagtail-localize and publishes it (as if approved). Texts
    not in `words` become "[code] English text"."""
    locale = Locale.objects.get(language_code=code)
    translate_object(page, [locale])
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locale
    )
    po = translation.export_po()
    for entry in po:
        entry.msgstr = (words or {}).get(entry.msgid, f"[{code}] {entry.msgid}")
    translation.import_po(po)
    translation.save_target(publish=False)
    target = translation.get_target_instance()
    target.get_latest_revision().publish()
    return target
