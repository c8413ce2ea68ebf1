"""What every public page shares: its head, its privacy, its errors, sitemap and robots."""

import re
import subprocess
import sys
from html import unescape
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.factories import EventIndexPageFactory, EventPageFactory
from guides.factories import GuideIndexPageFactory, GuidePageFactory
from home.factories import StandardPageFactory
from stories.factories import StoryIndexPageFactory, StoryPageFactory

pytestmark = pytest.mark.django_db


class ResourceCollector(HTMLParser):
    """Collects every URL the browser would fetch by itself when loading a page."""

    def __init__(self):
        super().__init__()
        self.fetched = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "img", "iframe", "audio", "video", "source") and attrs.get("src"):
            self.fetched.append(attrs["src"])
        if tag == "link" and attrs.get("rel") in ("stylesheet", "icon", "preload", "manifest"):
            self.fetched.append(attrs["href"])


@pytest.fixture
def site_pages(home):
    guides = GuideIndexPageFactory(parent=home)
    events = EventIndexPageFactory(parent=home)
    stories = StoryIndexPageFactory(parent=home)
    return [
        home,
        StandardPageFactory(parent=home, search_description="About us, in short."),
        guides,
        GuidePageFactory(parent=guides),
        events,
        EventPageFactory(parent=events),
        stories,
        StoryPageFactory(parent=stories),
    ]


def test_every_page_has_lang_title_description_canonical_and_open_graph(site_pages, client):
    for page in site_pages:
        html = client.get(page.url).content.decode()
        assert '<html lang="en" dir="ltr"' in html
        title = unescape(re.search(r"<title>(.*?)</title>", html, re.S)[1])
        if page.depth == 2:  # the home page's tab is the site's name, once
            assert title == "Partnership Hub"
        else:
            assert page.title in title and title.endswith(" – Partnership Hub")
        description = re.search(r'<meta name="description" content="([^"]*)"', html)[1]
        assert description.strip(), f"{page.url} has an empty meta description"
        assert f'<link rel="canonical" href="http://localhost{page.url}">' in html
        assert '<meta property="og:title"' in html
        assert f'<meta property="og:url" content="http://localhost{page.url}">' in html


def test_the_search_description_wins_over_the_summary(site_pages, client):
    html = client.get(site_pages[1].url).content.decode()
    assert '<meta name="description" content="About us, in short.">' in html


def test_public_pages_set_no_cookies(site_pages, client):
    for page in site_pages:
        response = client.get(page.url)
        assert not response.cookies, f"{page.url} set {list(response.cookies)}"
    assert not client.get("/search/", {"q": "court"}).cookies


def test_no_page_makes_the_browser_fetch_anything_from_another_site(site_pages, client):
    for page in site_pages:
        collector = ResourceCollector()
        collector.feed(client.get(page.url).content.decode())
        assert collector.fetched
        for url in collector.fetched:
            assert url.startswith("/") and not url.startswith("//"), f"{page.url} loads {url}"


