"""The first run of a new hub: its home page and sections, its address, its first administrator.

Safe to run again (after a change of host name, say): what exists is kept, only the site's
address and name follow the options. Demo content only with ``--demo-content``.
"""

import getpass
import os
import sys

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction
from wagtail.models import Locale, Page, Site, WorkflowPage

from events.models import EventIndexPage
from guides.models import GuideIndexPage
from home import cover_your_tracks
from home.demo.loader import stream
from home.demo.translations import MissingTranslations
from home.models import HomePage, StandardPage
from hub.models import HubSettings
from hub.review.roles import HUB_ADMINISTRATORS, PARENT_REVIEW_WORKFLOW
from stories.models import StoryIndexPage

PASSWORD_VARIABLE = "HUB_ADMIN_PASSWORD"
HOME_TITLE = "Help and information for parents"
HOME_INTRO = (
    "Help and information for parents and carers whose families work with children's "
    "services, written with parents."
)
# The sections every hub has; they list what comms staff add under them. The charters, and
# the about, contact, privacy and accessibility pages, need the partnership's own words, so
# they are written in the admin (and go through parent review) rather than made here.
SECTIONS = [
    (GuideIndexPage, "Guides", "guides", "Step-by-step guides, written with parents."),
    (EventIndexPage, "Events", "events", "Forums, groups and sessions for parents and carers."),
    (
        StoryIndexPage,
        "You said, we did",
        "you-said-we-did",
        "What parents told us, what we changed, and what we could not change and why.",
    ),
]


