"""Backups that restore (hub/backups.py): a backup of a hub with pages, revisions, a review in
progress, a translation, a leaflet and a picture, restored into a new, empty database and
media folder, serves the same pages and holds the same rows.

The restore runs as `manage.py restore` in another process, against a scratch database of
the same kind as the suite's (SQLite in one run, PostgreSQL when DATABASE_URL says so), and
the restored site is read by that other process too: nothing the test holds in memory helps.
"""

import ast
import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import override_settings

from hub import backups
from hub.review.emails import deliver
from tests.helpers.workflow import act, submit

# The backup reads the database from outside the test's transaction: the data is committed.
ROUND_TRIP = pytest.mark.django_db(transaction=True, serialized_rollback=True)
EMAIL_QUEUE = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "email": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["email"]},
}

KEY_TABLES = [
    "auth_user",
    "auth_group",
    "wagtailcore_locale",
    "wagtailcore_page",
    "wagtailcore_revision",
    "wagtailcore_pagelogentry",
    "wagtailcore_workflowstate",
    "wagtailcore_taskstate",
    "hub_parentreviewdecision",
    "wagtail_localize_translationsource",
    "wagtail_localize_translation",
    "wagtail_localize_stringtranslation",
    "wagtaildocs_document",
    "wagtailimages_image",
    "wagtailimages_rendition",
    "wagtailcore_referenceindex",
    "events_venue",
    "taggit_tag",
]
LEAFLET = b"%PDF-1.4\n% Your rights leaflet\n%%EOF\n"


def snapshot(urls):
    """What the site serves at each address (status and body), and the rows of key tables."""
    from django.test import Client

    client = Client()
    pages = {}
    for url in urls:
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        pages[url] = [
            response.status_code,
            hashlib.sha256(body).hexdigest(),
            body[:20000].decode("utf-8", "replace"),
        ]
    with connection.cursor() as cursor:
        counts = {}
        for table in KEY_TABLES:
            cursor.execute(f"SELECT COUNT(*) FROM {table}")  # noqa: S608 - names are constants
            counts[table] = cursor.fetchone()[0]
    return {"pages": pages, "counts": counts}


SNAPSHOT_IN_ANOTHER_PROCESS = """
import json, os
from tests.hub.test_backups import snapshot
print(json.dumps(snapshot(json.loads(os.environ["SNAPSHOT_URLS"]))))
"""


def manage(*arguments, database_url, media_root, **env):
    """Runs manage.py in another process on the given database and media folder."""
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=settings.BASE_DIR,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "hub.settings.test",
            "DATABASE_URL": database_url,
            "HUB_TEST_MEDIA_ROOT": str(media_root),
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def scratch_database(tmp_path):
    """A new, empty database of the suite's kind, for the restore; dropped afterwards."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    import psycopg

    database = connection.settings_dict
    name = f"{database['NAME']}_restored"[:63]
    server = {
        "host": database["HOST"] or "localhost",
        "port": database["PORT"] or 5432,
        "user": database["USER"],
        "password": database["PASSWORD"] or None,
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    password = f":{server['password']}" if server["password"] else ""
    yield f"postgres://{server['user']}{password}@{server['host']}:{server['port']}/{name}"
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def hub_with_content(home, people, settings, tmp_path):
    """Live pages of each kind using a leaflet and a picture, an unpublished edit, a draft
    half-way through parent review, a Welsh translation and a topic. Returns the addresses
    a reader would visit."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file
    from wagtail.models import Locale
    from wagtail_localize.models import Translation, TranslationSource

    from events.factories import EventIndexPageFactory, EventPageFactory
    from guides.factories import GuideIndexPageFactory, GuidePageFactory
    from stories.factories import StoryIndexPageFactory, StoryPageFactory

    settings.MEDIA_ROOT = str(tmp_path / "media")
    leaflet = get_document_model().objects.create(
        title="Your rights leaflet", file=ContentFile(LEAFLET, name="rights.pdf")
    )
    picture = get_image_model().objects.create(title="A hall", file=get_test_image_file())
    guide = GuidePageFactory(
        parent=GuideIndexPageFactory(parent=home),
        title="Your rights",
        downloads=json.dumps(
            [
                {
                    "type": "download",
                    "value": {"document": leaflet.pk, "title": "", "description": ""},
                }
            ]
        ),
        steps=json.dumps(
            [
                {
                    "type": "step",
                    "value": {
                        "heading": "The meeting",
                        "logic": "",
                        "summary": "Where it happens.",
                        "body": [
                            {
                                "type": "image",
                                "value": {
                                    "image": picture.pk,
                                    "alt_text": "A hall",
                                    "decorative": False,
                                },
                            }
                        ],
                    },
                }
            ]
        ),
    )
    guide.tags.add("court")
    guide.save_revision(user=people["comms"]).publish()
    guide.summary_text = "An edit still waiting to be sent to review."
    guide.save_revision(user=people["comms"])
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home), title="Parents' forum")
    stories = StoryIndexPageFactory(parent=home)
    story = StoryPageFactory(parent=stories, title="Letters in plain words")
    draft = StoryPageFactory(parent=stories, title="Shorter meetings", live=False)
    submit(draft, people["comms"])
    act(draft, people["parent_a"], "approve")

    welsh = Locale.objects.get(language_code="cy")
    source, _ = TranslationSource.get_or_create_from_instance(story)
    translation = Translation.objects.create(source=source, target_locale=welsh)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = f"[cy] {entry.msgid}"
    translation.import_po(po)
    translation.save_target(user=people["comms"])
    welsh_story = story.get_translation(welsh)
    welsh_story.get_latest_revision().publish()
    welsh_story.refresh_from_db()

    rendition = picture.get_rendition("width-800")
    return [
        "/",
        guide.url,
        guide.get_parent().url,
        event.url,
        event.get_parent().url,
        stories.url,
        story.url,
        welsh_story.url,
        "/tags/court/",
        "/search/?q=rights",
        f"/calendar/event-{event.pk}.ics",
        "/sitemap.xml",
        leaflet.url,
        picture.file.url,
        rendition.url,
    ]


