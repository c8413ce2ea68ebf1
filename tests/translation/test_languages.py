"""Every family in its own language: the switcher, hreflang, direction, interface text, and
English shown (and marked) only where no translation exists."""

import datetime
import re
from pathlib import Path

import polib
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.operations import translate_object

from events.factories import EventIndexPageFactory, EventPageFactory
from guides.factories import GuideIndexPageFactory, GuidePageFactory
from hub.translation.languages import parse_languages
from tests.helpers.translation import publish_translation

pytestmark = pytest.mark.django_db
LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"


@pytest.fixture
def guides(home):
    index = GuideIndexPageFactory(parent=home, title="Guides", slug="guides")
    court = GuidePageFactory(parent=index, title="Going to court", slug="court")
    letters = GuidePageFactory(parent=index, title="Letters you may get", slug="letters")
    publish_translation(home, "cy")
    publish_translation(index, "cy", {"guides": "canllawiau", "Guides": "Canllawiau"})
    welsh_court = publish_translation(
        court, "cy", {"Going to court": "Mynd i'r llys", "court": "llys"}
    )
    return {"index": index, "court": court, "welsh_court": welsh_court, "letters": letters}


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_the_switcher_offers_only_the_languages_the_page_is_live_in(client, guides):
    # A Polish draft exists but is not live: not offered.
    translate_object(guides["court"], [Locale.objects.get(language_code="pl")])
    html = html_of(client, "/guides/court/")
    switcher = re.search(r'<nav class="app-language-switcher".*?</nav>', html, re.S)[0]
    assert 'aria-current="true">English</span>' in switcher
    assert re.search(
        r'<a [^>]*href="/cy/canllawiau/llys/" hreflang="cy" lang="cy" dir="ltr">Cymraeg</a>',
        switcher,
    )
    assert "Polski" not in switcher and "اردو" not in switcher


def test_a_page_in_one_language_has_no_alternates_but_keeps_a_switcher(client, guides):
    html = html_of(client, "/guides/letters/")
    assert 'rel="alternate" hreflang' not in html
    # The switcher stays, with the Welsh home page (tests/translation/test_language_switcher.py).
    assert 'href="/cy/" hreflang="cy" aria-describedby="language-why-cy">Cymraeg: hafan</a>' in html


def test_every_translation_is_linked_with_hreflang_and_english_is_the_default(client, guides):
    html = html_of(client, "/cy/canllawiau/llys/")
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))
    assert alternates == {
        "en": "http://testserver/guides/court/",
        "x-default": "http://testserver/guides/court/",
        "cy": "http://testserver/cy/canllawiau/llys/",
    }


def test_html_lang_and_direction_follow_the_language(client, guides):
    publish_translation(guides["court"].get_parent().get_parent().specific, "ur")
    assert '<html lang="en" dir="ltr"' in html_of(client, "/guides/court/")
    assert '<html lang="cy" dir="ltr"' in html_of(client, "/cy/canllawiau/llys/")
    urdu = html_of(client, "/ur/")
    assert '<html lang="ur" dir="rtl"' in urdu
    assert "/static/css/hub-rtl.css" in urdu and "/static/css/hub.css" not in urdu


def test_interface_text_and_dates_are_in_the_readers_language(client, home):
    events = EventIndexPageFactory(parent=home, slug="events")
    event = EventPageFactory(
        parent=events,
        slug="forum",
        start=timezone.make_aware(datetime.datetime(2031, 12, 3, 10, 0)),
        end=timezone.make_aware(datetime.datetime(2031, 12, 3, 12, 0)),
    )
    event.save_revision().publish()
    publish_translation(home, "cy")
    publish_translation(events, "cy", {"events": "digwyddiadau"})
    publish_translation(event, "cy", {"forum": "fforwm"})
    html = html_of(client, "/cy/digwyddiadau/fforwm/")
    assert "Neidio i'r prif gynnwys" in html  # skip link
    assert "Gadael y dudalen hon" in html  # exit this page
    assert "Dydd Mercher 3 Rhagfyr 2031, 10:00" in html
    polish = publish_translation(home, "pl")
    assert "Przejdź do treści głównej" in html_of(client, polish.url)


def test_listings_fall_back_to_english_and_say_so(client, guides):
    html = html_of(client, "/cy/canllawiau/")
    welsh = re.search(r'<li class="app-listing__item">\s*<h2[^>]*><a[^>]*>Mynd i&#x27;r llys', html)
    assert welsh, "the Welsh guide is listed in Welsh, unmarked"
    english = re.search(
        r'<li class="app-listing__item" lang="en" dir="ltr">.*?Letters you may get.*?</li>',
        html,
        re.S,
    )
    assert english and "Saesneg yn unig" in english[0]
    assert "Going to court" not in html  # its Welsh version stands in for it


