"""`manage.py clear_page_cache`: every process forgets every cached page, menu and setting."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from hub.caching.generation import advance


class Command(BaseCommand):
    help = (
        "Forgets every cached page, menu and setting, in every worker at once (a new cache "
        "generation). The web server does it by itself after a change made while the cache could "
        "not be reached, within HUB_CACHE_CHECK_SECONDS of it being back."
    )

    def handle(self, *args, **options):
        if not advance():
            raise CommandError(
                "The cache cannot be reached: nothing was forgotten yet. The database keeps "
                "the change, and the web server forgets every cached page at most "
                f"{settings.HUB_CACHE_CHECK_SECONDS} seconds after the cache is back "
                "(/healthz says whether it is)."
            )
        self.stdout.write(
            "Every cached page is forgotten: each is built afresh when next asked for."
        )
