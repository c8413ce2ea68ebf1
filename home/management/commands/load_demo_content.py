"""`manage.py load_demo_content`: builds the demo hub (home/demo/), safe to run again."""

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from home.demo.loader import DemoLoader
from home.models import HomePage

# A site at one of these is a development copy, whose address follows where it is served.
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}


def address(value):
    """HOST:PORT, as `make run` gives it: 127.0.0.1:8000."""
    host, _, port = value.rpartition(":")
    if not host or "/" in host or not port.isdigit() or not 0 < int(port) < 65536:
        raise CommandError(
            f"--address wants a host and a port, such as 127.0.0.1:8000 (got {value!r})."
        )
    return host, int(port)


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
        parser.add_argument(
            "--address",
            type=address,
            help=(
                "HOST:PORT the hub is served on, such as 127.0.0.1:8000 (used by 'make run'). "
                "The default site takes it, even when the demo was loaded before, so links in "
                "emails, canonical links and the sitemap point where the hub answers (only a "
                "site at localhost or 127.0.0.1: never a real site's address)."
            ),
        )

    def handle(self, *args, if_empty=False, address=None, **options):
        if not (if_empty and HomePage.objects.exists()):
            self.stdout.write("Loading the demo content…")
            created = DemoLoader(log=self.stdout.write).load()
            if created:
                self.stdout.write(
                    self.style.SUCCESS(f"Demo content ready: {created} pages created.")
                )
            else:
                self.stdout.write("Demo content was already loaded; nothing to do.")
        if address:
            site = Site.objects.filter(is_default_site=True).first()
            if site and site.hostname not in LOCAL_HOSTS:
                self.stdout.write(
                    f"The site's address ({site.root_url}) is not this computer's: left as it is."
                )
            elif site and (site.hostname, site.port) != address:
                site.hostname, site.port = address
                site.save()  # through Wagtail's signals, which forget the old address
