"""`manage.py setup_site`: the first run of a new hub, safe to run again, never demo content
unless asked."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from events.models import EventIndexPage, EventPage, Venue
from guides.models import GuideIndexPage, GuidePage
from home.models import HomePage, StandardPage
from hub.models import HubSettings
from hub.review.roles import HUB_ADMINISTRATORS, PARENT_REVIEW_WORKFLOW
from stories.models import StoryIndexPage, StoryPage

pytestmark = pytest.mark.django_db
PASSPHRASE = "a-long-and-unusual-pass-phrase"


def setup_site(*args, **options):
    call_command(
        "setup_site",
        "--hostname",
        "hub.example.org",
        *args,
        **options,
    )


@pytest.fixture
def with_password(monkeypatch):
    monkeypatch.setenv("HUB_ADMIN_PASSWORD", PASSPHRASE)


def test_a_fresh_install_gets_a_home_page_its_sections_and_its_address(with_password, client):
    assert Page.objects.get(depth=2).title == "Welcome to your new Wagtail site!"
    call_command(
        "setup_site",
        "--hostname=hub.example.org",
        "--admin-email=ops@example.org",
        "--site-name=Kingsbrook Parent Partnership",
        "--no-input",
        verbosity=0,
    )
    home = HomePage.objects.get()
    assert home.live and home.depth == 2
    assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()
    for model in (GuideIndexPage, EventIndexPage, StoryIndexPage):
        section = model.objects.child_of(home).get()
        assert section.live
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_page_id) == ("hub.example.org", 443, home.pk)
    assert site.root_url == "https://hub.example.org"
    assert HubSettings.for_site(site).organisation_name == "Kingsbrook Parent Partnership"
    # The data migration's parent review covers the new pages.
    assert home.get_workflow().name == PARENT_REVIEW_WORKFLOW

    html = client.get("/", HTTP_HOST="hub.example.org").content.decode()
    assert '<link rel="canonical" href="https://hub.example.org/">' in html
    sitemap = client.get("/sitemap.xml", HTTP_HOST="hub.example.org").content.decode()
    assert "<loc>https://hub.example.org/guides/</loc>" in sitemap
    assert "localhost" not in sitemap


def test_the_first_administrator_is_a_hub_administrator_not_a_superuser(with_password):
    setup_site("--admin-email", "ops@example.org", "--no-input", verbosity=0)
    admin = get_user_model().objects.get(email="ops@example.org")
    assert admin.username == "ops@example.org"
    assert list(admin.groups.values_list("name", flat=True)) == [HUB_ADMINISTRATORS]
    assert not admin.is_superuser
    assert admin.check_password(PASSPHRASE)
    assert admin.has_perm("wagtailadmin.access_admin")


def test_running_it_again_changes_nothing_but_the_address(with_password):
    setup_site("--admin-email", "ops@example.org", "--no-input", verbosity=0)
    pages = list(Page.objects.values_list("pk", "title", "live"))
    call_command("setup_site", "--hostname", "www.example.org", "--no-input", verbosity=0)
    setup_site("--admin-email", "ops@example.org", "--no-input", verbosity=0)
    assert list(Page.objects.values_list("pk", "title", "live")) == pages
    assert get_user_model().objects.count() == 1
    assert Site.objects.get().hostname == "hub.example.org"


def test_it_never_loads_demo_content_unless_asked(with_password):
    setup_site("--admin-email", "ops@example.org", "--no-input", verbosity=0)
    for model in (GuidePage, EventPage, StoryPage, Venue, get_image_model(), get_document_model()):
        assert not model.objects.exists(), model


def test_a_trial_hub_gets_the_demo_partnership_when_asked(with_password):
    setup_site("--admin-email", "ops@example.org", "--demo-content", "--no-input", verbosity=0)
    home = HomePage.objects.get(depth=2, locale__language_code="en")
    assert home.title == "Help and information for parents"
    assert GuidePage.objects.filter(slug="child-protection-easy-read").exists()
    assert Site.objects.get().root_url == "https://hub.example.org"
    assert HomePage.objects.filter(locale__language_code="cy").exists()  # the demo's Welsh


def test_demo_content_is_refused_on_a_hub_that_already_has_its_own_home_page(with_password):
    setup_site("--admin-email", "ops@example.org", "--no-input", verbosity=0)
    with pytest.raises(CommandError, match="goes on a new, empty hub only"):
        setup_site("--demo-content", "--no-input", verbosity=0)
    assert not GuidePage.objects.exists()


def test_it_prompts_for_the_first_administrator(monkeypatch):
    monkeypatch.delenv("HUB_ADMIN_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: "ops@example.org")
    monkeypatch.setattr("getpass.getpass", lambda prompt: PASSPHRASE)
    setup_site(verbosity=0)
    admin = get_user_model().objects.get()
    assert admin.email == "ops@example.org" and admin.check_password(PASSPHRASE)


def test_a_weak_password_is_refused_with_the_reason(monkeypatch):
    monkeypatch.setenv("HUB_ADMIN_PASSWORD", "password")
    with pytest.raises(CommandError, match="too weak: This password is too common"):
        setup_site("--admin-email", "ops@example.org", "--no-input", verbosity=0)
    assert not get_user_model().objects.exists()


def test_without_input_or_a_password_the_administrator_sets_one_later(monkeypatch, capsys):
    monkeypatch.delenv("HUB_ADMIN_PASSWORD", raising=False)
    setup_site("--admin-email", "ops@example.org", "--no-input")
    assert not get_user_model().objects.get().has_usable_password()
    assert "manage.py changepassword ops@example.org" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--hostname", "https://hub.example.org/"], "--hostname takes a host name alone"),
        (["--hostname", "hub.example.org", "--admin-email", "ops"], "'ops' is not an email"),
        (["--hostname", "hub.example.org"], "no administrator yet: give --admin-email"),
    ],
)
def test_bad_input_gets_a_clear_message(args, message):
    with pytest.raises(CommandError, match=message):
        call_command("setup_site", *args, "--no-input", verbosity=0)


def test_without_a_terminal_to_ask_at_it_says_how_to_run_it_and_changes_nothing(monkeypatch):
    """Found by a deploy walk: run from a script, it set up the site, then failed asking for
    the password with a traceback, and made no administrator."""
    from wagtail.models import Site

    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    sites = list(Site.objects.values_list("pk", "hostname"))
    with pytest.raises(CommandError, match="no terminal to ask questions at. Give --admin-email"):
        setup_site("--hostname", "hub.example.org", verbosity=0)
    assert list(Site.objects.values_list("pk", "hostname")) == sites
    assert not get_user_model().objects.exists()


def test_without_a_terminal_it_runs_when_it_has_nothing_to_ask(with_password, monkeypatch):
    """From a script or over ssh, after a change of host name, say."""
    from wagtail.models import Site

    setup_site("--admin-email", "ops@example.org", "--no-input", verbosity=0)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    setup_site("--hostname", "www.example.org", verbosity=0)
    assert Site.objects.get(is_default_site=True).hostname == "www.example.org"


def test_running_it_again_records_no_change_of_roles(with_password):
    from wagtail.models import ModelLogEntry

    setup_site("--admin-email", "ops@example.org", "--no-input", verbosity=0)
    before = ModelLogEntry.objects.filter(action="hub.accounts.roles_changed").count()
    setup_site("--admin-email", "ops@example.org", "--no-input", verbosity=0)
    assert ModelLogEntry.objects.filter(action="hub.accounts.roles_changed").count() == before


def test_it_refuses_to_run_before_migrate(monkeypatch):
    from django.contrib.auth.models import Group

    Group.objects.filter(name=HUB_ADMINISTRATORS).delete()
    with pytest.raises(CommandError, match="run 'python manage.py migrate' first"):
        setup_site("--admin-email", "ops@example.org", "--no-input", verbosity=0)


def test_a_fresh_hub_gets_a_cover_your_tracks_draft_that_shows_once_parents_approve_it(
    with_password, client, capsys, people
):
    from tests.helpers.workflow import act, submit

    setup_site("--admin-email", "ops@example.org", "--no-input", verbosity=0)
    assert "send it to parent review" in capsys.readouterr().out
    tracks = HubSettings.for_site(Site.objects.get()).cover_your_tracks.specific
    assert (tracks.title, tracks.live, tracks.has_unpublished_changes) == (
        "Cover your tracks",
        False,
        True,
    )
    home = client.get("/", HTTP_HOST="hub.example.org").content.decode()
    assert "Cover your tracks" not in home  # not before parents approve it
    assert client.get(tracks.url, HTTP_HOST="hub.example.org").status_code == 404

    submit(tracks, people["comms"])
    act(tracks, people["parent_a"], "approve")
    act(tracks, people["parent_b"], "approve")
    tracks.refresh_from_db()
    assert tracks.live
    home = client.get("/", HTTP_HOST="hub.example.org").content.decode()
    assert 'href="/cover-your-tracks/">Cover your tracks</a>' in home

    setup_site("--no-input", verbosity=0)  # run again: the same page, kept as it is
    settings = HubSettings.for_site(Site.objects.get())
    assert settings.cover_your_tracks_id == tracks.pk
    assert StandardPage.objects.get(slug="cover-your-tracks").live


def test_running_it_again_leaves_the_administrators_choice_of_cover_your_tracks(with_password):
    setup_site("--admin-email", "ops@example.org", "--no-input", verbosity=0)
    settings = HubSettings.for_site(Site.objects.get())
    settings.cover_your_tracks = None  # the administrators took it off
    settings.save()
    setup_site("--no-input", verbosity=0)
    assert HubSettings.for_site(Site.objects.get()).cover_your_tracks_id is None
    assert StandardPage.objects.filter(slug="cover-your-tracks").count() == 1