def test_search_in_welsh_finds_welsh_pages_and_english_ones_only_where_untranslated(client, guides):
    from tests.helpers.html import titles

    assert titles(client, "/cy/search/", q="llys") == ["Mynd i'r llys"]
    english_only = html_of(client, "/cy/search/?q=letters")
    assert "Letters you may get" in re.sub(r"<[^>]+>", "", english_only)
    assert "Saesneg yn unig" in english_only
    assert "Going to court" not in titles(client, "/cy/search/", q="court")


def test_the_calendar_feed_is_in_the_readers_language_and_marks_english_events(client, home):
    events = EventIndexPageFactory(parent=home, slug="events")
    EventPageFactory(
        parent=events, title="Parents' forum", start=timezone.now() + datetime.timedelta(days=3)
    )
    publish_translation(home, "cy")
    feed = client.get("/cy/calendar/upcoming.ics").content.decode()
    assert "SUMMARY;LANGUAGE=en:Parents' forum" in feed
    assert ": digwyddiadau" in feed  # the calendar's name, in Welsh


def test_the_sitemap_lists_every_language_with_its_alternates(client, guides):
    xml = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://localhost/cy/canllawiau/llys/</loc>" in xml
    assert (
        '<xhtml:link rel="alternate" hreflang="cy" href="http://localhost/cy/canllawiau/llys/"/>'
        in xml
    )
    assert (
        '<xhtml:link rel="alternate" hreflang="x-default" href="http://localhost/guides/court/"/>'
        in xml
    )


def test_languages_come_from_configuration():
    languages, rtl = parse_languages("en, cy, ro, ar, so:Soomaali, ps:پښتو:rtl")
    assert [code for code, _ in languages] == ["en", "cy", "ro", "ar", "so", "ps"]
    assert rtl == ["ar", "ps"]
    with pytest.raises(ImproperlyConfigured, match="does not know the language 'xx'"):
        parse_languages("en,xx")
    with pytest.raises(ImproperlyConfigured, match="twice"):
        parse_languages("en,cy,cy")


def test_every_configured_language_has_a_locale():
    assert set(Locale.objects.values_list("language_code", flat=True)) >= {"en", "cy", "pl", "ur"}


@pytest.mark.parametrize("language", ["cy", "pl", "ur"])
def test_the_interface_is_translated_in_full_with_placeholders_kept(language):
    catalogue = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))
    assert catalogue.percent_translated() == 100
    assert not catalogue.fuzzy_entries()
    for entry in catalogue:
        placeholders = set(re.findall(r"%\(\w+\)s", entry.msgid))
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for text in translations:
            assert set(re.findall(r"%\(\w+\)s", text)) == placeholders, entry.msgid


def test_alt_text_and_download_titles_are_translated_with_the_page(client, home):
    import json

    from wagtail_factories import DocumentFactory, ImageFactory

    from home.factories import StandardPageFactory

    image, leaflet = ImageFactory(title="meeting.png"), DocumentFactory(title="rights.pdf")
    body = [
        {
            "type": "image",
            "value": {"image": image.pk, "alt_text": "Parents around a table", "decorative": False},
        },
        {
            "type": "download",
            "value": {"document": leaflet.pk, "title": "Your rights", "description": "One page"},
        },
    ]
    page = StandardPageFactory(parent=home, slug="about", body=json.dumps(body))
    page.save_revision().publish()
    publish_translation(home, "cy")
    welsh = publish_translation(
        page,
        "cy",
        {
            "Parents around a table": "Rhieni o amgylch bwrdd",
            "Your rights": "Eich hawliau",
            "about": "amdanom",
        },
    )
    html = html_of(client, welsh.url)
    assert 'alt="Rhieni o amgylch bwrdd"' in html
    assert ">Eich hawliau</a>" in html


def test_a_translated_guide_and_its_translated_easy_read_version_link_to_each_other(client, guides):
    from guides.models import GuidePage

    easy = GuidePageFactory(
        parent=guides["index"],
        title="Court: Easy Read",
        slug="court-easy-read",
        is_easy_read=True,
        standard_version=guides["court"],
    )
    welsh_easy = publish_translation(
        GuidePage.objects.get(pk=easy.pk), "cy", {"court-easy-read": "llys-hawdd"}
    )
    standard = html_of(client, "/cy/canllawiau/llys/")
    assert f'href="{welsh_easy.url}"' in standard
    easy_html = html_of(client, welsh_easy.url)
    assert 'href="/cy/canllawiau/llys/"' in easy_html


def test_the_fallback_works_with_plain_values_for_search_engines_outside_the_database(guides):
    from django.utils import translation
    from wagtail.models import Page

    from hub.translation.reader import in_reader_language

    with translation.override("cy"):
        pages = Page.objects.live().public()
        by_subquery = set(in_reader_language(pages).values_list("title", flat=True))
        by_values = set(in_reader_language(pages, as_values=True).values_list("title", flat=True))
    assert by_subquery == by_values
    assert {"Mynd i'r llys", "Letters you may get"} <= by_values
    assert "Going to court" not in by_values
