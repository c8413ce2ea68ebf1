"""Browser tests: a live server with the demo content, Chromium, and axe-core."""

import threading

import pytest

from tests.helpers.browser import EXIT_URL
from tests.helpers.rows import digest

# Browser tests share a live server, so they commit to the database. Their modules mark them
# django_db(transaction=True, serialized_rollback=True): serialized rollback puts back what the
# migrations made (root page, locale, default site) after each one.


class DemoSnapshot:
    """The demo content, built once a session and copied back for each browser test.

    Loading the demo takes seconds; most browser tests want it. On the in-memory SQLite test
    database, the first test puts it in (tests/helpers/rows.py: loaded, or its rows written
    back if this process has loaded it before) and keeps a copy of the whole database
    (SQLite's backup API); later tests get that copy back in milliseconds, but only when the
    database they start from is exactly the one the copy was made from (a test that made
    something first, or another database, puts the demo in as before).
    """

    def __init__(self, demo_rows):
        self.demo_rows = demo_rows  # the demo's rows, if this process has loaded it already
        self.before = None  # a digest of the database the demo was loaded onto
        self.copy = None  # an in-memory SQLite database holding the demo

    @staticmethod
    def _usable(connection):
        return connection.vendor == "sqlite" and connection.is_in_memory_db()

    def load(self):
        import sqlite3

        from django.db import connection

        if not self._usable(connection):
            self.demo_rows.put_in(connection)
            return
        connection.ensure_connection()
        raw = connection.connection
        before = digest()
        if self.copy is not None and before == self.before:
            self.copy.backup(raw)
            return
        self.demo_rows.put_in(connection, base=before)
        if self.copy is None:
            copy = sqlite3.connect(":memory:", check_same_thread=False)
            raw.backup(copy)
            self.before, self.copy = before, copy


class RequestGate:
    """The live server's application behind a gate that closes when a test ends.

    The browser outlives its requests: leaving Wagtail's editor sends a beacon that releases
    the editing session, and it can reach the live server while pytest-django empties the
    database for the next test. On the in-memory SQLite database the server's threads share
    the test's connection, so the two collide ("couldn't be flushed") and every later test in
    the process starts on a database that was never emptied. Once the gate has closed, the
    views of the requests already inside have run (what is left is writing their answers out,
    which reads no database here) and later requests are turned away with a 503, so nothing
    touches the database until the next test opens the gate again. Every browser context a
    test opens is closed by then (`page`, `phone`), so none is left to send more.
    """

    def __init__(self, app):
        self.app = app
        self.open = True
        self.inside = 0
        self.changed = threading.Condition()

    def __call__(self, environ, start_response):
        with self.changed:
            if not self.open:
                start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
                return [b"The test this request belonged to has ended."]
            self.inside += 1
        try:
            return self.app(environ, start_response)
        finally:
            with self.changed:
                self.inside -= 1
                self.changed.notify_all()

    def close(self, timeout=30):
        with self.changed:
            self.open = False
            if not self.changed.wait_for(lambda: self.inside == 0, timeout):
                raise RuntimeError(f"{self.inside} live server request(s) still running")

    def reopen(self):
        with self.changed:
            self.open = True


@pytest.fixture(scope="session")
def _request_gate(live_server):
    server = live_server.thread.httpd
    gate = RequestGate(server.get_app())
    server.set_app(gate)
    return gate


@pytest.fixture(autouse=True)
def _live_server_quiet_before_the_database_is_emptied(request):
    """Opens the gate for a test that uses the live server, and closes it when the test's
    browser has gone (this fixture is set up before `page`, so torn down after it) but before
    pytest-django empties the database (set up before this, so torn down after)."""
    if "live_server" not in request.fixturenames:
        yield
        return
    gate = request.getfixturevalue("_request_gate")
    gate.reopen()
    yield
    gate.close()


@pytest.fixture(scope="session")
def _demo_snapshot(_demo_rows):
    snapshot = DemoSnapshot(_demo_rows)
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


PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser):
    """A page on a 390 px phone, with touch; closed with its context when the test ends, so
    nothing it left open (an editor's pings) reaches the server after the test."""
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    yield context.new_page()
    context.close()


@pytest.fixture
def phone_without_javascript(browser):
    """A page on a 390 px phone whose browser runs no scripts; closed when the test ends."""
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    yield context.new_page()
    context.close()


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