@ROUND_TRIP
def test_a_backup_restores_every_page_revision_review_translation_and_file(
    hub_with_content, scratch_database, tmp_path
):
    urls = hub_with_content
    with override_settings(TASKS=EMAIL_QUEUE):  # an email still waiting when the backup is made
        deliver.enqueue("Please review: Your rights", "Read it here: …", "parent@example.org")
    before = snapshot(urls)
    assert {url: status for url, (status, *_rest) in before["pages"].items()} == dict.fromkeys(
        urls, 200
    )
    assert before["counts"]["hub_parentreviewdecision"] == 1
    assert before["counts"]["wagtail_localize_translation"] == 1

    out = io.StringIO()
    call_command("backup", output_dir=str(tmp_path / "backups"), stdout=out)
    archive = next((tmp_path / "backups").glob("hub-backup-*.tar.gz"))
    assert f"Backup written: {archive}" in out.getvalue()
    checksum = hashlib.sha256(archive.read_bytes()).hexdigest()
    assert Path(f"{archive}.sha256").read_text() == f"{checksum}  {archive.name}\n"

    restored_media = tmp_path / "restored-media"
    restore = manage(
        "restore", str(archive), database_url=scratch_database, media_root=restored_media
    )
    assert restore.returncode == 0, restore.stderr
    assert "Rebuilding the search index" in restore.stdout
    # The waiting email is not sent from the restored hub (the old one may have sent it since),
    # and is kept, marked with the reason.
    assert "1 email was waiting to be sent when the backup was made. They were not sent" in (
        restore.stdout
    )
    assert queued_emails(scratch_database, restored_media) == ["FAILED"]
    after = manage(
        "shell",
        "-c",
        SNAPSHOT_IN_ANOTHER_PROCESS,
        database_url=scratch_database,
        media_root=restored_media,
        SNAPSHOT_URLS=json.dumps(urls),
    )
    assert after.returncode == 0, after.stderr
    after = json.loads(after.stdout.strip().splitlines()[-1])

    assert after["counts"] == before["counts"]
    for url in urls:
        status, digest, text = before["pages"][url]
        assert after["pages"][url][:1] == [status], url
        assert after["pages"][url][2] == text, url  # shows where the two differ, if they do
        assert after["pages"][url][1] == digest, url
    media = Path(settings.MEDIA_ROOT)
    assert sorted(
        p.relative_to(restored_media) for p in restored_media.rglob("*") if p.is_file()
    ) == sorted(p.relative_to(media) for p in media.rglob("*") if p.is_file())

    # The restored site now holds the hub: a second restore is refused, and says why.
    again = manage(
        "restore", str(archive), database_url=scratch_database, media_root=restored_media
    )
    assert again.returncode == 1
    assert "Nothing was restored: the database already holds" in again.stderr
    assert "--force" in again.stderr
    assert "Traceback" not in again.stderr
    forced = manage(
        "restore",
        str(archive),
        "--force",
        "--send-queued-emails",
        database_url=scratch_database,
        media_root=restored_media,
    )
    assert forced.returncode == 0, forced.stderr
    assert "Restored the backup made at" in forced.stdout
    assert "the email worker sends them" in forced.stdout
    assert queued_emails(scratch_database, restored_media) == ["READY"]


