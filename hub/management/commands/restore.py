from django.core.management.base import BaseCommand, CommandError

from hub.backups import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restores the hub from an archive that `manage.py backup` wrote: checks it, loads the "
        "database and the uploaded files, and rebuilds the search index (hub/backups.py)."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The .tar.gz file that `manage.py backup` wrote.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace a database and media folder that already hold something.",
        )
        parser.add_argument(
            "--send-queued-emails",
            action="store_true",
            help=(
                "Send the emails that were waiting in the queue when the backup was made "
                "(only when the hub the backup came from was lost before it sent them)."
            ),
        )

    def handle(self, *args, archive, force, send_queued_emails, **options):
        try:
            manifest = restore_backup(
                archive,
                force=force,
                send_queued_emails=send_queued_emails,
                log=self.stdout.write,
            )
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"Restored the backup made at {manifest['created']}."))
        self.stdout.write(
            "If this version of the hub is newer than the backup, run `manage.py migrate` now."
        )
