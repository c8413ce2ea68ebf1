"""One migrated test database per run, copied to each pytest-xdist worker.

Migrating a test database takes 15 to 25 seconds of one core, and each worker would do it
for itself. Instead, the first worker to get here migrates its own (Django's usual
`setup_databases`) and leaves a copy of it in the folder the workers share; the others wait
for it and copy that instead, in well under a second:
- PostgreSQL: `CREATE DATABASE ... TEMPLATE`, from a template database nobody connects to
  (PostgreSQL copies only a database with no one connected); the run's controller drops it
  at the end (`drop_template`, from tests/conftest.py).
- SQLite: the in-memory test database is written to a file with SQLite's backup API, and
  read back the same way into each worker's own in-memory database. (A test database file
  named in the settings is left to Django: each worker migrates its own, as usual.)

The contents serialized for `serialized_rollback` are shared the same way, as Django would
have made them in each worker from the same rows.
"""

import fcntl
import json
from contextlib import contextmanager
from pathlib import Path

TEMPLATE_FILE = "template.json"


@contextmanager
def locked(folder: Path, name: str):
    """Holds an exclusive lock, shared by every worker of the run, on `folder/name`."""
    with open(folder / name, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def can_share():
    """Whether the test database can be copied: PostgreSQL, or SQLite in memory (a test
    database file of its own, named in the settings, is left to Django as usual)."""
    from django.db import connection

    return connection.vendor == "postgresql" or (
        connection.vendor == "sqlite"
        and connection.creation.is_in_memory_db(connection.creation._get_test_db_name())
    )


def setup_or_copy(folder: Path, setup, serialize: bool):
    """Returns what `setup()` returns (Django's list of old names, for teardown): either
    from `setup()` itself, by the first worker, or from a copy of its database."""
    from django.db import connection
    from django.test.utils import teardown_databases

    with locked(folder, "database.lock"):
        record = folder / TEMPLATE_FILE
        if not record.exists():
            old_names = setup()
            try:
                _leave_a_copy(connection, folder, record)
            except BaseException:
                teardown_databases(old_names, verbosity=0)
                raise
            return old_names
        old_name = connection.settings_dict["NAME"]
        _copy_in(connection, json.loads(record.read_text()))
        if serialize:
            connection._test_serialized_contents = (folder / "serialized.json").read_text(
                encoding="utf-8"
            )
        return [(connection, old_name, True)]


def _leave_a_copy(connection, folder, record):
    details = {"vendor": connection.vendor}
    if connection.vendor == "postgresql":
        name = connection.settings_dict["NAME"]
        details["template"] = f"{name}_template"
        connection.close()
        _recreate(connection, details["template"], template=name)
        connection.ensure_connection()
    else:
        import sqlite3

        details["file"] = str(folder / "template.sqlite3")
        connection.ensure_connection()
        copy = sqlite3.connect(details["file"])
        try:
            connection.connection.backup(copy)
        finally:
            copy.close()
    serialized = getattr(connection, "_test_serialized_contents", "")
    (folder / "serialized.json").write_text(serialized, encoding="utf-8")
    record.write_text(json.dumps(details))


def _copy_in(connection, details):
    from django.conf import settings

    name = connection.creation._get_test_db_name()
    connection.close()
    if details["vendor"] == "postgresql":
        _recreate(connection, name, template=details["template"])
    settings.DATABASES[connection.alias]["NAME"] = name
    connection.settings_dict["NAME"] = name
    connection.ensure_connection()
    if details["vendor"] == "sqlite":
        import sqlite3

        source = sqlite3.connect(details["file"])
        try:
            source.backup(connection.connection)
        finally:
            source.close()


def _recreate(connection, name, template):
    quote = connection.ops.quote_name
    with connection.creation._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {quote(name)}")
        cursor.execute(f"CREATE DATABASE {quote(name)} TEMPLATE {quote(template)}")


def drop_template(folder: Path):
    """Drops the PostgreSQL template the workers copied, once they have all finished. The
    run's controller calls it: it has the same settings, but pytest-django lets it open no
    connection through Django, so it connects with Django's parameters for the server."""
    record = folder / TEMPLATE_FILE
    if not record.exists():
        return
    details = json.loads(record.read_text())
    if details["vendor"] != "postgresql":
        return
    import psycopg
    from django.db import connection
    from psycopg import sql

    server = {**connection.get_connection_params(), "dbname": "postgres"}
    server.pop("cursor_factory", None)
    with psycopg.connect(autocommit=True, **server) as admin:
        admin.execute(
            sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(details["template"]))
        )