def queued_emails(database_url, media_root):
    """The status of each queued email in the restored hub, read by another process."""
    found = manage(
        "shell",
        "-c",
        "from django_tasks_db.models import DBTaskResult; "
        "print(list(DBTaskResult.objects.values_list('status', flat=True)))",
        database_url=database_url,
        media_root=media_root,
    )
    assert found.returncode == 0, found.stderr
    return ast.literal_eval(found.stdout.strip().splitlines()[-1])


# -- Archives that must not be restored ----------------------------------------------------


@pytest.fixture
def archive(tmp_path):
    """A well-formed backup of a (pretend) database of this suite's kind and one leaflet."""
    media = tmp_path / "media" / "documents"
    media.mkdir(parents=True)
    (media / "rights.pdf").write_bytes(LEAFLET)
    database = tmp_path / "database"
    database.write_bytes(b"pretend database")
    path = tmp_path / "hub-backup-20260101T000000Z.tar.gz"
    backups.write_archive(path, database, connection.vendor, tmp_path / "media")
    return path


def test_an_archive_holding_personal_data_is_readable_by_the_hubs_user_alone(archive):
    """Its folder is closed to others, but a copy made with its mode (rsync -a) would not be."""
    import stat

    assert stat.S_IMODE(archive.stat().st_mode) == 0o600


def rewrite(archive, change):
    """The archive with its members passed through ``change(name, data) -> data``."""
    members = []
    with tarfile.open(archive) as tar:
        for member in tar:
            members.append((member, change(member.name, tar.extractfile(member).read())))
    with tarfile.open(archive, "w:gz") as tar:
        for member, data in members:
            member.size = len(data)
            tar.addfile(member, io.BytesIO(data))


def restore_error(archive, **options):
    with pytest.raises(CommandError) as refused:
        call_command("restore", str(archive), stdout=io.StringIO(), **options)
    return str(refused.value)


def test_restore_refuses_a_file_that_is_not_there(tmp_path):
    assert restore_error(tmp_path / "nothing.tar.gz") == (
        f"There is no backup file at {tmp_path / 'nothing.tar.gz'}."
    )


def test_restore_refuses_a_corrupt_archive(tmp_path):
    corrupt = tmp_path / "hub-backup.tar.gz"
    corrupt.write_bytes(os.urandom(4096))
    assert "is not a readable hub backup" in restore_error(corrupt)


def test_restore_refuses_a_truncated_archive(archive):
    archive.write_bytes(archive.read_bytes()[:-200])
    assert "is not a readable hub backup" in restore_error(archive)


def test_restore_refuses_an_archive_whose_file_was_changed_inside(archive):
    rewrite(archive, lambda name, data: b"%PDF-1.4 forged" if name.endswith(".pdf") else data)
    assert restore_error(archive) == (
        "media/documents/rights.pdf in this backup is damaged or was changed."
    )


@pytest.mark.parametrize("manifest", [b"not json", b"[]", b'{"members": {"a": 1}}'])
def test_restore_refuses_an_archive_whose_manifest_is_damaged(archive, manifest):
    rewrite(archive, lambda name, data: manifest if name == "manifest.json" else data)
    assert restore_error(archive) == "This backup's manifest is damaged. Restore another copy."


def test_restore_refuses_an_archive_that_does_not_match_its_checksum(archive):
    Path(f"{archive}.sha256").write_text(f"{'0' * 64}  {archive.name}\n")
    assert restore_error(archive).startswith(
        f"{archive.name} does not match its checksum in {archive.name}.sha256"
    )


