"""Exit this page (templates/components/exit_this_page.html) on every public page of the demo,
in every language: the button, its skip link, its spoken messages in the reader's language,
and the "Cover your tracks" page beside it (hub settings)."""

import html
import re

import pytest
from wagtail.models import Page

from hub.public import public_pages

pytestmark = pytest.mark.django_db

# What GOV.UK Frontend's script says aloud (data-i18n.*), in each language.
SPOKEN = {
    "en": ["Loading.", "Exit this page expired.", "Shift, press 2 more times to exit."],
    "cy": ["Yn llwytho.", "Shift, pwyswch 2 waith eto i adael."],
    "pl": ["Wczytywanie.", "Shift: naciśnij jeszcze 2 razy, aby wyjść."],
    "ur": ["لوڈ ہو رہا ہے۔", "باہر نکلنے کے لیے Shift مزید 2 بار دبائیں۔"],
}
COVER_YOUR_TRACKS = {
    "en": ("/cover-your-tracks/", "Cover your tracks"),
    "cy": ("/cy/cuddio-eich-ol/", "Cuddio eich ôl"),
    "pl": ("/pl/zatrzyj-slady/", "Zatrzyj ślady"),
    "ur": ("/ur/cover-your-tracks/", "اپنے نشان مٹائیں"),
}


def every_public_address():
    """Every live page in every language, and the views that are not pages: search results,
    a topic page and a page that does not exist, under each language's prefix."""
    pages = [page.url for page in public_pages(Page.objects.filter(depth__gt=1))]
    views = ["/search/?q=court", "/tags/child-protection/", "/no-such-page/"]
    for prefix in ("", "/cy", "/pl", "/ur"):
        pages += [prefix + view for view in views]
    return pages


def language_of(address):
    found = re.match(r"/(cy|pl|ur)/", address)
    return found[1] if found else "en"


def test_every_public_page_in_every_language_has_exit_this_page_in_its_language(demo, client):
    addresses = every_public_address()
    assert len(addresses) > 60  # pages of every type in four languages, and the views
    for address in addresses:
        response = client.get(address)
        assert response.status_code == (404 if "no-such-page" in address else 200), address
        text = html.unescape(response.content.decode())
        language = language_of(address)
        assert text.count("govuk-exit-this-page__button") == 1, address
        assert "govuk-js-exit-this-page-skiplink" in text, address
        component = re.search(r'<div class="govuk-exit-this-page"[^>]*>', text)[0]
        for message in SPOKEN[language]:
            assert message in component, (address, message)
        url, title = COVER_YOUR_TRACKS[language]
        assert f'<a class="govuk-link" href="{url}">{title}</a>' in text, address


def test_the_exit_skip_link_comes_right_after_skip_to_main_content(demo, client):
    text = client.get("/pl/").content.decode()
    links = re.findall(r'<a href="([^"]*)" class="govuk-skip-link[^"]*"[^>]*>([^<]*)</a>', text)
    assert links == [
        ("#main-content", "Przejdź do treści głównej"),
        (
            "https://www.bbc.co.uk/weather",
            "Opuść tę stronę",
        ),
    ]


def test_cover_your_tracks_is_the_page_the_settings_name_not_a_fixed_address(demo, client):
    from wagtail.models import Site

    from hub.models import HubSettings

    settings = HubSettings.for_site(Site.objects.get(is_default_site=True))
    statement = Page.objects.get(url_path="/home/accessibility/")  # not translated in the demo
    settings.cover_your_tracks = statement
    settings.save()
    text = client.get("/guides/").content.decode()
    assert f'<a class="govuk-link" href="/accessibility/">{statement.title}</a></p>' in text
    assert "/cover-your-tracks/" not in text
    # An English page standing in for a translation says it is English.
    welsh = client.get("/cy/canllawiau/").content.decode()
    assert re.search(
        r'app-cover-your-tracks" lang="en" dir="ltr"><a [^>]*href="/accessibility/"', welsh
    )
    settings.cover_your_tracks = None
    settings.save()
    assert "app-cover-your-tracks" not in client.get("/guides/").content.decode()


def test_an_unpublished_cover_your_tracks_page_is_not_linked(demo, client):
    page = Page.objects.get(url_path="/home/cover-your-tracks/")
    for translation in page.get_translations(inclusive=True):
        translation.unpublish()
    assert "app-cover-your-tracks" not in client.get("/").content.decode()
