"""`manage.py compilepo`: compiles the interface translations (hub/translation/catalogues.py)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from hub.translation.catalogues import CatalogueError, compile_catalogues


class Command(BaseCommand):
    help = "Compiles the .po files under LOCALE_PATHS into .mo files (`make run` and `make test`)."
    # The checks would warn (hub.W001) about the very files this command is about to write.
    requires_system_checks = []

    def handle(self, *args, **options):
        try:
            compiled = compile_catalogues()
        except CatalogueError as error:
            raise CommandError(str(error)) from error
        if options["verbosity"]:
            for path in compiled:
                self.stdout.write(f"Compiled {path.relative_to(settings.BASE_DIR)}")
            if not compiled:
                self.stdout.write("Interface translations are up to date.")
