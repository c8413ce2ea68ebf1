"""`manage.py load_demo_content`: builds the demo hub (home/demo/), safe to run again."""

from django.core.management.base import BaseCommand

from home.demo.loader import DemoLoader
from home.models import HomePage


class Command(BaseCommand):
    help = (
        "Builds a realistic demo hub: charters, guides (with Easy Read), events, venues and "
        "'you said, we did' stories. Safe to run again: existing content is left as it is."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing if the hub already has a home page (used by 'make run').",
        )

    def handle(self, *args, if_empty=False, **options):
        if if_empty and HomePage.objects.exists():
            return
        self.stdout.write("Loading the demo content…")
        created = DemoLoader(log=self.stdout.write).load()
        if created:
            self.stdout.write(self.style.SUCCESS(f"Demo content ready: {created} pages created."))
        else:
            self.stdout.write("Demo content was already loaded; nothing to do.")
