"""`manage.py clear_page_cache`: every process forgets every cached page, menu and setting."""

from django.core.management.base import BaseCommand, CommandError

from hub.caching.generation import advance


class Command(BaseCommand):
    help = (
        "Forgets every cached page, menu and setting, in every worker at once (a new cache "
        "generation). For after a change a command made while the cache could not be reached."
    )

    def handle(self, *args, **options):
        if not advance():
            raise CommandError(
                "The cache cannot be reached: nothing was forgotten. Run this again once it is "
                "back (/healthz says whether it is)."
            )
        self.stdout.write(
            "Every cached page is forgotten: each is built afresh when next asked for."
        )
