"""Whole public pages come from the shared cache, and only pages that are the same for everyone:
never a signed-in editor's, a password-protected page, a preview, an error or a form post."""

import datetime
import gzip
import re
import time

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction

from events.factories import EventIndexPageFactory, EventPageFactory
from guides.factories import GuideIndexPageFactory, GuidePageFactory
from hub.caching import generation
from tests.helpers.translation import publish_translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide(home):
    return GuidePageFactory(parent=GuideIndexPageFactory(parent=home), title="Your rights")


def fetch(client, url, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code == 200, url
    return response


def test_a_public_page_is_built_once_then_served_from_the_cache_without_the_database(guide, client):
    first = fetch(client, guide.url)
    assert first["X-Hub-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = fetch(client, guide.url)
    assert second["X-Hub-Cache"] == "hit"
    assert len(queries) == 0
    assert second.content == first.content


def test_a_cached_page_says_browsers_ask_again_each_time_and_a_cdn_keeps_it(guide, client):
    for response in (fetch(client, guide.url), fetch(client, guide.url)):
        directives = {d.strip() for d in response["Cache-Control"].split(",")}
        assert directives == {"public", "max-age=0", "s-maxage=600"}
        assert "Cookie" not in response.get("Vary", "")
        assert "Set-Cookie" not in response


def test_a_browser_asking_again_for_an_unchanged_page_gets_a_small_not_modified(guide, client):
    etag = fetch(client, guide.url)["ETag"]
    again = client.get(guide.url, headers={"if-none-match": etag})
    assert again.status_code == 304
    assert again.content == b""


def test_an_address_with_a_query_is_not_kept_by_a_cdn(guide, client):
    response = fetch(client, "/search/?q=rights")
    assert "s-maxage=0" in response["Cache-Control"]
    assert fetch(client, "/search/?q=rights")["X-Hub-Cache"] == "hit"  # the hub's own cache


def test_a_page_is_kept_gzipped_for_browsers_that_take_it_and_plain_for_those_that_do_not(
    guide, client
):
    plain = fetch(client, guide.url)  # no Accept-Encoding
    packed = fetch(client, guide.url, accept_encoding="gzip, deflate, br")
    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    assert gzip.decompress(packed.content) == plain.content
    assert int(packed["Content-Length"]) < len(plain.content) / 2
    # Each kept as it was sent: a hit never gives gzip to a browser that did not ask for it.
    plain_again = fetch(client, guide.url)
    packed_again = fetch(client, guide.url, accept_encoding="gzip")
    assert plain_again["X-Hub-Cache"] == packed_again["X-Hub-Cache"] == "hit"
    assert "Content-Encoding" not in plain_again
    assert plain_again.content == plain.content
    assert gzip.decompress(packed_again.content) == plain.content


def test_a_gzipped_page_built_again_unchanged_still_gets_a_small_not_modified(
    guide, client, settings
):
    """gzip adds random bytes each time it packs a page (against BREACH); the ETag is the
    page's as written, so a phone asking again after the cache was emptied, or with no page
    cache at all, is still told nothing changed."""
    etag = fetch(client, guide.url, accept_encoding="gzip")["ETag"]
    generation.advance()  # something else was published: every cached page is forgotten
    again = client.get(guide.url, headers={"accept_encoding": "gzip", "if_none_match": etag})
    assert again.status_code == 304
    settings.HUB_PAGE_CACHE_SECONDS = 0
    again = client.get(guide.url, headers={"accept_encoding": "gzip", "if_none_match": etag})
    assert again.status_code == 304


def test_the_admin_and_uploaded_files_go_out_as_they_are(guide, client, people):
    leaflet = get_document_model()(title="Notes")
    leaflet.file.save("notes.txt", ContentFile(b"Plain words. " * 100), save=True)
    client.force_login(people["comms"])  # staff may fetch a file no page uses yet
    response = client.get(leaflet.url, headers={"accept_encoding": "gzip"})
    assert response.status_code == 200
    assert "Content-Encoding" not in response
    assert b"".join(response.streaming_content) == b"Plain words. " * 100
    admin = client.get("/admin/", headers={"accept_encoding": "gzip"})
    assert admin.status_code == 200
    assert "Content-Encoding" not in admin


def test_calendar_files_and_the_sitemap_go_out_gzipped_too(home, client):
    EventPageFactory(parent=EventIndexPageFactory(parent=home), title="Parents' forum")
    for url in ("/calendar/upcoming.ics", "/sitemap.xml"):
        response = fetch(client, url, accept_encoding="gzip")
        assert response["Content-Encoding"] == "gzip", url
        assert gzip.decompress(response.content).strip(), url


def test_each_language_has_its_own_page_whatever_the_browser_asks_for(guide, client):
    welsh = publish_translation(guide, "cy", {"Your rights": "Eich hawliau"})
    english = fetch(client, guide.url, accept_language="cy")
    assert "Your rights" in english.content.decode()
    assert "Accept-Language" not in english.get("Vary", "")
    cymraeg = fetch(client, welsh.url, accept_language="en")
    assert "Eich hawliau" in cymraeg.content.decode()
    assert fetch(client, guide.url)["X-Hub-Cache"] == "hit"
    assert fetch(client, welsh.url)["X-Hub-Cache"] == "hit"


def test_a_signed_in_editor_never_gets_or_leaves_a_cached_page(guide, client, people):
    fetch(client, guide.url)  # cached for readers
    client.force_login(people["comms"])
    editor = fetch(client, guide.url)
    assert "X-Hub-Cache" not in editor
    assert "private" in editor["Cache-Control"]
    assert "Edit this page" in editor.content.decode() or "userbar" in editor.content.decode()
    client.logout()
    reader = fetch(client, guide.url)
    assert reader["X-Hub-Cache"] == "hit"
    assert "userbar" not in reader.content.decode()


def test_a_password_protected_page_is_never_cached(guide, client):
    PageViewRestriction.objects.create(
        page=guide, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    for _ in range(2):
        response = fetch(client, guide.url)  # the password form
        assert "X-Hub-Cache" not in response
        assert "public" not in response["Cache-Control"]
        assert "Your rights" not in response.content.decode()


def test_a_page_not_found_is_not_cached(home, client):
    for _ in range(2):
        response = client.get("/no-such-page/")
        assert response.status_code == 404
        assert "X-Hub-Cache" not in response
        assert "private" in response["Cache-Control"]


def test_a_form_post_is_never_answered_from_the_cache(guide, client):
    fetch(client, guide.url)
    response = client.post(guide.url)
    assert response.get("X-Hub-Cache") != "hit"


def test_the_admin_and_files_are_never_cached(guide, client, people):
    client.force_login(people["comms"])
    response = client.get("/admin/")
    assert "X-Hub-Cache" not in response
    assert "public" not in response["Cache-Control"]


def test_with_the_page_cache_off_every_page_is_built_afresh(guide, client, settings):
    settings.HUB_PAGE_CACHE_SECONDS = 0
    fetch(client, guide.url)
    response = fetch(client, guide.url)
    assert "X-Hub-Cache" not in response
    assert "public" in response["Cache-Control"]  # browsers and a CDN may still keep it


class BrokenCache:
    def __getattr__(self, name):
        def fail(*args, **kwargs):
            raise ConnectionError("the cache server is down")

        return fail


def test_pages_are_still_served_when_the_cache_is_down(guide, client, monkeypatch, caplog):
    from hub.caching import generation, middleware

    broken = BrokenCache()
    monkeypatch.setattr(generation, "cache", broken)
    monkeypatch.setattr(middleware, "caches", {"default": broken})
    for url in (guide.url, guide.get_parent().url, "/", "/search/?q=rights"):
        assert client.get(url).status_code == 200, url
    assert any(r.name == "hub.cache" for r in caplog.records)


def test_every_kind_of_public_address_is_kept(home, client):
    from events.factories import EventIndexPageFactory, EventPageFactory

    guide = GuidePageFactory(parent=GuideIndexPageFactory(parent=home), title="Your rights")
    guide.tags.add("court")
    guide.save_revision().publish()
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home))
    welsh = publish_translation(guide, "cy")
    urls = [
        "/",
        guide.url,
        guide.get_parent().url,
        welsh.url,
        event.url,
        event.get_ics_url(),
        "/calendar/upcoming.ics",
        "/tags/court/",
        "/search/?q=rights",
        "/sitemap.xml",
        "/robots.txt",
    ]
    for url in urls:
        assert client.get(url).status_code == 200, url
        assert client.get(url)["X-Hub-Cache"] == "hit", url


def shared_seconds(response):
    return int(re.search(r"s-maxage=(\d+)", response["Cache-Control"])[1])


def test_an_event_leaves_every_cache_when_it_ends_and_then_says_it_has_finished(home, client):
    """Nothing is published when an event ends, yet its page changes (it has finished, and
    how to join goes) and so do the lists of events still to come: no cache keeps them past
    the end."""
    events = EventIndexPageFactory(parent=home)
    now = timezone.now()
    event = EventPageFactory(
        parent=events,
        title="Dads' evening",
        start=now - datetime.timedelta(hours=1),
        end=now + datetime.timedelta(seconds=2),
    )
    for url in (event.url, events.url, home.url, "/calendar/upcoming.ics"):
        for response in (fetch(client, url), fetch(client, url)):  # built, then from the cache
            assert 0 < shared_seconds(response) <= 2, url
        assert response["X-Hub-Cache"] == "hit", url
    assert "This event has finished" not in fetch(client, event.url).content.decode()

    time.sleep(2.5)  # the event ends
    after = fetch(client, event.url)
    assert after["X-Hub-Cache"] == "miss"
    assert "This event has finished" in after.content.decode()
    assert shared_seconds(after) == 600  # nothing on it changes by itself any more
    listed = fetch(client, events.url)
    assert listed["X-Hub-Cache"] == "miss"
    assert shared_seconds(listed) == 600


def test_every_page_of_the_events_list_goes_stale_when_any_event_to_come_ends(home, client):
    """The first page of the list changes when an event on a later page ends (the count, the
    past events, the months offered), and the event's own calendar file drops its booking
    details."""
    from events.models import EVENTS_PER_PAGE

    events = EventIndexPageFactory(parent=home)
    now = timezone.now()
    for number in range(EVENTS_PER_PAGE):
        EventPageFactory(
            parent=events,
            title=f"Weekly group {number}",
            start=now - datetime.timedelta(hours=2),
            end=now + datetime.timedelta(days=1),
        )
    soon = EventPageFactory(
        parent=events,
        title="Drop-in session",
        start=now - datetime.timedelta(hours=1),
        end=now + datetime.timedelta(seconds=90),
    )
    first_page = fetch(client, events.url)
    assert "Drop-in session" not in first_page.content.decode()  # it is on page 2
    assert 0 < shared_seconds(first_page) <= 90
    calendar_file = fetch(client, f"/calendar/event-{soon.pk}.ics")
    assert 0 < shared_seconds(calendar_file) <= 90


def test_a_search_result_that_will_be_marked_past_leaves_the_hubs_cache_when_it_ends(home, client):
    events = EventIndexPageFactory(parent=home)
    now = timezone.now()
    EventPageFactory(
        parent=events,
        title="Drop-in session",
        start=now - datetime.timedelta(hours=1),
        end=now + datetime.timedelta(seconds=2),
    )
    assert "Past event" not in fetch(client, "/search/?q=drop-in").content.decode()
    assert fetch(client, "/search/?q=drop-in")["X-Hub-Cache"] == "hit"
    time.sleep(2.5)
    after = fetch(client, "/search/?q=drop-in")
    assert after["X-Hub-Cache"] == "miss"
    assert "Past event" in after.content.decode()


def test_an_event_a_week_away_leaves_the_cache_as_any_page_does(home, client):
    events = EventIndexPageFactory(parent=home)
    event = EventPageFactory(parent=events)  # a week away
    assert shared_seconds(fetch(client, event.url)) == 600
    assert shared_seconds(fetch(client, events.url)) == 600
