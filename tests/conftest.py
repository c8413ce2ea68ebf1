"""Fixtures shared by the whole suite: a site with a home page, and Chromium for browser tests."""

import os
import warnings

import pytest

from tests.helpers.people import PASSWORD, pass_second_factor

# Playwright's sync API runs an event loop in the test thread; Django must allow the ORM there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Browser tests last. They commit to the database, so pytest-django runs them after the
    other database tests; pytest-playwright's session-wide browser parameter regroups tests
    after that sort, so sort once more (stably) at the end."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium: Playwright cannot download its own browser here."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(autouse=True)
def _no_language_left_active():
    """Each test starts with no language active, as the first test of a run does. A request
    through the test client leaves its language active in the thread (LocaleMiddleware), so a
    test that builds an address before asking for a page would otherwise get the language of
    whichever test ran before it in this process (which pytest-xdist varies)."""
    from django.utils import translation

    translation.deactivate()
    yield


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache, as the database starts empty: a cached answer
    about one test's objects must not leak into the next (ids are reused after rollback)."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture(autouse=True)
def _changes_act_at_once(request, monkeypatch):
    """Most tests run inside a transaction that is rolled back, never committed, so what waits
    for a commit (the cache forgetting a change, hub/caching/changes.py) would never happen:
    there it happens at once. Tests that really commit (transaction=True, live_server) keep the
    real order."""
    marker = request.node.get_closest_marker("django_db")
    if (marker and marker.kwargs.get("transaction")) or {
        "live_server",
        "transactional_db",
    } & set(request.fixturenames):
        yield
        return
    from hub.caching import changes

    monkeypatch.setattr(changes, "on_commit", lambda callback, robust=False: callback())
    yield


@pytest.fixture(autouse=True)
def _force_login_passes_the_second_factor(request, monkeypatch):
    """`client.force_login(user)` stands for signing in in full: password and a code from the
    person's app (hub/accounts/two_factor.py). Tests marked `unverified` get the password only."""
    if request.node.get_closest_marker("unverified"):
        yield
        return
    from django.test import Client

    force_login = Client.force_login

    def force_login_with_code(self, user, backend=None):
        force_login(self, user, backend)
        pass_second_factor(self, user)

    monkeypatch.setattr(Client, "force_login", force_login_with_code)
    yield


def _xdist_shared_folder(tmp_path_factory):
    """The folder every pytest-xdist worker of this run shares, or None outside pytest-xdist."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return None
    return tmp_path_factory.getbasetemp().parent


@pytest.fixture(scope="session")
def _demo_rows(tmp_path_factory):
    """The demo hub, loaded once by this test process (or, under pytest-xdist, once by the
    first worker to want it) and written back from its rows after."""
    from tests.helpers.rows import DemoRows

    return DemoRows(shared=_xdist_shared_folder(tmp_path_factory))


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, _demo_rows):
    """The demo hub (`load_demo_content`), there for a module inside a transaction that is
    rolled back at its end; each test's own changes roll back to it (pytest-django nests them
    in savepoints)."""
    from django.db import connection, transaction

    with django_db_blocker.unblock(), transaction.atomic():
        _demo_rows.put_in(connection)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def home(db):
    """A home page that is the root of the default site."""
    from wagtail.models import Page, Site

    from home.factories import HomePageFactory

    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"root_page": home, "hostname": "localhost", "port": 80}
    )
    return home


@pytest.fixture(scope="session")
def _playwright_before_the_database(request):
    """Start Playwright before the test database when browser tests will run.

    Playwright's sync API runs the test in a greenlet with its own context, and Django's
    connection handler keeps one connection per context. Started later, Playwright would hide
    the connection that holds the serialized test data that browser tests roll back to.
    """
    if any(item.get_closest_marker("browser") for item in request.session.items):
        request.getfixturevalue("playwright")


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    _playwright_before_the_database,
    django_test_environment,
    django_db_blocker,
    django_db_use_migrations,
    django_db_keepdb,
    django_db_createdb,
    django_db_modify_db_settings,
    tmp_path_factory,
):
    """pytest-django's own test database setup, except that under pytest-xdist the workers
    migrate one database between them and each gets a copy (tests/helpers/shared_database.py)."""
    from django.test.utils import setup_databases, teardown_databases
    from pytest_django.fixtures import _disable_migrations, _get_databases_for_setup

    from tests.helpers.shared_database import can_share, setup_or_copy

    if not django_db_use_migrations:
        _disable_migrations()
    keepdb = django_db_keepdb and not django_db_createdb
    aliases, serialized_aliases = _get_databases_for_setup(request.session.items)
    verbosity = request.config.option.verbose

    def setup():
        return setup_databases(
            verbosity=verbosity,
            interactive=False,
            aliases=aliases,
            serialized_aliases=serialized_aliases,
            keepdb=keepdb,
        )

    shared = _xdist_shared_folder(tmp_path_factory)
    with django_db_blocker.unblock():
        if shared is None or keepdb or aliases != {"default"} or not can_share():
            old_names = setup()
        else:
            old_names = setup_or_copy(shared, setup, serialize="default" in serialized_aliases)
    yield
    if not django_db_keepdb:
        with django_db_blocker.unblock():
            try:
                teardown_databases(old_names, verbosity=verbosity)
            except Exception as error:  # as pytest-django's own: a warning, not a failed run
                request.node.warn(
                    pytest.PytestWarning(f"Error when trying to teardown test databases: {error!r}")
                )


def pytest_sessionfinish(session):
    """Under pytest-xdist, the controller drops the database template its workers copied."""
    if hasattr(session.config, "workerinput") or not session.config.pluginmanager.has_plugin(
        "dsession"
    ):
        return
    from tests.helpers.shared_database import drop_template

    try:
        drop_template(session.config._tmp_path_factory.getbasetemp())
    except Exception as error:
        warnings.warn(f"The workers' database template was not dropped: {error!r}", stacklevel=1)


@pytest.fixture
def make_member(db, django_user_model):
    """Makes a user in the given groups (by name); their first name is their username."""

    def make(username, *groups, **extra):
        from django.contrib.auth.models import Group

        user = django_user_model.objects.create_user(
            username, f"{username}@example.org", PASSWORD, first_name=username.title(), **extra
        )
        user.groups.add(*Group.objects.filter(name__in=groups))
        return user

    return make


@pytest.fixture
def people(make_member):
    """One person in each role: comms staff, three parent reviewers, an administrator."""
    from hub.review.roles import COMMS_STAFF, HUB_ADMINISTRATORS, PARENT_REVIEWERS

    return {
        "comms": make_member("comms", COMMS_STAFF),
        "parent_a": make_member("parent_a", PARENT_REVIEWERS),
        "parent_b": make_member("parent_b", PARENT_REVIEWERS),
        "parent_c": make_member("parent_c", PARENT_REVIEWERS),
        "admin": make_member("hubadmin", HUB_ADMINISTRATORS),
        "super": make_member("super", is_superuser=True),
    }
