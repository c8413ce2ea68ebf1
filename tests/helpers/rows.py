"""The demo hub for tests, loaded once per test process and written back from its rows after.

Loading the demo takes 15 to 25 seconds (wagtail-localize translates and publishes 90 pages).
The tests that want it (the `demo` and `demo_site` fixtures) load it the first time, keep every
row of every table in memory, and later get the same rows back in well under a second, but
only onto the database the demo was first loaded onto; onto any other, it is loaded again.

What this relies on, and what would break it:
- The rows name the demo's pictures and leaflets in this process's media folder, put there by
  the first load; a test that deleted one of those files would break the modules after it.
- Sequences are not written back: they never go back on PostgreSQL, so they are already past
  every restored id. A test that reset them (reset_sequences=True) would break the next module.
- On SQLite, values go out through Django's converters and back through sqlite3's adapters:
  dates, datetimes and booleans round-trip; a TimeField would need an adapter here.
"""

import hashlib


class DemoRows:
    def __init__(self):
        self.taken = {}  # {database alias: TableRows}

    def put_in(self, connection, base=None):
        """Puts the demo in; `base` is digest() of the database now, if the caller has it."""
        from django.core.management import call_command
        from django.db import transaction

        base = base or digest()
        taken = self.taken.get(connection.alias)
        with transaction.atomic(using=connection.alias):
            if taken is not None and taken.base == base:
                taken.restore(connection)
                return
            call_command("load_demo_content", verbosity=0)
            if taken is None:
                self.taken[connection.alias] = TableRows.take(connection, base)


def digest():
    """What every table holds, row by row. The rows of many-to-many tables are compared
    without their ids, which change each time serialized rollback adds them back."""
    from django.apps import apps

    digest = hashlib.sha256()
    for model in apps.get_models(include_auto_created=True):
        fields = [field.attname for field in model._meta.concrete_fields]
        if model._meta.auto_created:
            fields.remove(model._meta.pk.attname)
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