def test_a_missing_page_gets_the_designed_404_page(home, client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert "govuk-generic-header" in html
    assert 'action="/search/"' in html


@pytest.mark.parametrize(
    "template, heading",
    [
        ("400.html", "There is a problem with this web address"),
        ("403.html", "You cannot see this page"),
        ("403_csrf.html", "Sorry, what you sent did not reach us"),
        ("500.html", "Sorry, there is a problem with the service"),
    ],
)
def test_each_error_page_is_designed_and_needs_neither_request_nor_database(template, heading):
    from django.template import loader

    with django_assert_no_queries():
        html = loader.get_template(template).render({})
    assert f'<h1 class="govuk-heading-xl">{heading}</h1>' in html
    assert 'lang="en"' in html
    assert "govuk-generic-header" in html
    # A reader in danger can still leave at once, to the default safe site.
    assert 'class="govuk-exit-this-page"' in html
    assert 'href="https://www.bbc.co.uk/weather"' in html


def test_a_parent_reviewer_who_opens_a_screen_not_for_them_is_told_plainly(people, client):
    from tests.helpers.people import pass_second_factor

    client.force_login(people["parent_a"])
    pass_second_factor(client, people["parent_a"])
    response = client.get("/admin/pages/")
    assert response.status_code == 403
    html = response.content.decode()
    assert "You cannot see this page" in html
    assert 'href="/admin/">Go to the drafts waiting for you</a>' in html


def test_a_form_sent_without_its_security_token_is_refused_with_a_plain_page(home):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/", {"q": "court"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "Sorry, what you sent did not reach us" in html
    assert "Nothing has been saved." in html


def test_the_sitemap_lists_live_pages_and_not_drafts(home, client):
    guides = GuideIndexPageFactory(parent=home)
    live = GuidePageFactory(parent=guides, title="Live guide")
    draft = GuidePageFactory(parent=guides, title="Draft guide", live=False)
    xml = client.get("/sitemap.xml").content.decode()
    assert f"<loc>http://localhost{live.url}</loc>" in xml
    assert draft.slug not in xml


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_robots_txt_keeps_crawlers_out_of_search_results_in_every_language(client):
    disallowed = [
        line.removeprefix("Disallow: ")
        for line in client.get("/robots.txt").content.decode().splitlines()
        if line.startswith("Disallow: ")
    ]
    assert disallowed == ["/admin/", "/search/", "/cy/search/", "/pl/search/", "/ur/search/"]


def test_the_favicon_is_served_from_our_own_static_files(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("hub/images/favicon.ico")


def test_the_footer_links_to_the_accessibility_statement(home, client):
    from wagtail.models import Site

    from hub.models import HubSettings

    statement = StandardPageFactory(parent=home, title="Accessibility statement", slug="a11y")
    settings = HubSettings.for_site(Site.objects.get(is_default_site=True))
    settings.accessibility_statement = statement
    settings.save()
    html = client.get(home.url).content.decode()
    footer = html[html.index("<footer") :]
    assert f'href="{statement.url}">Accessibility statement</a>' in footer


def test_a_tag_page_lists_guides_events_and_stories_with_that_tag_newest_first(home, client):
    guides = GuideIndexPageFactory(parent=home)
    events = EventIndexPageFactory(parent=home)
    stories = StoryIndexPageFactory(parent=home)
    tagged = []
    for page in (
        GuidePageFactory(parent=guides, title="Tagged guide"),
        EventPageFactory(parent=events, title="Tagged event"),
        StoryPageFactory(parent=stories, title="Tagged story"),
    ):
        page.tags.add("fathers")
        page.save_revision().publish()
        tagged.append(page)
    GuidePageFactory(parent=guides, title="Untagged guide")
    html = client.get("/tags/fathers/").content.decode()
    assert "3 pages about this topic" in html
    assert html.index("Tagged story") < html.index("Tagged event") < html.index("Tagged guide")
    assert "Untagged guide" not in html
    for label in ("Guide", "Event", "You said, we did"):
        assert label in html


def test_an_unknown_tag_is_a_404(home, client):
    assert client.get("/tags/no-such-tag/").status_code == 404


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "hub.settings.production",
        "ALLOWED_HOSTS": "hub.example.org",
    }
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_settings_start_with_what_the_environment_gives():
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "hub.settings.production",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "hub.example.org",
        "DATABASE_URL": "postgres://hub@db.example.org/hub",
        "REDIS_URL": "redis://cache:6379/1",
    }
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DATABASES['default']['HOST'], s.CACHES['default']['BACKEND'], s.DEBUG, "
        "s.HUB_PAGE_CACHE_SECONDS)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == [
        "db.example.org",
        "django_redis.cache.RedisCache",
        "False",
        "3600",
    ]


def test_models_and_migrations_agree():
    from django.core.management import call_command

    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


class django_assert_no_queries(CaptureQueriesContext):  # noqa: N801 - used as a context manager
    """No query at all (the database may be the thing that is down)."""

    def __init__(self):
        super().__init__(connection)

    def __exit__(self, *exc):
        super().__exit__(*exc)
        assert not self.captured_queries, self.captured_queries
