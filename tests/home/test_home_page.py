"""The home page: featured guides, what is coming up, the latest stories and the charter in
brief."""

import datetime

import pytest
from django.utils import timezone

from charter.factories import CoProductionCharterPageFactory
from events.factories import EventIndexPageFactory, EventPageFactory
from guides.factories import GuideIndexPageFactory, GuidePageFactory
from home.models import HomePageFeaturedGuide
from stories.factories import StoryIndexPageFactory, StoryPageFactory

pytestmark = pytest.mark.django_db


def test_the_home_page_shows_the_next_three_upcoming_events_soonest_first(home, client):
    events = EventIndexPageFactory(parent=home)
    now = timezone.now()
    for days, title in ((-3, "Past"), (9, "Third"), (2, "First"), (30, "Fourth"), (5, "Second")):
        EventPageFactory(parent=events, title=title, start=now + datetime.timedelta(days=days))
    html = client.get(home.url).content.decode()
    assert html.index("First") < html.index("Second") < html.index("Third")
    assert "Fourth" not in html and ">Past<" not in html


def test_the_home_page_shows_featured_guides_in_the_editors_order(home, client):
    guides = GuideIndexPageFactory(parent=home)
    a = GuidePageFactory(parent=guides, title="Guide A")
    b = GuidePageFactory(parent=guides, title="Guide B")
    HomePageFeaturedGuide.objects.create(page=home, guide=b, sort_order=0)
    HomePageFeaturedGuide.objects.create(page=home, guide=a, sort_order=1)
    html = client.get(home.url).content.decode()
    assert html.index("Guide B") < html.index("Guide A")


def test_the_home_page_shows_the_latest_stories_with_their_status(home, client):
    stories = StoryIndexPageFactory(parent=home)
    for n in range(4):
        StoryPageFactory(parent=stories, title=f"Story {n}").save_revision().publish()
    html = client.get(home.url).content.decode()
    assert "Story 3" in html and "Story 0" not in html
    assert "govuk-tag" in html


def test_the_latest_stories_are_the_last_said_as_on_the_stories_page(home, client):
    """A story published today about what parents said long ago is not the latest."""
    import datetime

    stories = StoryIndexPageFactory(parent=home)
    for title, said in (("Spring", (2026, 4, 1)), ("Old", (2024, 1, 1)), ("Summer", (2026, 7, 1))):
        StoryPageFactory(
            parent=stories, title=title, said_on=datetime.date(*said)
        ).save_revision().publish()
    StoryPageFactory(
        parent=stories, title="Older", said_on=datetime.date(2023, 1, 1)
    ).save_revision().publish()
    html = client.get(home.url).content.decode()
    shown = [t for t in ("Summer", "Spring", "Old", "Older") if f">{t}<" in html]
    assert shown == ["Summer", "Spring", "Old"]
    assert html.index(">Summer<") < html.index(">Spring<") < html.index(">Old<")


def test_the_home_page_sums_up_the_charters_principles(home, client):
    charter = CoProductionCharterPageFactory(
        parent=home, principles=[("Trust", ["p"]), ("Voice", ["q"])]
    )
    html = client.get(home.url).content.decode()
    assert f'href="{charter.url}#principle-trust">Trust</a>' in html
    assert f'href="{charter.url}#principle-voice">Voice</a>' in html


def test_the_home_page_has_a_search_box(home, client):
    html = client.get(home.url).content.decode()
    assert 'action="/search/"' in html and 'name="q"' in html


def test_the_home_page_tab_title_is_the_site_name_once(client, home):
    from bs4 import BeautifulSoup
    from wagtail.models import Site

    from hub.models import HubSettings

    settings = HubSettings.for_site(Site.objects.get(is_default_site=True))
    settings.organisation_name = "Kingsbrook Parent Partnership"
    settings.save()
    home.seo_title = "Kingsbrook Parent Partnership"
    home.save_revision().publish()
    html = client.get("/").content.decode()
    title = BeautifulSoup(html, "html.parser").title.get_text(strip=True)
    assert title == "Kingsbrook Parent Partnership"


def test_other_pages_tab_titles_end_with_the_site_name(client, home):
    from bs4 import BeautifulSoup
    from wagtail.models import Site

    from home.factories import StandardPageFactory
    from hub.models import HubSettings

    settings = HubSettings.for_site(Site.objects.get(is_default_site=True))
    settings.organisation_name = "Kingsbrook Parent Partnership"
    settings.save()
    page = StandardPageFactory(parent=home, title="About us")
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    title = BeautifulSoup(html, "html.parser").title.get_text(strip=True)
    assert title == "About us – Kingsbrook Parent Partnership"


def test_the_home_page_leads_to_rights_every_section_and_a_person_to_talk_to(home, client):
    """Found in a reader's walk: on a phone, rights, all events and all guides were only behind
    the closed menu; the home page linked three of each and the co-production charter."""
    from bs4 import BeautifulSoup
    from wagtail.models import Site

    from charter.factories import ParentRightsCharterPageFactory
    from hub.models import HubSettings

    sections = {
        "Your rights, and how to complain": ParentRightsCharterPageFactory(parent=home),
        "See all guides": GuideIndexPageFactory(parent=home),
        "See all events": EventIndexPageFactory(parent=home),
        "See all stories": StoryIndexPageFactory(parent=home),
    }
    for section in sections.values():
        section.show_in_menus = True
        section.save_revision().publish()
    GuidePageFactory(parent=sections["See all guides"])  # the featured list shows with a guide
    HomePageFeaturedGuide.objects.create(
        page=home, guide=GuidePageFactory(parent=sections["See all guides"])
    )
    hub = HubSettings.for_site(Site.objects.get(is_default_site=True))
    hub.contact_phone = "0300 000 0000"
    hub.save()

    main = BeautifulSoup(client.get("/").content, "html.parser").main
    for words, section in sections.items():
        assert main.find("a", string=words)["href"] == section.url, words
    talk = main.find(string=lambda text: text and "Talk to us:" in text).find_next("a")
    assert talk["href"] == "tel:03000000000"
