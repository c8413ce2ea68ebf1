"""Moves the searches counted in Redis into the search terms report (run every few minutes)."""

from django.core.management.base import BaseCommand, CommandError
from redis.exceptions import RedisError

from search import counting


class Command(BaseCommand):
    help = (
        "Moves the searches counted in Redis into the admin's search terms report. "
        "Run it every few minutes (deploy/cron); without Redis it has nothing to do."
    )

    def handle(self, *args, **options):
        try:
            moved = counting.flush()
        except RedisError as error:
            raise CommandError(f"The cache (Redis) cannot be reached: {error}") from error
        if options["verbosity"]:
            self.stdout.write(f"{moved} searches moved into the search terms report.")
