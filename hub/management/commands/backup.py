import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from hub.backups import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Writes one archive of the whole hub (the database and every uploaded file), with a "
        "SHA-256 checksum inside for each file and beside it for the archive (hub/backups.py)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir",
            default=os.environ.get("HUB_BACKUP_DIR", str(settings.BASE_DIR / "backups")),
            help="Where the archive goes (default: $HUB_BACKUP_DIR, or backups/ in the project).",
        )
        parser.add_argument(
            "--keep",
            type=int,
            default=None,
            help="Then delete all but the newest KEEP archives in that folder.",
        )

    def handle(self, *args, output_dir, keep, **options):
        if keep is not None and keep < 1:
            raise CommandError("--keep must be 1 or more: the newest backup is always kept.")
        try:
            archive, checksum = create_backup(output_dir, keep=keep)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Backup written: {archive}")
        self.stdout.write(f"SHA-256: {checksum} (also in {archive.name}.sha256)")
