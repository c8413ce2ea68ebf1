"""A change the public can see reaches readers at once, though pages are cached: the page
itself and every page that lists it, in every language, whoever or whatever made the change."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from events.factories import EventIndexPageFactory, EventPageFactory, VenueFactory
from guides.factories import GuideIndexPageFactory, GuidePageFactory
from hub.models import HubSettings
from hub.topics.models import TopicName
from tests.helpers.translation import publish_translation
from tests.helpers.workflow import act, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide(home):
    guide = GuidePageFactory(parent=GuideIndexPageFactory(parent=home), title="Care proceedings")
    guide.tags.add("court")
    guide.save_revision().publish()
    return guide


def text(client, url, status=200):
    """What a reader reads at ``url``: its words, without markup (search marks the words)."""
    response = client.get(url)
    assert response.status_code == status, url
    return re.sub(r"<[^>]+>", "", response.content.decode())


def cached(client, *urls):
    """Readers have asked for these pages: each is in the cache."""
    for url in urls:
        client.get(url)
        assert client.get(url).get("X-Hub-Cache") == "hit", url


def addresses(guide):
    return [guide.url, guide.get_parent().url, "/search/?q=proceedings", "/tags/court/"]


def test_parents_approval_shows_the_new_words_at_once_everywhere(guide, client, people):
    cached(client, *addresses(guide))
    guide.title = "Care proceedings explained"
    submit(guide, people["comms"])
    act(guide, people["parent_a"], "approve")
    assert "Care proceedings explained" not in text(client, guide.url)  # one approval of two
    act(guide, people["parent_b"], "approve")
    for url in addresses(guide):
        assert "Care proceedings explained" in text(client, url), url


def test_an_unpublished_page_is_gone_at_once_from_its_address_and_every_listing(guide, client):
    cached(client, *addresses(guide))
    guide.unpublish()
    text(client, guide.url, status=404)
    assert "Care proceedings" not in text(client, guide.get_parent().url)
    assert "Care proceedings" not in text(client, "/search/?q=proceedings")


def test_a_deleted_page_is_gone_at_once(guide, client):
    url, index = guide.url, guide.get_parent().url
    cached(client, url, index)
    guide.delete()
    text(client, url, status=404)
    assert "Care proceedings" not in text(client, index)


def test_a_moved_page_answers_at_its_new_address_only(guide, home, client):
    old = guide.url
    cached(client, old)
    other = GuideIndexPageFactory(parent=home, title="More guides", slug="more-guides")
    guide.move(other, pos="last-child")
    guide.refresh_from_db()
    assert guide.url != old
    assert "Care proceedings" in text(client, guide.url)
    assert client.get(old).status_code in (301, 302, 404)


def test_a_page_scheduled_to_go_live_is_listed_once_the_schedule_publishes_it(home, client, people):
    index = GuideIndexPageFactory(parent=home)
    later = GuidePageFactory(parent=index, live=False, title="Later guide")
    later.go_live_at = timezone.now() + datetime.timedelta(days=1)
    revision = later.save_revision(user=people["admin"])
    revision.publish(user=people["admin"])
    cached(client, index.url)
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save()
    call_command("publish_scheduled", verbosity=0)
    assert "Later guide" in text(client, index.url)


def test_a_translation_going_live_shows_in_that_language_and_the_switcher(guide, client):
    cached(client, guide.url)
    welsh = publish_translation(guide, "cy", {"Care proceedings": "Eich hawliau"})
    assert "Eich hawliau" in text(client, welsh.url)
    assert f'href="{welsh.url}"' in client.get(guide.url).content.decode()  # offers Welsh


def test_a_venue_change_shows_on_its_events_once_approved(home, client):
    venue = VenueFactory(name="Old Hall")
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home), venue=venue)
    venue.save_revision().publish()
    cached(client, event.url)
    venue.name = "New Hall"
    venue.save_revision()  # a draft: readers still see what was approved
    assert "Old Hall" in text(client, event.url)
    venue.get_latest_revision().publish()
    assert "New Hall" in text(client, event.url)


def test_new_contact_details_show_in_every_page_footer_at_once(guide, home, client):
    cached(client, "/", guide.url)
    settings = HubSettings.for_site(home.get_site())
    settings.contact_phone = "0300 123 4567"
    settings.save()
    for url in ("/", guide.url):
        assert "0300 123 4567" in text(client, url), url


def test_a_topic_named_in_welsh_shows_its_new_name_at_once(guide, client):
    welsh = publish_translation(guide, "cy")
    cached(client, welsh.url)
    TopicName.objects.create(tag=guide.tags.get(), language_code="cy", name="Llys")
    assert "Llys" in text(client, welsh.url)


def test_a_page_made_private_leaves_the_cache_at_once(guide, client):
    cached(client, *addresses(guide))
    PageViewRestriction.objects.create(
        page=guide, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert "Care proceedings" not in text(client, guide.url)
    assert "Care proceedings" not in text(client, guide.get_parent().url)
    assert "Care proceedings" not in text(client, "/search/?q=proceedings")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_cache_forgets_only_once_the_change_is_committed(home):
    """A page built while a publish is still committing must not be kept as the new state."""
    from django.db import transaction

    from hub.caching import generation

    guide = GuidePageFactory(parent=GuideIndexPageFactory(parent=home), title="Care proceedings")
    before = generation.generation()
    with transaction.atomic():
        guide.title = "Care proceedings explained"
        guide.save_revision().publish()
        assert generation.generation() == before
    assert generation.generation() != before


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_change_rolled_back_leaves_the_cache_alone(home):
    from django.db import transaction

    from hub.caching import generation

    guide = GuidePageFactory(parent=GuideIndexPageFactory(parent=home), title="Care proceedings")
    before = generation.generation()
    with pytest.raises(RuntimeError), transaction.atomic():
        guide.title = "Never"
        guide.save_revision().publish()
        raise RuntimeError
    assert generation.generation() == before


def test_an_upgrade_forgets_every_page_cached_before_it(guide, client):
    """An upgrade brings new templates and styles; `migrate`, which every upgrade runs, ends
    with post_migrate."""
    from django.core.management.sql import emit_post_migrate_signal

    cached(client, guide.url)
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert client.get(guide.url)["X-Hub-Cache"] == "miss"
