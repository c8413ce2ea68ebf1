from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

DEMO_ADMIN = ("admin", "partnership-hub-demo")


class Command(BaseCommand):
    help = "Development only: makes sure the demo admin account exists and says how to log in."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "Demo accounts have well-known passwords, so they are only made in development "
                "(DEBUG on). In production, use 'manage.py createsuperuser'."
            )
        User = get_user_model()
        username, password = DEMO_ADMIN
        user = User.objects.filter(username=username).first()
        if user is None:
            User.objects.create_superuser(username, "admin@example.org", password)
            note = ""
        else:
            note = " (unless you have changed it)"
        self.stdout.write(
            f"Log in to the admin as '{username}' with the password '{password}'{note}."
        )
