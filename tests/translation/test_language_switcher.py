"""The language switcher is on every page (hub.translation.reader.switcher_languages): on a
page that is not in every language, each missing language leads to its home page and says,
in that language, why. The page is the same for every reader, so it can be cached."""

import html
import re

import pytest

from events.factories import EventIndexPageFactory, EventPageFactory
from tests.helpers.translation import publish_translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(home):
    """An events list in four languages, one event only in English, one also in Welsh."""
    index = EventIndexPageFactory(parent=home, title="Events", slug="events")
    for code in ("cy", "pl", "ur"):
        publish_translation(home, code)
        publish_translation(index, code, {"events": f"events-{code}"})
    english_only = EventPageFactory(parent=index, title="Dads' group", slug="dads")
    forum = EventPageFactory(parent=index, title="Parents' forum", slug="forum")
    publish_translation(forum, "cy", {"Parents' forum": "Fforwm rhieni", "forum": "fforwm"})
    return {"english_only": english_only, "forum": forum}


def switcher_of(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    return re.search(
        r'<nav class="app-language-switcher".*?</nav>', response.content.decode(), re.S
    )[0]


def items(switcher):
    return [
        html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", item)).strip())
        for item in re.findall(r"<li .*?</li>", switcher, re.S)
    ]


def test_an_english_only_page_offers_each_languages_home_page_saying_why_in_it(client, events):
    switcher = switcher_of(client, "/events/dads/")
    assert items(switcher) == [
        "English",
        "Cymraeg: hafan (mae'r dudalen hon yn Saesneg yn unig)",
        "Polski: strona główna (ta strona jest tylko po angielsku)",
        "اردو: ہوم پیج (یہ صفحہ صرف انگریزی میں ہے)",
    ]
    assert re.search(
        r'<li [^>]*lang="pl" dir="ltr">\s*'
        r'<a [^>]*href="/pl/" hreflang="pl"[^>]*>Polski: strona główna<',
        switcher,
    )
    assert re.search(
        r'<li [^>]*lang="ur" dir="rtl">\s*<a [^>]*href="/ur/" hreflang="ur"[^>]*>اردو: ہوم پیج</a>',
        switcher,
    )


def test_a_page_in_some_languages_links_them_and_offers_home_for_the_rest(client, events):
    switcher = switcher_of(client, "/events/forum/")
    assert re.search(
        r'href="/cy/events-cy/fforwm/" hreflang="cy" lang="cy" dir="ltr">Cymraeg<', switcher
    )
    assert "Polski: strona główna (tej strony nie ma jeszcze po polsku)" in items(switcher)
    welsh = switcher_of(client, "/cy/events-cy/fforwm/")
    assert items(welsh)[:2] == ["English", "Cymraeg"]
    assert 'aria-current="true">Cymraeg<' in welsh


def test_a_page_in_every_language_links_only_its_versions(client, events):
    switcher = switcher_of(client, "/events/")
    assert items(switcher) == ["English", "Cymraeg", "Polski", "اردو"]
    assert "hafan" not in switcher


def test_a_language_whose_home_page_is_not_live_is_not_offered(client, events):
    from home.models import HomePage

    HomePage.objects.get(locale__language_code="pl").unpublish()
    assert [i for i in items(switcher_of(client, "/events/dads/")) if "Polski" in i] == []


def test_home_pages_are_not_offered_as_alternates_of_the_page(client, events):
    html = client.get("/events/dads/").content.decode()
    assert 'rel="alternate"' not in html


def test_every_reader_gets_the_same_page_whichever_hub_they_came_from(client, events):
    first = client.get("/events/dads/", HTTP_REFERER="http://testserver/pl/events-pl/")
    again = client.get(
        "/events/dads/", HTTP_REFERER="http://testserver/ur/", HTTP_ACCEPT_LANGUAGE="ur"
    )
    assert again["X-Hub-Cache"] == "hit"
    assert again.content == first.content
    assert "public" in again["Cache-Control"]
