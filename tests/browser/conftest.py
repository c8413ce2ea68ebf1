"""Browser tests: a live server with the demo content, Chromium, and axe-core."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
EXIT_URL = "https://www.bbc.co.uk/weather"

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


def run_axe(page, context=None):
    """Runs axe-core (the pinned npm package) on the page, or on the part a CSS selector
    names; returns its violations."""
    if not AXE.exists():
        raise RuntimeError(f"axe-core is missing at {AXE}: run 'npm ci' (make test does).")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async (context) => JSON.stringify(await axe.run(context || document))", context
    )
    return json.loads(result)["violations"]


def describe(violations):
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:3]:
            lines.append(f"    {node['target']}: {node['failureSummary'].splitlines()[-1]}")
    return "\n".join(lines)
