"""Backups that restore: the whole hub (database and uploaded files) in one archive.

``manage.py backup`` writes ``hub-backup-<UTC time>.tar.gz`` and, beside it, the archive's
SHA-256 in ``<archive>.sha256`` (the format ``sha256sum -c`` reads). Inside the archive:

- ``manifest.json``, first: when and from which kind of database it was made, and the size
  and SHA-256 of every other member;
- ``database.pgdump`` (``pg_dump`` custom format) or ``database.sqlite3`` (SQLite's own
  backup API, a consistent copy even while the site is in use);
- ``media/...``: every uploaded document and image.

``manage.py restore ARCHIVE`` checks the archive's checksum and every member's before it
touches anything, refuses a database of the other kind, and refuses to overwrite a database
or media folder that already holds something unless told to (``--force``). It then loads
the database and the files, empties the cache and rebuilds the search index.
"""

import datetime
import hashlib
import io
import json
import os
import posixpath
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import zlib
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA = "media/"
DATABASE_FILES = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}
VENDOR_NAMES = {"postgresql": "PostgreSQL", "sqlite": "SQLite"}
ARCHIVE_PREFIX = "hub-backup-"
ARCHIVE_SUFFIX = ".tar.gz"
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for chunk in iter(lambda: file.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


# -- Backing up ---------------------------------------------------------------------------


def create_backup(output_dir, keep=None):
    """Writes one archive of the database and the media folder into ``output_dir``.

    Returns the archive's path and SHA-256. With ``keep``, only the newest ``keep`` archives
    in the folder are kept.
    """
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    archive = output_dir / f"{ARCHIVE_PREFIX}{stamp}{ARCHIVE_SUFFIX}"
    if archive.exists():
        raise BackupError(f"{archive} already exists: wait a second and run the backup again.")
    vendor = database_vendor()
    with tempfile.TemporaryDirectory(prefix="hub-backup-") as scratch:
        database_file = Path(scratch) / DATABASE_FILES[vendor]
        dump_database(database_file)
        write_archive(archive, database_file, vendor, Path(settings.MEDIA_ROOT))
    checksum = sha256_of(archive)
    checksum_file(archive).write_text(f"{checksum}  {archive.name}\n")
    if keep:
        remove_old_backups(output_dir, keep)
    return archive, checksum


def checksum_file(archive):
    return Path(f"{archive}.sha256")


def database_vendor():
    if connection.vendor not in DATABASE_FILES:
        raise BackupError(
            f"The hub backs up PostgreSQL and SQLite databases, not {connection.vendor}."
        )
    return connection.vendor


def dump_database(target):
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        if connection.in_atomic_block:
            # SQLite's backup waits for open transactions to end, which this one never would.
            raise BackupError("A backup cannot be made inside a database transaction.")
        copy = sqlite3.connect(target)
        try:
            connection.connection.backup(copy)
        finally:
            copy.close()
    else:
        run_postgres_tool(
            ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", target]
        )


def write_archive(archive, database_file, vendor, media_root):
    """The archive itself: the manifest first, then the database, then the media files."""
    members = {DATABASE_FILES[vendor]: Path(database_file)}
    if media_root.is_dir():
        for path in sorted(media_root.rglob("*")):
            if path.is_file() and not path.is_symlink():
                members[MEDIA + path.relative_to(media_root).as_posix()] = path
    manifest = {
        "format": FORMAT,
        "created": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "database": vendor,
        "members": {
            name: {"size": path.stat().st_size, "sha256": sha256_of(path)}
            for name, path in members.items()
        },
    }
    partial = archive.with_name(archive.name + ".partial")
    try:
        with tarfile.open(partial, "w:gz") as tar:
            data = json.dumps(manifest, indent=1).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            info.mtime = int(datetime.datetime.now().timestamp())
            tar.addfile(info, io.BytesIO(data))
            for name, path in members.items():
                tar.add(path, arcname=name, recursive=False)
        # Personal data: readable by the hub's user alone, wherever the file is copied with
        # its mode (rsync -a, cp -p).
        partial.chmod(0o600)
        partial.replace(archive)
    finally:
        partial.unlink(missing_ok=True)


def remove_old_backups(output_dir, keep):
    archives = sorted(output_dir.glob(f"{ARCHIVE_PREFIX}*{ARCHIVE_SUFFIX}"))
    for old in archives[:-keep]:
        old.unlink()
        checksum_file(old).unlink(missing_ok=True)


# -- Checking an archive ------------------------------------------------------------------


def verify_archive(archive):
    """Checks the archive against its checksum file and every member against the manifest;
    returns the manifest. Raises BackupError, saying what is wrong, before anything changes."""
    archive = Path(archive)
    if not archive.is_file():
        raise BackupError(f"There is no backup file at {archive}.")
    beside = checksum_file(archive)
    if beside.is_file():
        expected = beside.read_text().split()[:1]
        if expected != [sha256_of(archive)]:
            raise BackupError(
                f"{archive.name} does not match its checksum in {beside.name}: it was changed or "
                "damaged after the backup was made. Restore another copy."
            )
    try:
        with tarfile.open(archive, "r:gz") as tar:
            return _verify_members(tar)
    except (tarfile.TarError, EOFError, OSError, zlib.error) as error:
        raise BackupError(
            f"{archive.name} is not a readable hub backup ({error}). Restore another copy."
        ) from None


def _verify_members(tar):
    first = tar.next()
    if first is None or first.name != MANIFEST or not first.isfile():
        raise BackupError("This is not a hub backup: it has no manifest.")
    try:
        manifest = json.load(tar.extractfile(first))
        members = manifest["members"]
        vendor = manifest["database"]
        if not all(isinstance(member["sha256"], str) for member in members.values()):
            raise TypeError
    except (ValueError, KeyError, TypeError, AttributeError):
        raise BackupError("This backup's manifest is damaged. Restore another copy.") from None
    if manifest.get("format") != FORMAT or vendor not in DATABASE_FILES:
        raise BackupError("This backup was made by another version of the hub's backup.")
    if DATABASE_FILES[vendor] not in members:
        raise BackupError("This backup has no database in it.")
    seen = set()
    for member in tar:
        if member is first:
            continue
        name = member.name
        if name not in members or name in seen or not member.isfile() or not safe_name(name):
            raise BackupError(f"This backup holds a file its manifest does not list: {name!r}.")
        digest = hashlib.sha256()
        source = tar.extractfile(member)
        for chunk in iter(lambda source=source: source.read(CHUNK), b""):
            digest.update(chunk)
        if digest.hexdigest() != members[name]["sha256"]:
            raise BackupError(f"{name} in this backup is damaged or was changed.")
        seen.add(name)
    missing = set(members) - seen
    if missing:
        raise BackupError(f"This backup is incomplete: {sorted(missing)[0]} is missing.")
    return manifest


def safe_name(name):
    """A member name that stays inside the folder it is restored into."""
    if name in DATABASE_FILES.values():
        return True
    relative = name[len(MEDIA) :]
    return (
        name.startswith(MEDIA)
        and relative
        and not relative.startswith("/")
        and posixpath.normpath(relative) == relative
        and not relative.startswith("..")
    )


# -- Restoring ----------------------------------------------------------------------------


def restore_backup(archive, force=False, send_queued_emails=False, log=print):
    """Restores the database and media files from a verified archive into this site."""
    manifest = verify_archive(archive)
    vendor = manifest["database"]
    if vendor != connection.vendor:
        raise BackupError(
            f"This is a backup of a {VENDOR_NAMES[vendor]} database, and this site uses "
            f"{VENDOR_NAMES.get(connection.vendor, connection.vendor)}. Set DATABASE_URL to a "
            f"new, empty {VENDOR_NAMES[vendor]} database and restore into that."
        )
    media_root = Path(settings.MEDIA_ROOT)
    tables = connection.introspection.table_names()
    media_files = [p for p in media_root.rglob("*") if p.is_file()] if media_root.is_dir() else []
    if (tables or media_files) and not force:
        held = []
        if tables:
            held.append(f"the database already holds {len(tables)} table(s)")
        if media_files:
            held.append(f"the media folder {media_root} already holds {len(media_files)} file(s)")
        raise BackupError(
            f"Nothing was restored: {' and '.join(held)}. Restoring replaces all of it. "
            "Restore into a new, empty database and media folder, or run again with --force "
            "to replace what is there."
        )
    check_writable(media_root)
    # The database comes first in the archive: if it cannot be loaded, no file has changed.
    with tempfile.TemporaryDirectory(prefix="hub-restore-") as scratch:
        with tarfile.open(archive, "r:gz") as tar:
            for member in tar:
                if member.name == MANIFEST:
                    continue  # read already
                source = tar.extractfile(member)
                if member.name.startswith(MEDIA):
                    restore_file(source, media_root / member.name[len(MEDIA) :])
                    continue
                target = Path(scratch) / member.name
                with open(target, "wb") as out:
                    shutil.copyfileobj(source, out, CHUNK)
                log(f"Restoring the {VENDOR_NAMES[vendor]} database…")
                load_database(target, replace=bool(tables))
                # At once, before the files: an email worker still running would otherwise
                # send the restored queue's emails while they are copied.
                hold_queued_emails(send=send_queued_emails, log=log)
    log(f"Restored {len(manifest['members']) - 1} media files into {media_root}.")
    # Cached answers (which files are public, for one) describe the database before.
    cache.clear()
    log("Rebuilding the search index…")
    call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
    return manifest


def hold_queued_emails(send, log):
    """Emails that were waiting in the queue when the backup was made are not sent from the
    restored hub unless asked: the hub the backup came from may have sent them since (going
    back to a backup), and a copy restored to test a backup must not write to parents. They
    are marked failed, with the reason, so nothing is lost; `--send-queued-emails` sends
    them instead (the old server was lost before it could)."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    if DBTaskResult._meta.db_table not in connection.introspection.table_names():
        return  # a backup from before the hub queued its emails
    waiting = DBTaskResult.objects.filter(
        status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING]
    )
    count = waiting.count()
    if not count:
        return
    emails = "1 email was" if count == 1 else f"{count} emails were"
    if send:
        # One the old worker had started would otherwise wait for a worker that is gone.
        waiting.update(status=TaskResultStatus.READY)
        log(f"{emails} waiting to be sent when the backup was made: the email worker sends them.")
        return
    waiting.update(
        status=TaskResultStatus.FAILED,
        finished_at=timezone.now(),
        exception_class_path="hub.backups.NotSentAfterRestore",
        traceback="Not sent: it was waiting in the queue when the backup was made, and the "
        "hub was restored from that backup without --send-queued-emails.",
    )
    log(
        f"{emails} waiting to be sent when the backup was made. They were not sent: the hub "
        "the backup came from may have sent them since. If that hub was lost before it "
        "could, run the restore again with --send-queued-emails."
    )


def check_writable(media_root):
    """Before anything changes: the media folder must take files, or the restore would stop
    half-way, with the database restored and the files not."""
    try:
        media_root.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=media_root):
            pass
    except OSError as error:
        raise BackupError(
            f"Nothing was restored: the media folder {media_root} cannot be written "
            f"({error.strerror or error}). Let the account that runs the restore write to it "
            "(or set MEDIA_ROOT to a folder it can write), then run the restore again."
        ) from None


def restore_file(source, target):
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "wb") as out:
            shutil.copyfileobj(source, out, CHUNK)
    except OSError as error:
        raise BackupError(
            f"The database was restored, but not every uploaded file: {target} could not be "
            f"written ({error.strerror or error}). Put that right (space on the disk, who owns "
            "the folder), then run the restore again with --force to restore it all."
        ) from None


def load_database(source, replace):
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        backup = sqlite3.connect(source)
        try:
            backup.backup(connection.connection)
        finally:
            backup.close()
        return
    if replace:
        drop_all_tables()
    connection.close()
    run_postgres_tool(
        [
            "pg_restore",
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            source,
        ],
        database_argument="--dbname",
    )


def drop_all_tables():
    """--force on PostgreSQL: everything in the hub's schema goes, so that tables a newer
    version of the hub added cannot clash with the restored ones."""
    with connection.cursor() as cursor:
        for table in connection.introspection.get_table_list(cursor):
            kind = "VIEW" if table.type == "v" else "TABLE"
            name = connection.ops.quote_name(table.name)
            cursor.execute(f"DROP {kind} IF EXISTS {name} CASCADE")


def run_postgres_tool(arguments, database_argument=None):
    """Runs pg_dump or pg_restore on this site's database (connection details from
    DATABASE_URL, passed in the environment so the password never shows in a process list)."""
    database = connection.settings_dict
    env = {**os.environ}
    for key, variable in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
        ("NAME", "PGDATABASE"),
    ):
        if database.get(key):
            env[variable] = str(database[key])
    if database.get("OPTIONS", {}).get("sslmode"):
        env["PGSSLMODE"] = database["OPTIONS"]["sslmode"]
    command = [str(part) for part in arguments]
    if database_argument:
        command.insert(1, f"{database_argument}={database['NAME']}")
    tool = command[0]
    if shutil.which(tool) is None:
        raise BackupError(
            f"{tool} was not found. Install the PostgreSQL client tools (the same major "
            "version as the server or newer), for example Debian's postgresql-client."
        )
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BackupError(f"{tool} failed: {result.stderr.strip() or result.returncode}")
