"""Browser tests: a live server with the demo content, Chromium, and axe-core."""

import pytest
from django.core.management import call_command

from tests.helpers.browser import EXIT_URL

# Browser tests share a live server, so they commit to the database. Their modules mark them
# django_db(transaction=True, serialized_rollback=True): serialized rollback puts back what the
# migrations made (root page, locale, default site) after each one.


@pytest.fixture
def demo_site(live_server):
    call_command("load_demo_content", verbosity=0)
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
