"""A list of pages of several types (search results, a topic's pages) is fetched as each
page's own type in one query, where Wagtail's .specific() makes one more per type."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from events.factories import EventIndexPageFactory, EventPageFactory
from events.models import EventPage
from guides.factories import GuideIndexPageFactory, GuidePageFactory
from guides.models import GuidePage
from home.factories import StandardPageFactory
from home.models import StandardPage
from hub.specific import specific_pages
from stories.factories import StoryIndexPageFactory, StoryPageFactory
from stories.models import StoryPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def mixed(home):
    return [
        GuidePageFactory(parent=GuideIndexPageFactory(parent=home), summary_text="Step by step"),
        EventPageFactory(parent=EventIndexPageFactory(parent=home)),
        StoryPageFactory(parent=StoryIndexPageFactory(parent=home)),
        StandardPageFactory(parent=home),
    ]


def test_pages_of_several_types_come_back_as_their_own_types_in_one_query(mixed):
    pages = Page.objects.filter(pk__in=[page.pk for page in mixed]).order_by("-path")
    with CaptureQueriesContext(connection) as queries:
        found = specific_pages(pages, [GuidePage, EventPage, StoryPage, StandardPage])
        # What a listing shows of each: its own fields, its address, its language.
        shown = [
            (page.title, page.summary, page.url_path, page.locale.language_code) for page in found
        ]
    assert len(queries) == 1
    assert [type(page) for page in found] == [StandardPage, StoryPage, EventPage, GuidePage]
    assert [page.pk for page in found] == [page.pk for page in reversed(mixed)]
    assert found[3].summary_text == "Step by step"
    assert all(language == "en" for *_rest, language in shown)


def test_a_page_whose_own_row_is_missing_comes_back_as_a_page(mixed):
    guide = mixed[0]
    with connection.cursor() as cursor:  # as after a half-finished data fix
        cursor.execute("DELETE FROM guides_guidepage WHERE page_ptr_id = %s", [guide.pk])
    (found,) = specific_pages(Page.objects.filter(pk=guide.pk), [GuidePage])
    assert type(found) is Page
    assert found.title == guide.title


def test_a_page_of_a_type_not_asked_for_comes_back_as_a_page(mixed):
    found = specific_pages(Page.objects.filter(pk__in=[page.pk for page in mixed]), [GuidePage])
    assert {type(page) for page in found} == {GuidePage, Page}
