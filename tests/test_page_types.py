"""Every page type: where editors may create it, and that it routes, renders and previews."""

from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase

from charter.factories import CoProductionCharterPageFactory, ParentRightsCharterPageFactory
from charter.models import CoProductionCharterPage, ParentRightsCharterPage
from events.factories import EventIndexPageFactory, EventPageFactory
from events.models import EventIndexPage, EventPage
from guides.factories import GuideIndexPageFactory, GuidePageFactory
from guides.models import GuideIndexPage, GuidePage
from home.factories import HomePageFactory, StandardPageFactory
from home.models import HomePage, StandardPage
from stories.factories import StoryIndexPageFactory, StoryPageFactory
from stories.models import StoryIndexPage, StoryPage
from tests.helpers import form_data

ALL_TYPES = {
    HomePage,
    StandardPage,
    CoProductionCharterPage,
    ParentRightsCharterPage,
    GuideIndexPage,
    GuidePage,
    EventIndexPage,
    EventPage,
    StoryIndexPage,
    StoryPage,
}


class PageTypeRulesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        root = Page.get_first_root_node()
        cls.home = HomePageFactory(parent=root)
        Site.objects.update_or_create(
            is_default_site=True, defaults={"root_page": cls.home, "hostname": "localhost"}
        )
        cls.standard = StandardPageFactory(parent=cls.home)
        cls.charter = CoProductionCharterPageFactory(parent=cls.home)
        cls.rights = ParentRightsCharterPageFactory(parent=cls.home)
        cls.guides = GuideIndexPageFactory(parent=cls.home)
        cls.guide = GuidePageFactory(parent=cls.guides)
        cls.events = EventIndexPageFactory(parent=cls.home)
        cls.event = EventPageFactory(parent=cls.events)
        cls.stories = StoryIndexPageFactory(parent=cls.home)
        cls.story = StoryPageFactory(parent=cls.stories)

    def test_the_home_page_sits_at_the_root_and_holds_the_sections(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                StandardPage,
                CoProductionCharterPage,
                ParentRightsCharterPage,
                GuideIndexPage,
                EventIndexPage,
                StoryIndexPage,
            },
        )

    def test_standard_pages_nest_under_the_home_page_and_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_charters_live_under_the_home_page_and_have_no_children(self):
        for charter in (CoProductionCharterPage, ParentRightsCharterPage):
            self.assertAllowedParentPageTypes(charter, {HomePage})
            self.assertAllowedSubpageTypes(charter, set())

    def test_each_content_page_can_only_be_created_in_its_own_index(self):
        for index, child in (
            (GuideIndexPage, GuidePage),
            (EventIndexPage, EventPage),
            (StoryIndexPage, StoryPage),
        ):
            self.assertAllowedParentPageTypes(child, {index})
            self.assertAllowedSubpageTypes(index, {child})
            self.assertAllowedSubpageTypes(child, set())
            for other in ALL_TYPES - {index}:
                self.assertCanNotCreateAt(other, child)

    def test_a_home_page_has_one_of_each_section_index_and_charter(self):
        for model in (
            GuideIndexPage,
            EventIndexPage,
            StoryIndexPage,
            CoProductionCharterPage,
            ParentRightsCharterPage,
        ):
            self.assertFalse(model.can_create_at(self.home), model.__name__)

    def test_every_page_type_is_routable_renderable_editable_and_previewable(self):
        pages = [
            self.home,
            self.standard,
            self.charter,
            self.rights,
            self.guides,
            self.guide,
            self.events,
            self.event,
            self.stories,
            self.story,
        ]
        self.assertEqual({type(p) for p in pages}, ALL_TYPES)
        for page in pages:
            with self.subTest(page=type(page).__name__):
                self.assertPageIsRoutable(page)
                self.assertPageIsRenderable(page)
                self.assertPageIsEditable(page, post_data=form_data.for_page(page))
                self.assertPageIsPreviewable(page, post_data=form_data.for_page(page))
