"""Compiles the interface translations (locale/*/LC_MESSAGES/django.po) into .mo files.

Django's own compilemessages needs GNU gettext's msgfmt, which a fresh machine may not have;
polib (already installed with wagtail-localize) writes the same .mo files in pure Python.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Compiles the .po files under LOCALE_PATHS into .mo files (`make run` and `make test`)."
    # The checks would warn (hub.W001) about the very files this command is about to write.
    requires_system_checks = []

    def handle(self, *args, **options):
        compiled = 0
        for locale_path in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_path).glob("*/LC_MESSAGES/*.po")):
                try:
                    po = polib.pofile(str(po_path))
                except (OSError, ValueError) as error:
                    raise CommandError(f"{po_path} could not be read: {error}") from error
                mo_path = po_path.with_suffix(".mo")
                if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                    continue
                po.save_as_mofile(str(mo_path))
                compiled += 1
                if options["verbosity"]:
                    self.stdout.write(f"Compiled {po_path.relative_to(settings.BASE_DIR)}")
        if not compiled and options["verbosity"]:
            self.stdout.write("Interface translations are up to date.")
