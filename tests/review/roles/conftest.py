"""A small hub with one of everything an admin URL can point at."""

import pytest
from django.core.files.base import ContentFile


@pytest.fixture
def world(home, people):
    from axes.models import AccessAttempt
    from django.contrib.auth.models import Group
    from taggit.models import Tag
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file
    from wagtail.models import Collection, Locale, Site, Workflow
    from wagtail_localize.models import StringSegment, Translation
    from wagtail_localize.operations import translate_object

    from events.factories import VenueFactory
    from hub.models import HubSettings
    from search.models import SearchSynonym
    from stories.factories import StoryIndexPageFactory, StoryPageFactory
    from tests.helpers.workflow import submit

    stories = StoryIndexPageFactory(parent=home)
    live = StoryPageFactory(parent=stories, title="Live story")
    live.save_revision().publish()
    draft = StoryPageFactory(parent=stories, live=False, title="Draft story")
    submit(draft, people["comms"])
    welsh = Locale.objects.get(language_code="cy")
    translate_object(live, [welsh])
    translation = Translation.objects.get(source__object_id=live.translation_key)
    venue = VenueFactory(name="Riverside Hall")
    venue.save_revision().publish()
    venue.name = "Riverside Hall (new entrance)"
    submit(venue, people["comms"])  # a live venue whose change waits for parent review
    query = Query.get("court")
    SearchPromotion.objects.create(query=query, page=live, sort_order=0)
    return {
        "home": home,
        "stories": stories,
        "live": live,
        "draft": draft,
        "venue": venue,
        "document": get_document_model().objects.create(
            title="Leaflet", file=ContentFile(b"%PDF-1.4", name="leaflet.pdf")
        ),
        "image": get_image_model().objects.create(title="Picture", file=get_test_image_file()),
        "synonym": SearchSynonym.objects.create(words="court\ncare proceedings"),
        "tag": Tag.objects.create(name="court", slug="court"),
        "locale": welsh,
        "site": Site.objects.get(is_default_site=True),
        "someone": people["parent_c"],
        "group": Group.objects.get(name="Comms staff"),
        "collection": Collection.get_first_root_node(),
        "workflow": Workflow.objects.get(name="Parent review"),
        "query": query,
        "redirect": Redirect.objects.create(old_path="/old", redirect_link="/"),
        "lockout": AccessAttempt.objects.create(
            username="someone", ip_address="203.0.113.9", failures_since_start=5
        ),
        "settings": HubSettings.for_site(home.get_site()),
        "translation": translation,
        "translation_target": translation.get_target_instance(),
        "string_segment": StringSegment.objects.filter(source=translation.source).first(),
    }
