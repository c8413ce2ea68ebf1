"""Every public page type of the demo hub, in every language it is live in, by address."""

from django.conf import settings
from wagtail.models import Locale

from charter.models import CoProductionCharterPage, ParentRightsCharterPage
from events.models import EventIndexPage, EventPage
from guides.models import GuideIndexPage, GuidePage
from home.models import HomePage, StandardPage
from stories.models import StoryIndexPage, StoryPage

PAGE_TYPES = {
    "home": (HomePage, {}),
    "guide index": (GuideIndexPage, {}),
    "guide": (GuidePage, {"is_easy_read": False}),
    "Easy Read guide": (GuidePage, {"is_easy_read": True}),
    "event index": (EventIndexPage, {}),
    "event": (EventPage, {"venue__isnull": False}),
    "story index": (StoryIndexPage, {}),
    "story": (StoryPage, {"status": "not_possible"}),
    "co-production charter": (CoProductionCharterPage, {}),
    "parent rights charter": (ParentRightsCharterPage, {}),
    "information page": (StandardPage, {}),
}
SEARCH_WORDS = {"en": "conference", "cy": "cynhadledd", "pl": "konferencja", "ur": "کانفرنس"}


def demo_pages_by_language():
    """{(page type, language): path} for every page type the demo has in each language (the
    English page where a type has no translation is not listed again), with search, a topic
    page and the 404 page in every language."""
    pages = {}
    for code, _name in settings.LANGUAGES:
        locale = Locale.objects.get(language_code=code)
        prefix = "" if code == settings.LANGUAGE_CODE else f"/{code}"
        for name, (model, filters) in PAGE_TYPES.items():
            page = model.objects.live().public().filter(locale=locale, **filters).first()
            if page is not None:
                pages[name, code] = page.url
        pages["search", code] = f"{prefix}/search/?q={SEARCH_WORDS.get(code, 'court')}"
        pages["tag page", code] = f"{prefix}/tags/child-protection/"
        pages["404", code] = f"{prefix}/no-such-page/"
    return pages