def test_restore_refuses_a_file_that_would_land_outside_the_media_folder(archive):
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
    manifest["members"]["media/../../outside.txt"] = manifest["members"].pop(
        "media/documents/rights.pdf"
    )

    def change(name, data):
        return json.dumps(manifest).encode() if name == "manifest.json" else data

    rewrite(archive, change)
    with tarfile.open(archive) as tar:
        members = [(m, tar.extractfile(m).read()) for m in tar]
    with tarfile.open(archive, "w:gz") as tar:
        for member, data in members:
            if member.name == "media/documents/rights.pdf":
                member.name = "media/../../outside.txt"
            tar.addfile(member, io.BytesIO(data))
    assert "holds a file its manifest does not list: 'media/../../outside.txt'" in restore_error(
        archive
    )


def test_restore_refuses_a_backup_of_the_other_kind_of_database(tmp_path):
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    database = tmp_path / "database"
    database.write_bytes(b"pretend database")
    path = tmp_path / "hub-backup.tar.gz"
    backups.write_archive(path, database, other, tmp_path / "no-media")
    names = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
    assert restore_error(path) == (
        f"This is a backup of a {names[other]} database, and this site uses "
        f"{names[connection.vendor]}. Set DATABASE_URL to a new, empty {names[other]} "
        "database and restore into that."
    )


@pytest.mark.django_db
def test_restore_into_a_media_folder_it_cannot_write_changes_nothing(archive, settings, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    settings.MEDIA_ROOT = str(blocker / "media")
    tables = connection.introspection.table_names()
    assert restore_error(archive, force=True).startswith(
        f"Nothing was restored: the media folder {blocker / 'media'} cannot be written (Not a "
        "directory)."
    )
    assert connection.introspection.table_names() == tables


@pytest.mark.django_db
def test_a_file_that_cannot_be_written_after_the_database_says_so_and_how_to_finish(
    archive, settings, tmp_path, monkeypatch
):
    loaded = []
    monkeypatch.setattr(backups, "load_database", lambda source, replace: loaded.append(source))
    settings.MEDIA_ROOT = str(tmp_path / "restored-media")
    (tmp_path / "restored-media" / "documents" / "rights.pdf").mkdir(parents=True)
    assert restore_error(archive, force=True) == (
        "The database was restored, but not every uploaded file: "
        f"{tmp_path / 'restored-media' / 'documents' / 'rights.pdf'} could not be written (Is a "
        "directory). Put that right (space on the disk, who owns the folder), then run the "
        "restore again with --force to restore it all."
    )
    assert len(loaded) == 1


@pytest.mark.django_db
def test_the_restored_emails_are_held_before_any_file_is_copied(
    archive, settings, tmp_path, monkeypatch
):
    """An email worker still running during a restore finds the restored queue's emails held
    as soon as the database is in, not after the (perhaps many) files are copied."""
    steps = []
    copy_file = backups.restore_file
    monkeypatch.setattr(backups, "load_database", lambda source, replace: steps.append("db"))
    monkeypatch.setattr(backups, "hold_queued_emails", lambda send, log: steps.append("held"))
    monkeypatch.setattr(
        backups,
        "restore_file",
        lambda source, target: (steps.append("file"), copy_file(source, target)),
    )
    settings.MEDIA_ROOT = str(tmp_path / "restored-media")
    call_command("restore", str(archive), "--force", stdout=io.StringIO())
    assert steps == ["db", "held", "file"]


def test_a_refused_restore_exits_non_zero_with_a_message_and_no_traceback(tmp_path):
    result = manage(
        "restore",
        str(tmp_path / "missing.tar.gz"),
        database_url=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        media_root=tmp_path / "media",
    )
    assert result.returncode == 1
    assert result.stderr == (
        f"CommandError: There is no backup file at {tmp_path / 'missing.tar.gz'}.\n"
    )


@pytest.mark.django_db
def test_backup_keeps_only_the_newest_archives_it_is_told_to(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    folder = tmp_path / "backups"
    folder.mkdir()
    for stamp in ("20260101T000000Z", "20260102T000000Z", "20260103T000000Z"):
        (folder / f"hub-backup-{stamp}.tar.gz").write_bytes(b"old")
        (folder / f"hub-backup-{stamp}.tar.gz.sha256").write_text("old")
    backups.remove_old_backups(folder, keep=2)
    assert sorted(p.name for p in folder.iterdir()) == [
        "hub-backup-20260102T000000Z.tar.gz",
        "hub-backup-20260102T000000Z.tar.gz.sha256",
        "hub-backup-20260103T000000Z.tar.gz",
        "hub-backup-20260103T000000Z.tar.gz.sha256",
    ]
