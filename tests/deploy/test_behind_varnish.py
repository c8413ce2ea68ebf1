"""A council that puts Varnish (or a CDN) in front of the hub: Varnish keeps what the hub says
anyone may be given, and forgets a page and the pages that list it the moment parents approve
a change, told by the hub (HUB_FRONTEND_CACHE=varnish)."""

import pytest
import requests
from wagtail.models import Site

from guides.factories import GuideIndexPageFactory, GuidePageFactory
from tests.deploy.stack import HOST, free_port
from tests.deploy.test_with_redis import publish_from_another_process

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def guide(home):
    # Varnish keeps pages under the host readers use; the hub purges under its site's host.
    Site.objects.filter(is_default_site=True).update(hostname=HOST, port=80)
    index = GuideIndexPageFactory(parent=home, title="Guides", slug="guides")
    return GuidePageFactory(parent=index, title="Care proceedings", slug="care-proceedings")


def through_varnish(front, path, **headers):
    response = requests.get(
        front + path,
        headers={"Host": HOST, "X-Forwarded-Proto": "https", **headers},
        timeout=10,
    )
    assert response.status_code == 200, (path, response.status_code)
    return response


@pytest.fixture
def hub_behind_varnish(guide, hub_behind_nginx, varnish, redis_url):
    varnish_port = free_port()
    # The hub is told where Varnish will listen before Varnish starts in front of it.
    stack = hub_behind_nginx(
        REDIS_URL=redis_url,
        HUB_FRONTEND_CACHE="varnish",
        HUB_VARNISH_URL=f"http://127.0.0.1:{varnish_port}",
    )
    front = varnish(stack.gunicorn_port, port=varnish_port)
    return stack, front


def test_varnish_keeps_public_pages(hub_behind_varnish):
    _stack, front = hub_behind_varnish
    answers = [
        through_varnish(front, "/guides/care-proceedings/").headers["X-Varnish-Cache"]
        for _ in range(3)
    ]
    assert answers == ["miss", "hit", "hit"]


def test_an_approval_is_forgotten_by_varnish_on_the_page_and_its_listing(hub_behind_varnish, guide):
    stack, front = hub_behind_varnish
    for path in ("/guides/care-proceedings/", "/guides/", "/"):
        through_varnish(front, path)
        assert through_varnish(front, path).headers["X-Varnish-Cache"] == "hit", path
    publish_from_another_process(stack, guide, "Care proceedings explained")
    for path in ("/guides/care-proceedings/", "/guides/"):
        assert "Care proceedings explained" in through_varnish(front, path).text, path


@pytest.fixture
def cover_your_tracks(home, guide):
    """The page every page links to for leaving no trace, chosen in the site's settings."""
    from home.factories import StandardPageFactory
    from hub.models import HubSettings

    page = StandardPageFactory(parent=home, title="Cover your tracks", slug="leaving")
    settings = HubSettings.for_site(home.get_site())
    settings.cover_your_tracks = page
    settings.save()
    return page


def test_a_page_every_page_links_to_is_forgotten_by_varnish_on_every_page(
    cover_your_tracks, hub_behind_varnish
):
    stack, front = hub_behind_varnish
    for _ in range(2):
        page = through_varnish(front, "/guides/care-proceedings/")
    assert page.headers["X-Varnish-Cache"] == "hit"
    assert "Cover your tracks" in page.text
    publish_from_another_process(stack, cover_your_tracks, "Staying safe online")
    assert "Staying safe online" in through_varnish(front, "/guides/care-proceedings/").text


def test_varnish_never_keeps_searches_or_signed_in_pages(hub_behind_varnish):
    _stack, front = hub_behind_varnish
    for _ in range(2):
        search = through_varnish(front, "/search/?q=court")
        assert search.headers["X-Varnish-Cache"] == "miss"
        signed_in = through_varnish(front, "/guides/care-proceedings/", Cookie="sessionid=someone")
        assert signed_in.headers["X-Varnish-Cache"] == "miss"


def test_a_purge_from_the_hubs_own_machine_makes_varnish_forget(hub_behind_varnish):
    _stack, front = hub_behind_varnish
    through_varnish(front, "/guides/")
    # From loopback a PURGE is obeyed (the hub's workers); the VCL's acl refuses others.
    purge = requests.request("PURGE", front + "/guides/", headers={"Host": HOST}, timeout=10)
    assert purge.status_code == 200
    assert through_varnish(front, "/guides/").headers["X-Varnish-Cache"] == "miss"
