"""The interface's translations (locale/<code>/LC_MESSAGES/django.po), compiled to the .mo
files Django reads. Django's own compilemessages needs GNU gettext's msgfmt, which a fresh
machine may not have; polib (installed with wagtail-localize) writes the same files in pure
Python. `manage.py compilepo` runs this."""

from pathlib import Path

import polib
from django.conf import settings


class CatalogueError(Exception):
    """A .po file could not be read."""


def catalogues():
    """Every interface .po file under LOCALE_PATHS."""
    for locale_path in settings.LOCALE_PATHS:
        yield from sorted(Path(locale_path).glob("*/LC_MESSAGES/*.po"))


def stale_catalogues():
    """The .po files with no .mo beside them, or an older one."""
    stale = []
    for po_path in catalogues():
        mo_path = po_path.with_suffix(".mo")
        if not mo_path.exists() or mo_path.stat().st_mtime < po_path.stat().st_mtime:
            stale.append(po_path)
    return stale


def compile_catalogues():
    """Compiles each .po that is newer than its .mo; returns the paths compiled."""
    compiled = []
    for po_path in stale_catalogues():
        try:
            po = polib.pofile(str(po_path))
        except (OSError, ValueError) as error:
            raise CatalogueError(f"{po_path} could not be read: {error}") from error
        po.save_as_mofile(str(po_path.with_suffix(".mo")))
        compiled.append(po_path)
    return compiled
