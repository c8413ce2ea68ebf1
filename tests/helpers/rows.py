"""The demo hub for tests, loaded once per test process and written back from its rows after.

Loading the demo takes 15 to 25 seconds (wagtail-localize translates and publishes 90 pages).
The tests that want it (the `demo` and `demo_site` fixtures) load it the first time, keep every
row of every table in memory, and later get the same rows back in well under a second, but
only onto the database the demo was first loaded onto; onto any other, it is loaded again.

What this relies on, and what would break it:
- The rows name the demo's pictures and leaflets in this process's media folder, put there by
  the first load; a test that deleted one of those files would break the modules after it.
- Sequences are not written back: they never go back on PostgreSQL, so they are already past
  every restored id (rows taken from another worker are the exception: below). A test that
  reset them (reset_sequences=True) would break the next module.
- On SQLite, values go out through Django's converters and back through sqlite3's adapters:
  dates, datetimes and booleans round-trip; a TimeField would need an adapter here.

Under pytest-xdist the workers share the first load too: the first worker to want the demo
loads it and leaves its rows and files in the folder the workers share, and another worker
whose database holds the same rows before (each starts from a copy of the same migrated
database, tests/helpers/shared_database.py) takes those instead of loading its own. Its
PostgreSQL sequences are then set to the highest ids it was given (setval: the module's
rollback leaves them there).
"""

import hashlib
import pickle
import shutil
from pathlib import Path


class DemoRows:
    def __init__(self, shared=None):
        self.taken = {}  # {database alias: TableRows}
        self.shared = SharedDemo(shared) if shared else None  # the workers' folder

    def put_in(self, connection, base=None):
        """Puts the demo in; `base` is digest() of the database now, if the caller has it."""
        from django.db import transaction

        base = base or digest()
        taken = self.taken.get(connection.alias)
        with transaction.atomic(using=connection.alias):
            if taken is not None and taken.base == base:
                taken.restore(connection)
                return
            if self.shared is None:
                self._load(connection, base)
                return
            with self.shared.locked():
                if not self.shared.has(connection.vendor):
                    # The first demo of the run: the other workers wait for it and take it.
                    files = self._load(connection, base)
                    self.shared.keep(connection.vendor, self.taken[connection.alias], files)
                    return
            rows = self.shared.rows(connection.vendor, base)
            if rows is None:
                self._load(connection, base)  # loaded over other rows: not shareable
                return
            self.shared.restore(connection, rows)
            self.taken.setdefault(connection.alias, rows)

    def _load(self, connection, base):
        """Loads the demo, and keeps its rows if it is this process's first load; returns the
        names of the files it made in the media folder."""
        from django.core.management import call_command

        before = _media_files()
        call_command("load_demo_content", verbosity=0)
        if connection.alias not in self.taken:
            self.taken[connection.alias] = TableRows.take(connection, base)
        return _media_files() - before


class SharedDemo:
    """The first worker's demo, for the other workers of the run: rows and files."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.media = self.folder / "demo-media"

    def locked(self):
        from tests.helpers.shared_database import locked

        return locked(self.folder, "demo.lock")

    def _file(self, vendor):
        return self.folder / f"demo-rows-{vendor}.pickle"

    def has(self, vendor):
        return self._file(vendor).exists()

    def rows(self, vendor, base):
        """The shared rows, if there are any and they were taken over the same base."""
        if not self.has(vendor):
            return None
        rows = pickle.loads(self._file(vendor).read_bytes())
        return rows if rows.base == base else None

    def keep(self, vendor, rows, files):
        from django.conf import settings

        for name in files:
            target = self.media / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(Path(settings.MEDIA_ROOT) / name, target)
        self._file(vendor).write_bytes(pickle.dumps(rows))

    def restore(self, connection, rows):
        from django.apps import apps
        from django.conf import settings
        from django.core.management.color import no_style

        if self.media.exists():
            shutil.copytree(self.media, settings.MEDIA_ROOT, dirs_exist_ok=True)
        rows.restore(connection)
        models = apps.get_models(include_auto_created=True)
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)


def _media_files():
    from django.conf import settings

    root = Path(settings.MEDIA_ROOT)
    if not root.exists():
        return set()
    return {str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()}


def digest():
    """What every table holds, row by row. The rows of many-to-many tables are compared
    without their ids, which change each time serialized rollback adds them back, and the
    page cache's generation without its number: a clock reading that every change moves on
    (serialized rollback adding rows back is one), not content."""
    from django.apps import apps

    from hub.caching.models import CacheGeneration

    digest = hashlib.sha256()
    for model in apps.get_models(include_auto_created=True):
        fields = [field.attname for field in model._meta.concrete_fields]
        if model._meta.auto_created:
            fields.remove(model._meta.pk.attname)
        if model is CacheGeneration:
            fields = [model._meta.pk.attname]
        rows = sorted(repr(row) for row in model._base_manager.values_list(*fields))
        digest.update(f"{model._meta.db_table} {len(rows)}\n".encode())
        digest.update("\n".join(rows).encode())
    return digest.hexdigest()


class TableRows:
    """Every row of every table, kept in memory and written back inside a transaction."""

    def __init__(self, tables, base):
        self.tables = tables  # {table name: what it held}
        self.base = base  # the digest of the database before

    @classmethod
    def take(cls, connection, base):
        tables = {}
        with connection.cursor() as cursor:
            for table in _tables(connection):
                if connection.vendor == "postgresql":
                    tables[table] = _copy_out(cursor, table)
                else:
                    cursor.execute(f"SELECT * FROM {_quote(connection, table)}")
                    tables[table] = cursor.fetchall()
        return cls(tables, base)

    def restore(self, connection):
        """Puts every table back as it was taken. Foreign keys are checked when the
        transaction commits (Django makes them deferrable), so the order does not matter."""
        with connection.cursor() as cursor:
            for table, rows in self.tables.items():
                name = _quote(connection, table)
                cursor.execute(f"DELETE FROM {name}")
                if connection.vendor == "postgresql":
                    with cursor.cursor.copy(f"COPY {name} FROM STDIN") as copy:
                        copy.write(rows)
                elif rows:
                    marks = ", ".join("?" * len(rows[0]))
                    cursor.cursor.executemany(f"INSERT INTO {name} VALUES ({marks})", rows)


def _quote(connection, table):
    return connection.ops.quote_name(table)


def _copy_out(cursor, table):
    # COPY leaves out generated columns (search/migrations/0004): PostgreSQL computes them
    # again as the rows go back.
    with cursor.cursor.copy(f"COPY {_quote(cursor.db, table)} TO STDOUT") as copy:
        return b"".join(bytes(block) for block in copy)


def _tables(connection):
    """The tables that hold rows. On SQLite, a full-text (FTS5) table and its shadow tables
    are left out: triggers fill them from Wagtail's search index table as its rows go back."""
    tables = connection.introspection.table_names(include_views=False)
    if connection.vendor != "sqlite":
        return tables
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")
        virtual = [name for (name,) in cursor.fetchall()]
    return [t for t in tables if not any(t == v or t.startswith(f"{v}_") for v in virtual)]
