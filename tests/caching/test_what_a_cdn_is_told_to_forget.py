"""With a CDN or Varnish in front, the hub tells it which addresses to forget when the public
can see a change (hub/caching/frontend.py): the page and what lists it, or every address when
the change shows on every page. The real Varnish is in tests/deploy/test_behind_varnish.py;
here a backend that writes down what it is told shows which addresses, for each change."""

import pytest
from wagtail.contrib.frontend_cache.backends.base import BaseBackend

from events.factories import EventIndexPageFactory, EventPageFactory
from guides.factories import GuideIndexPageFactory, GuidePageFactory
from home.factories import StandardPageFactory
from hub.models import HubSettings

pytestmark = pytest.mark.django_db

TOLD = []


class WritesDownWhatItIsTold(BaseBackend):
    def purge(self, url):
        TOLD.append(url)


@pytest.fixture
def cdn(settings):
    settings.WAGTAILFRONTENDCACHE = {"cdn": {"BACKEND": f"{__name__}.WritesDownWhatItIsTold"}}
    TOLD.clear()
    return TOLD


@pytest.fixture
def guide(home):
    return GuidePageFactory(parent=GuideIndexPageFactory(parent=home), title="Care proceedings")


def forgotten(cdn):
    return {url.removeprefix("http://localhost") for url in cdn}


def test_a_guide_s_change_forgets_the_guide_and_what_lists_it_not_every_page(cdn, home, guide):
    other = GuidePageFactory(parent=guide.get_parent(), title="Taking part")
    cdn.clear()
    guide.save_revision().publish()
    assert {guide.url, guide.get_parent().url, "/", "/sitemap.xml"} <= forgotten(cdn)
    assert other.url not in forgotten(cdn)


def test_an_event_s_change_forgets_its_calendar_files_in_every_language(cdn, home):
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home))
    cdn.clear()
    event.save_revision().publish()
    assert {
        event.url,
        f"/calendar/event-{event.pk}.ics",
        f"/cy/calendar/event-{event.pk}.ics",
        "/calendar/upcoming.ics",
        "/ur/calendar/upcoming.ics",
    } <= forgotten(cdn)


def test_a_settings_change_forgets_every_address_calendar_files_too(cdn, home, guide):
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home))
    cdn.clear()
    settings = HubSettings.for_site(home.get_site())
    settings.contact_phone = "0300 123 4567"
    settings.save()
    assert {guide.url, event.url, f"/calendar/event-{event.pk}.ics"} <= forgotten(cdn)


def test_a_change_to_the_page_every_page_links_to_forgets_every_address(cdn, home, guide):
    leaving = StandardPageFactory(parent=home, title="Cover your tracks", slug="leaving")
    settings = HubSettings.for_site(home.get_site())
    settings.cover_your_tracks = leaving
    settings.save()
    cdn.clear()
    leaving.title = "Staying safe online"
    leaving.save_revision().publish()
    assert guide.url in forgotten(cdn)


class FailsToAnswer(BaseBackend):
    def purge(self, url):
        raise ConnectionError("the CDN did not answer")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_cdn_that_fails_leaves_the_change_saved_and_says_so_in_the_log(home, settings, caplog):
    from django.db import transaction

    settings.WAGTAILFRONTENDCACHE = {"cdn": {"BACKEND": f"{__name__}.FailsToAnswer"}}
    hub = HubSettings.for_site(home.get_site())
    with transaction.atomic():
        hub.contact_phone = "0300 123 4567"
        hub.save()
    assert HubSettings.objects.get(pk=hub.pk).contact_phone == "0300 123 4567"
    assert "the CDN did not answer" in caplog.text