class Command(BaseCommand):
    help = (
        "First run: creates the home page and the guides, events and 'you said, we did' "
        "sections, points the site at its host name, and makes the first hub administrator. "
        "Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--hostname", required=True, help="The public host, e.g. hub.example.org"
        )
        parser.add_argument(
            "--port", type=int, default=443, help="The public port (default 443: https links)"
        )
        parser.add_argument(
            "--site-name",
            default="",
            help="The partnership's name, shown on every page (default: kept as it is)",
        )
        parser.add_argument("--admin-email", default="", help="The first hub administrator's email")
        parser.add_argument(
            "--admin-username", default="", help="Their user name (default: the email address)"
        )
        parser.add_argument(
            "--demo-content",
            action="store_true",
            help="Also load the fictional demo partnership (for a trial site only)",
        )
        parser.add_argument(
            "--no-input",
            "--noinput",
            action="store_false",
            dest="interactive",
            help=f"Never prompt: the password comes from ${PASSWORD_VARIABLE}",
        )

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        self.check_migrated()
        if options["interactive"] and not sys.stdin.isatty() and self.would_ask(options):
            # Before any change: asking without a terminal fails halfway, with a traceback.
            raise CommandError(
                "There is no terminal to ask questions at. Give --admin-email, the password in "
                f"{PASSWORD_VARIABLE} and --no-input (docs/deploy.md). Nothing was changed."
            )
        if options["demo_content"]:
            # First, so that the demo makes its own home page, which its translations expect.
            self.load_demo_content()
        with transaction.atomic():
            home, new_hub = self.ensure_home()
            self.ensure_sections(home)
            site = self.ensure_site(home, options)
            self.ensure_settings(site, options["site_name"])
            tracks = self.ensure_cover_your_tracks(home, site, new_hub)
        self.ensure_administrator(options)
        self.stdout.write(self.style.SUCCESS(f"The hub is set up at {site.root_url}/"))
        self.stdout.write(
            "Next, in the admin: write the charters and the about, contact, privacy and "
            "accessibility pages, fill in Settings → Hub settings, and add comms staff and "
            "parent reviewers to their groups."
        )
        if tracks:
            self.stdout.write(
                f"A draft '{tracks.title}' page is ready (how to leave fast and browse "
                "privately). Read it, then send it to parent review: once parents approve it, "
                "every page links to it beside 'Exit this page'."
            )

    def check_migrated(self):
        if not Group.objects.filter(name=HUB_ADMINISTRATORS).exists():
            raise CommandError("The hub's roles are missing: run 'python manage.py migrate' first.")
        workflow = WorkflowPage.objects.filter(page__depth=1).select_related("workflow").first()
        if workflow is None or workflow.workflow.name != PARENT_REVIEW_WORKFLOW:
            raise CommandError(
                f"The '{PARENT_REVIEW_WORKFLOW}' workflow is not on the root of the page tree: "
                "run 'python manage.py migrate', which puts it there."
            )

    def load_demo_content(self):
        try:
            call_command("load_demo_content", verbosity=self.verbosity)
        except MissingTranslations:
            raise CommandError(
                "The demo content goes on a new, empty hub only: this hub already has its own "
                "home page. Nothing was loaded."
            ) from None

    def say(self, text):
        if self.verbosity:
            self.stdout.write(text)

    def ensure_home(self):
        locale = Locale.get_default()
        home = HomePage.objects.filter(depth=2, locale=locale).first()
        if home:
            self.say(f"Home page: kept (“{home.title}”)")
            return home, False
        root = Page.get_first_root_node()
        # Wagtail's install leaves a "Welcome to your new Wagtail site!" page; ours replaces it.
        for page in root.get_children().filter(slug="home"):
            if page.specific_class is Page and not page.get_children().exists():
                page.delete()
        home = HomePage(title=HOME_TITLE, slug="home", intro=HOME_INTRO, locale=locale)
        root.add_child(instance=home)
        home.save_revision().publish()
        self.say("Home page: created")
        return home, True

    def ensure_sections(self, home):
        for model, title, slug, intro in SECTIONS:
            if model.objects.child_of(home).exists():
                continue
            page = model(title=title, slug=slug, intro=intro, show_in_menus=True)
            home.add_child(instance=page)
            page.save_revision().publish()
            self.say(f"{title}: created")

    def ensure_site(self, home, options):
        hostname, port = options["hostname"].strip().lower(), options["port"]
        if not hostname or "/" in hostname or ":" in hostname:
            raise CommandError(
                f"--hostname takes a host name alone, like hub.example.org (got '{hostname}')."
            )
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        site.hostname, site.port, site.root_page = hostname, port, home
        if options["site_name"]:
            site.site_name = options["site_name"]
        site.site_name = site.site_name or "Partnership Hub"
        site.save()
        self.say(f"Site: {site.root_url}/")
        return site

    def ensure_settings(self, site, site_name):
        settings = HubSettings.for_site(site)
        if site_name and settings.organisation_name != site_name:
            settings.organisation_name = site_name
            settings.save()

    def ensure_cover_your_tracks(self, home, site, new_hub):
        """A new hub's "Cover your tracks" page, linked beside "Exit this page" on every page
        once it is live, made as a draft: its advice suits any hub (home/cover_your_tracks.py),
        but like every page it goes on the website only when parents approve it. On a hub that
        was set up before, the setting is the administrators' to choose: left as it is."""
        settings = HubSettings.for_site(site)
        if not new_hub or settings.cover_your_tracks_id:
            return None
        words = cover_your_tracks.PAGE
        page = StandardPage(
            title=words["title"],
            slug=words["slug"],
            intro=words["intro"],
            body=stream(words["body"]),
            live=False,
        )
        home.add_child(instance=page)
        page.save_revision()
        settings.cover_your_tracks = page
        settings.save()
        self.say("Cover your tracks: a draft, for parent review")
        return page

    def would_ask(self, options):
        """Would ensure_administrator ask for an email address or a password?"""
        email = options["admin_email"].strip()
        if not email:
            group = Group.objects.get(name=HUB_ADMINISTRATORS)
            return not group.user_set.filter(is_active=True).exists()
        username = options["admin_username"].strip() or email
        exists = get_user_model().objects.filter(username=username).exists()
        return not exists and not os.environ.get(PASSWORD_VARIABLE, "")

    def ensure_administrator(self, options):
        email = options["admin_email"].strip()
        group = Group.objects.get(name=HUB_ADMINISTRATORS)
        if not email:
            if group.user_set.filter(is_active=True).exists():
                self.say("Hub administrators: already there")
                return
            if not options["interactive"]:
                raise CommandError("The hub has no administrator yet: give --admin-email.")
            email = input("The first hub administrator's email: ").strip()
        try:
            validate_email(email)
        except ValidationError:
            raise CommandError(f"'{email}' is not an email address.") from None
        User = get_user_model()
        username = options["admin_username"].strip() or email
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username, email=email)
            self.set_password(user, options["interactive"])
            user.save()
            self.say(f"Administrator {username}: created")
        else:
            self.say(f"Administrator {username}: kept")
        # A hub administrator, not a superuser: the group can do everything running the hub
        # needs, and a superuser would skip the permission rules parent review relies on.
        user.groups.add(group)

    def set_password(self, user, interactive):
        password = os.environ.get(PASSWORD_VARIABLE, "")
        if not password and interactive:
            password = getpass.getpass(f"Password for {user.username}: ")
            if password != getpass.getpass("The same password again: "):
                raise CommandError("The two passwords differ; nothing was changed for this user.")
        if not password:
            user.set_unusable_password()
            self.say(
                "No password given: set one with "
                f"'python manage.py changepassword {user.username}'."
            )
            return
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError("The password is too weak: " + " ".join(error.messages)) from None
        user.set_password(password)
