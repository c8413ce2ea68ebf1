"""`manage.py demo_accounts`: development only, one account per role with a well-known password."""

from base64 import b32encode

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Page, WorkflowState

from hub.review.roles import COMMS_STAFF, HUB_ADMINISTRATORS, PARENT_REVIEWERS

DEMO_PASSWORD = "partnership-hub-demo"
# username, first name, group (None: a superuser)
DEMO_ACCOUNTS = [
    ("admin", "Admin", None),
    ("hubadmin", "Hub administrator", HUB_ADMINISTRATORS),
    ("comms", "Comms", COMMS_STAFF),
    ("parent1", "Parent reviewer 1", PARENT_REVIEWERS),
    ("parent2", "Parent reviewer 2", PARENT_REVIEWERS),
]


# The draft the demo's comms account sends to parent review, so that parent1 and parent2 have
# something to review on a new demo (only while nothing has ever been sent to review).
DRAFT_SLUG = "dads-group"
DRAFT_SUMMARY = (
    "A relaxed evening for fathers, stepfathers and male carers, with food. Children are "
    "welcome: there is a crèche."
)
DRAFT_NOTE = "Said who the group is for, and that there is a crèche"


class Command(BaseCommand):
    help = (
        "Development only: makes the demo accounts (one per role), says how to log in, and on a "
        "new demo sends one draft to parent review."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "Demo accounts have well-known passwords, so they are only made in development "
                "(DEBUG on). In production, use 'manage.py createsuperuser'."
            )
        User = get_user_model()
        self.stdout.write(f"Demo accounts (password '{DEMO_PASSWORD}' unless you changed it):")
        for username, first_name, group in DEMO_ACCOUNTS:
            user = User.objects.filter(username=username).first()
            if user is None:
                email = f"{username}@example.org"
                if group is None:
                    user = User.objects.create_superuser(username, email, DEMO_PASSWORD)
                else:
                    user = User.objects.create_user(username, email, DEMO_PASSWORD)
                    user.groups.add(Group.objects.get(name=group))
                user.first_name = first_name
                user.save()
            line = f"  {username:<9} {group or 'superuser'}"
            if group != PARENT_REVIEWERS:
                line += f"  (authenticator app key: {self.app_key(user)})"
            self.stdout.write(line)
        self.draft_for_parents(User.objects.get(username="comms"))
        if getattr(settings, "HUB_REQUIRE_2FA", True):
            self.stdout.write(
                "Staff accounts also need a code from an authenticator app: add the account's "
                "key to one (choose 'enter a key'), or start with HUB_REQUIRE_2FA=false to skip "
                "the second factor in development."
            )

    def draft_for_parents(self, comms):
        if WorkflowState.objects.exists():
            return  # parent review has been used here: leave it to the people using it
        page = Page.objects.filter(
            slug=DRAFT_SLUG, locale__language_code=settings.LANGUAGE_CODE
        ).first()
        if page is None:
            return  # no demo content
        page = page.specific  # the demo's "Dads' group" event
        page.summary_text = DRAFT_SUMMARY
        page._hub_change_summary = DRAFT_NOTE
        page.save_revision(user=comms)
        page.get_workflow().start(page, comms)
        self.stdout.write(
            f"A draft waits for parent review: “{page.title}”. Sign in as parent1 or parent2 "
            "to review it."
        )

    def app_key(self, user):
        """The demo account's authenticator app, made once (hub/accounts/two_factor.py)."""
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
        key = b32encode(device.bin_key).decode()
        return " ".join(key[i : i + 4] for i in range(0, len(key), 4))
