"""The footer and the labels in lists in the reader's language: each footer link goes to the
page's translation with its translated title when one is live; "Free" is translated."""

import json

import pytest
from wagtail.models import Site

from home.factories import StandardPageFactory
from hub.models import HubSettings
from tests.helpers.translation import publish_translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def footer_pages(home):
    contact = StandardPageFactory(parent=home, title="Contact us", slug="contact")
    privacy = StandardPageFactory(parent=home, title="Privacy notice", slug="privacy")
    forums = StandardPageFactory(parent=home, title="Forums and groups", slug="forums")
    statement = StandardPageFactory(parent=home, title="Accessibility", slug="accessibility")
    settings = HubSettings.for_site(Site.objects.get(is_default_site=True))
    settings.footer_links = json.dumps(
        [
            {"type": "link", "value": {"page": contact.pk, "label": ""}},
            {"type": "link", "value": {"page": privacy.pk, "label": "Privacy"}},
            {"type": "link", "value": {"page": forums.pk, "label": ""}},
        ]
    )
    settings.accessibility_statement = statement
    settings.save()
    for code, words in {
        "cy": {"Contact us": "Cysylltu â ni", "Privacy notice": "Hysbysiad preifatrwydd"},
        "ur": {"Contact us": "ہم سے رابطہ کریں", "Privacy notice": "رازداری کا نوٹس"},
    }.items():
        publish_translation(home, code)
        publish_translation(contact, code, {**words, "contact": f"contact-{code}"})
        publish_translation(privacy, code, {**words, "privacy": f"privacy-{code}"})
    return home


def footer_items(client, url):
    from bs4 import BeautifulSoup

    footer = BeautifulSoup(client.get(url).content, "html.parser").select_one("footer")
    return footer.select("li.govuk-footer__inline-list-item")


def footer_links(client, url):
    """(label, address, the label's language if not the reader's) for each footer link."""
    return [
        (item.a.get_text(), item.a["href"], item.get("lang", ""))
        for item in footer_items(client, url)
    ]


def test_footer_links_to_pages_only_in_english_say_so(client, footer_pages):
    """Found in a walk: the Welsh footer's accessibility statement led to English unannounced."""
    marked = {
        item.a["href"]: (item.a.get("hreflang"), item.select_one(".app-language-note").get_text())
        for item in footer_items(client, "/cy/")
        if item.select_one(".app-language-note")
    }
    assert marked == {
        "/forums/": ("en", "Yn Saesneg yn unig"),
        "/accessibility/": ("en", "Yn Saesneg yn unig"),
    }


def test_in_welsh_the_footer_links_to_welsh_pages_by_their_welsh_titles(client, footer_pages):
    assert footer_links(client, "/cy/") == [
        ("Cysylltu â ni", "/cy/contact-cy/", ""),
        ("Hysbysiad preifatrwydd", "/cy/privacy-cy/", ""),  # not the English label "Privacy"
        ("Forums and groups", "/forums/", "en"),  # no Welsh version yet: English, marked
        ("Datganiad hygyrchedd", "/accessibility/", ""),  # the interface's own words
    ]


def test_in_urdu_the_footer_links_to_urdu_pages_by_their_urdu_titles(client, footer_pages):
    assert footer_links(client, "/ur/") == [
        ("ہم سے رابطہ کریں", "/ur/contact-ur/", ""),
        ("رازداری کا نوٹس", "/ur/privacy-ur/", ""),
        ("Forums and groups", "/forums/", "en"),
        ("رسائی کا بیان", "/accessibility/", ""),
    ]
    assert 'lang="en" dir="ltr"><a class="govuk-footer__link" href="/forums/"' in (
        client.get("/ur/").content.decode()
    )


def test_in_english_the_footer_keeps_the_labels_the_settings_give(client, footer_pages):
    assert [text for text, _href, _lang in footer_links(client, "/")] == [
        "Contact us",
        "Privacy",
        "Forums and groups",
        "Accessibility statement",
    ]


def test_a_translation_taken_down_puts_the_english_page_back_in_the_footer(client, footer_pages):
    from home.models import StandardPage

    StandardPage.objects.get(slug="contact-cy").unpublish()
    assert footer_links(client, "/cy/")[0] == ("Contact us", "/contact/", "en")


@pytest.mark.parametrize(("code", "free"), [("cy", "Am ddim"), ("ur", "مفت")])
def test_free_events_say_free_in_the_readers_language_even_when_only_in_english(
    client, home, code, free
):
    from events.factories import EventIndexPageFactory, EventPageFactory

    index = EventIndexPageFactory(parent=home, title="Events", slug="events")
    EventPageFactory(parent=index, title="Dads' group", slug="dads", cost="Free")
    EventPageFactory(parent=index, title="Training day", slug="training", cost="£5 with lunch")
    publish_translation(home, code)
    publish_translation(index, code, {"events": f"events-{code}"})
    page = client.get(f"/{code}/events-{code}/").content.decode()
    # Inside an English item, marked with its language and direction.
    direction = "rtl" if code == "ur" else "ltr"
    assert f'<span lang="{code}" dir="{direction}">{free}</span>' in page
    # A price an editor wrote stays as written (its number read left to right in Urdu).
    assert '<bdi dir="ltr">£5</bdi> with lunch' in page
    assert ">Free<" not in page
    english = client.get("/events/dads/").content.decode()
    assert '<dd class="govuk-summary-list__value">Free</dd>' in english
