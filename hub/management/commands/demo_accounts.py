"""`manage.py demo_accounts`: development only, one account per role with a well-known password."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

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


class Command(BaseCommand):
    help = "Development only: makes the demo accounts (one per role) and says how to log in."

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
            self.stdout.write(f"  {username:<9} {group or 'superuser'}")
