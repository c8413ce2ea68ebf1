"""Browser tests: a live server with the demo content, Chromium, and axe-core."""

import pytest
from django.core.management import call_command

from tests.helpers.browser import EXIT_URL

# Browser tests share a live server, so they commit to the database. Their modules mark them
# django_db(transaction=True, serialized_rollback=True): serialized rollback puts back what the
# migrations made (root page, locale, default site) after each one.


class DemoSnapshot:
    """The demo content, built once a session and copied back for each browser test.

    Loading the demo takes seconds; most browser tests want it. On the in-memory SQLite test
    database, the first test loads it with `load_demo_content` and keeps a copy of the whole
    database (SQLite's backup API); later tests get that copy back in milliseconds, but only
    when the database they start from is exactly the one the copy was loaded onto (a test that
    made something first, or another database, loads the demo as before).
    """

    def __init__(self):
        self.before = None  # a digest of the database the demo was loaded onto
        self.copy = None  # an in-memory SQLite database holding the demo

    @staticmethod
    def _usable(connection):
        return connection.vendor == "sqlite" and connection.is_in_memory_db()

    @staticmethod
    def _digest():
        """What every table holds, row by row. The rows of many-to-many tables are compared
        without their ids, which change each time serialized rollback adds them back."""
        import hashlib

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

    def load(self):
        import sqlite3

        from django.db import connection

        if not self._usable(connection):
            call_command("load_demo_content", verbosity=0)
            return
        connection.ensure_connection()
        raw = connection.connection
        before = self._digest()
        if self.copy is not None and before == self.before:
            self.copy.backup(raw)
            return
        call_command("load_demo_content", verbosity=0)
        if self.copy is None:
            copy = sqlite3.connect(":memory:", check_same_thread=False)
            raw.backup(copy)
            self.before, self.copy = before, copy


@pytest.fixture(scope="session")
def _demo_snapshot():
    snapshot = DemoSnapshot()
    yield snapshot
    if snapshot.copy is not None:
        snapshot.copy.close()


@pytest.fixture
def demo_site(live_server, _demo_snapshot):
    _demo_snapshot.load()
    from wagtail.models import Site

    # The live server answers on its own host and port; point the demo site at it.
    site = Site.objects.get(is_default_site=True)
    host, port = live_server.url.removeprefix("http://").split(":")
    site.hostname, site.port = host, int(port)
    site.save()
    return live_server.url


@pytest.fixture
def live_home(live_server):
    """A home page served by the live server (for tests that build their own content)."""
    from wagtail.models import Page, Site

    from home.factories import HomePageFactory

    home = HomePageFactory(parent=Page.get_first_root_node())
    host, port = live_server.url.removeprefix("http://").split(":")
    Site.objects.update_or_create(
        is_default_site=True, defaults={"root_page": home, "hostname": host, "port": int(port)}
    )
    return home


@pytest.fixture
def page(page):
    # Nothing may leave the machine: the exit button's destination is answered locally.
    page.route(
        f"{EXIT_URL}**",
        lambda route: route.fulfill(
            content_type="text/html", body="<html lang='en'><title>Weather</title></html>"
        ),
    )
    return page
