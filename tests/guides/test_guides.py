"""Guides: numbered steps, Easy Read pairs, downloads, and the way out for a reader in a hurry."""

import pytest
from django.core.exceptions import ValidationError

from guides.factories import GuideIndexPageFactory, GuidePageFactory, steps
from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def guides(home):
    return GuideIndexPageFactory(parent=home)


def test_steps_are_numbered_and_and_or_steps_share_the_number_before(guides):
    guide = GuidePageFactory(
        parent=guides,
        steps=steps("Contact", "Assessment", "and: Get advice", "Conference", "or: Family meeting"),
    )
    numbered = [(s["number"], s["logic"], s["value"]["heading"]) for s in guide.numbered_steps]
    assert numbered == [
        (1, "", "Contact"),
        (2, "", "Assessment"),
        (2, "and", "Get advice"),
        (3, "", "Conference"),
        (3, "or", "Family meeting"),
    ]


def test_a_guide_shows_a_contents_list_linking_to_each_step(guides, client):
    guide = GuidePageFactory(parent=guides, steps=steps("Contact", "and: Get advice"))
    html = client.get(guide.url).content.decode()
    for step in guide.numbered_steps:
        assert f'href="#{step["anchor"]}"' in html
        assert f'id="{step["anchor"]}"' in html
    assert "Step 1: Contact" in html


def test_each_contents_link_leads_to_its_own_step_in_urdu_too(guides, client):
    """Urdu headings have no Latin letters: the anchors keep the Urdu ones, and an "and" step
    sharing its number never shares its anchor."""
    from bs4 import BeautifulSoup

    headings = ["رابطہ", "جائزہ", "and: مدد اور مشورہ لیں", "کانفرنس", "or: خاندانی گروپ کانفرنس"]
    guide = GuidePageFactory(parent=guides, steps=steps(*headings))
    page = BeautifulSoup(client.get(guide.url).content, "html.parser")
    ids = [tag["id"] for tag in page.select("[id]")]
    assert len(ids) == len(set(ids))
    links = page.select("nav.app-contents a")
    assert len(links) == 5
    for link in links:
        step = page.find(id=link["href"].removeprefix("#"))
        assert link.get_text(strip=True).split(": ")[-1] in step.get_text(), link
    assert guide.numbered_steps[1]["anchor"] == "step-2-جائزہ"


def test_contents_entries_read_as_headings_with_and_or_steps_under_their_step(guides, client):
    from bs4 import BeautifulSoup

    guide = GuidePageFactory(
        parent=guides,
        steps=steps("Contact", "Assessment", "and: Get advice", "Conference", "or: Family meeting"),
    )
    html = client.get(guide.url).content.decode()
    nav = BeautifulSoup(html, "html.parser").select_one("nav.app-contents")
    top = [li.a.get_text(" ", strip=True) for li in nav.select("ol.app-contents__list > li")]
    assert top == ["Step 1: Contact", "Step 2: Assessment", "Step 3: Conference"]
    nested = {
        li.a.get_text(strip=True): [a.get_text(strip=True) for a in li.select("ul a")]
        for li in nav.select("ol.app-contents__list > li")
    }
    assert nested["Step 2: Assessment"] == ["Get advice"]
    assert nested["Step 3: Conference"] == ["Family meeting"]
    for link in nav.select("a"):
        assert not link.get_text(strip=True).lower().startswith(("and", "or")), link


def test_contents_entries_are_in_the_readers_language(guides, client):
    from django.utils import translation

    guide = GuidePageFactory.build(steps=steps("Contact", "and: Get advice"))
    with translation.override("pl"):
        assert [str(e["label"]) for e in guide.contents] == ["Krok 1: Contact"]


def test_the_first_step_cannot_be_an_and_or_or_step(guides):
    guide = GuidePageFactory.build(steps=steps("and: Get advice", "Contact"))
    with pytest.raises(ValidationError) as error:
        guide.clean()
    assert "first step" in str(error.value.message_dict["steps"])


def test_easy_read_and_standard_versions_link_to_each_other(guides, client):
    standard = GuidePageFactory(parent=guides, title="Child protection")
    easy = GuidePageFactory(
        parent=guides,
        title="Child protection in short sentences",
        is_easy_read=True,
        standard_version=standard,
    )
    standard_html = client.get(standard.url).content.decode()
    assert f'<a class="govuk-link" href="{easy.url}">Read this guide in Easy Read</a>' in (
        standard_html
    )
    easy_html = client.get(easy.url).content.decode()
    assert f'<a class="govuk-link" href="{standard.url}">Read the full guide</a>' in easy_html
    # The page says it is the Easy Read version above its title (which does not say so).
    assert '<p class="govuk-caption-l">Easy Read</p>' in easy_html
    assert '<p class="govuk-caption-l">Easy Read</p>' not in standard_html


def test_the_guide_index_shows_each_easy_read_version_beside_its_standard_guide(guides, client):
    standard = GuidePageFactory(parent=guides, title="Child protection")
    easy = GuidePageFactory(
        parent=guides, title="Easy Read", is_easy_read=True, standard_version=standard
    )
    html = client.get(guides.url).content.decode()
    assert html.index(standard.url) < html.index(easy.url)
    assert "Easy Read version" in html


def test_the_guide_index_lists_an_easy_read_guide_without_its_standard_guide_on_its_own(
    guides, client
):
    # One with no standard version, one whose standard guide is not live: neither is lost.
    unpaired = GuidePageFactory(parent=guides, title="On its own", is_easy_read=True)
    draft = GuidePageFactory(parent=guides, title="Not out yet", live=False)
    orphan = GuidePageFactory(
        parent=guides, title="Its guide is a draft", is_easy_read=True, standard_version=draft
    )
    html = client.get(guides.url).content.decode()
    assert unpaired.url in html
    assert orphan.url in html
    assert draft.url not in html


def test_a_list_of_guides_does_not_read_their_steps(guides, home, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from guides.models import RelatedGuide
    from home.models import HomePageFeaturedGuide

    guide = GuidePageFactory(parent=guides, title="Child protection")
    related = GuidePageFactory(parent=guides, title="Care proceedings")
    RelatedGuide.objects.create(page=guide, guide=related)
    HomePageFeaturedGuide.objects.create(page=home, guide=guide)
    # The index lists both, the home page its featured guide, the guide its related guide.
    for url, listed_guide in ((guides.url, related), (home.url, guide), (guide.url, related)):
        with CaptureQueriesContext(connection) as queries:
            html = client.get(url).content.decode()
        assert f'href="{listed_guide.url}"' in html, url
        # The guide page reads its own steps (by its id), and no listed guide's. A join may
        # name the guides' table by an alias ("T3"."steps"); only guides have steps.
        listed = [q["sql"] for q in queries if '."steps"' in q["sql"]]
        assert len(listed) <= (1 if url == guide.url else 0), (url, listed)


def test_only_an_easy_read_guide_can_have_a_standard_version(guides):
    standard = GuidePageFactory(parent=guides)
    other = GuidePageFactory.build(standard_version=standard, is_easy_read=False)
    with pytest.raises(ValidationError) as error:
        other.clean()
    assert "Only an Easy Read guide" in str(error.value.message_dict["standard_version"])


def test_an_easy_read_guide_cannot_pair_with_another_easy_read_guide(guides):
    easy = GuidePageFactory(parent=guides, is_easy_read=True)
    other = GuidePageFactory.build(standard_version=easy, is_easy_read=True)
    with pytest.raises(ValidationError):
        other.clean()


def test_exit_this_page_is_on_every_page_a_reader_may_need_to_leave(guides, home, client):
    guide = GuidePageFactory(parent=guides)
    about = StandardPageFactory(parent=home)
    for url in (guide.url, about.url, home.url, guides.url, "/search/?q=court"):
        assert "govuk-exit-this-page__button" in client.get(url).content.decode(), url


def test_exit_this_page_goes_to_the_neutral_site_in_site_settings(guides, client):
    from wagtail.models import Site

    from hub.models import HubSettings

    settings = HubSettings.for_site(Site.objects.get(is_default_site=True))
    settings.exit_page_url = "https://weather.example.org/"
    settings.save()
    guide = GuidePageFactory(parent=guides)
    html = client.get(guide.url).content.decode()
    assert 'href="https://weather.example.org/" role="button"' in html


def test_downloads_show_their_file_type_and_size(guides, client):
    import json

    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    data = b"%PDF-1.4 " + b"x" * 2039
    document = Document(title="Your rights leaflet", file_size=len(data))
    document.file.save("rights.pdf", ContentFile(data), save=False)
    document.save()
    guide = GuidePageFactory(
        parent=guides,
        downloads=json.dumps(
            [{"type": "download", "value": {"document": document.pk, "description": "One page"}}]
        ),
    )
    html = client.get(guide.url).content.decode()
    assert "Your rights leaflet" in html
    assert "PDF, 2.0\xa0KB" in html


def a_leaflet(size=123456):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    data = b"%PDF-1.4 " + b"x" * (size - 9)
    document = Document(title="Your rights leaflet", file_size=len(data))
    document.file.save("rights.pdf", ContentFile(data), save=False)
    document.save()
    return document


def guide_linking(guides, document):
    import json

    words = f'<p>Read <a linktype="document" id="{document.pk}">the <b>rights</b> leaflet</a>.</p>'
    body = [{"type": "paragraph", "value": words}]
    step = {"heading": "Your rights", "logic": "", "summary": "Rights.", "body": body}
    return GuidePageFactory(parent=guides, steps=json.dumps([{"type": "step", "value": step}]))


def test_a_leaflet_linked_in_the_words_says_its_file_type_and_size_after_the_link(guides, client):
    from bs4 import BeautifulSoup

    document = a_leaflet()
    html = client.get(guide_linking(guides, document).url).content
    link = BeautifulSoup(html, "html.parser").find("a", href=document.url)
    assert link.get_text() == "the rights leaflet"
    assert link.find("b").get_text() == "rights"
    assert not [name for name in link.attrs if name.startswith("data-")]
    assert link.next_sibling == " "
    assert link.next_sibling.next_sibling.get_text() == "(PDF, 120.6\xa0KB)"


def test_a_linked_leaflet_s_size_is_written_the_readers_way(home, guides, client):
    from bs4 import BeautifulSoup

    from tests.helpers.translation import publish_translation

    document = a_leaflet()
    guide = guide_linking(guides, document)
    publish_translation(home, "pl")
    publish_translation(guides, "pl")
    polish = publish_translation(guide, "pl")
    page = BeautifulSoup(client.get(polish.url).content, "html.parser")
    assert page.find("a", href=document.url).parent.get_text().startswith("[pl] Read")
    assert page.select_one(".app-file-meta").get_text() == "(PDF, 120,6\xa0KB)"


def test_a_link_to_a_deleted_leaflet_keeps_its_words_without_a_broken_address(guides, client):
    document = a_leaflet()
    guide = guide_linking(guides, document)
    document.delete()
    response = client.get(guide.url)
    assert response.status_code == 200
    assert "<a>the <b>rights</b> leaflet</a>" in response.content.decode()


def test_rich_text_outside_a_guide_describes_its_leaflets_too(home, client):
    from wagtail.rich_text import RichText

    document = a_leaflet(size=2048)
    text = RichText(f'<p><a linktype="document" id="{document.pk}">Leaflet</a></p>')
    assert str(text) == (
        f'<p><a href="{document.url}">Leaflet</a> '
        '<span class="app-file-meta">(PDF, 2.0\xa0KB)</span></p>'
    )


def test_videos_are_links_with_a_transcript_never_an_embedded_player(guides, client):
    import json

    guide = GuidePageFactory(
        parent=guides,
        videos=json.dumps(
            [
                {
                    "type": "video",
                    "value": {
                        "title": "Your first conference",
                        "url": "https://video.example.org/watch/1",
                        "duration": "4 minutes",
                        "has_captions": True,
                        "transcript": "<p>Parents explain the conference.</p>",
                    },
                }
            ]
        ),
    )
    html = client.get(guide.url).content.decode()
    assert 'href="https://video.example.org/watch/1"' in html
    assert "Parents explain the conference." in html
    assert "<iframe" not in html


def test_related_guides_and_last_reviewed_date_are_shown(guides, client):
    import datetime

    from guides.models import RelatedGuide

    other = GuidePageFactory(parent=guides, title="Taking part")
    guide = GuidePageFactory(parent=guides, last_reviewed=datetime.date(2026, 10, 1))
    guide.related_guides = [RelatedGuide(guide=other)]
    guide.save()
    html = client.get(guide.url).content.decode()
    assert f'href="{other.url}"' in html
    assert "1 October 2026" in html


def test_every_guide_ends_with_who_to_call_999_first_then_the_partnership(guides, client):
    from bs4 import BeautifulSoup
    from wagtail.models import Site

    from hub.models import HubSettings

    guide = GuidePageFactory(parent=guides)
    section = (
        BeautifulSoup(client.get(guide.url).content, "html.parser")
        .select_one("#get-help-heading")
        .parent
    )
    # With no contact details in the settings, the 999 line stands alone.
    assert " ".join(section.select_one(".govuk-warning-text").get_text().split()) == (
        "! Warning If a child is in danger now, call 999."
    )
    assert section.select_one("a[href='tel:999']")
    assert not section.select("ul")

    settings = HubSettings.for_site(Site.objects.get(is_default_site=True))
    settings.contact_phone = "0300 000 0001"
    settings.contact_email = "talk@example.org"
    settings.save()
    section = (
        BeautifulSoup(client.get(guide.url).content, "html.parser")
        .select_one("#get-help-heading")
        .parent
    )
    assert [a["href"] for a in section.select("li a")] == [
        "tel:03000000001",
        "mailto:talk@example.org",
    ]


def test_an_easy_read_guide_gives_the_opening_hours_in_easy_read_where_the_home_page_has_them(
    guides, home, client
):
    from bs4 import BeautifulSoup
    from wagtail.models import Site

    from hub.models import HubSettings

    settings = HubSettings.for_site(Site.objects.get(is_default_site=True))
    settings.contact_phone = "0300 000 0001"
    settings.save()
    home.contact_hours = "Weekdays, 9am to 5pm, charged as a local call (01 or 02)."
    home.save_revision().publish()
    standard = GuidePageFactory(parent=guides, title="Meetings", slug="meetings")
    easy_read = GuidePageFactory(
        parent=guides, title="Meetings: Easy Read", slug="meetings-easy-read", is_easy_read=True
    )

    def hours(guide):
        html = client.get(guide.url).content
        section = BeautifulSoup(html, "html.parser").select_one("#get-help-heading").parent
        return section.select("p.govuk-body")[-1].get_text(" ", strip=True)

    # Not written in Easy Read yet: an Easy Read guide gives the hours as every page does.
    assert hours(easy_read) == "Weekdays, 9am to 5pm, charged as a local call (01 or 02)."

    home.contact_hours_easy_read = "Phone us Monday to Friday. We answer from 9 to 5."
    home.save_revision().publish()
    assert hours(easy_read) == "Phone us Monday to Friday. We answer from 9 to 5."
    assert hours(standard) == "Weekdays, 9am to 5pm, charged as a local call (01 or 02)."


def test_an_easy_read_guide_says_who_to_call_in_short_sentences(demo, client):
    from bs4 import BeautifulSoup

    html = client.get("/guides/child-protection-easy-read/").content
    section = BeautifulSoup(html, "html.parser").select_one("#get-help-heading").parent
    words = " ".join(section.get_text().split())
    assert "If a child is in danger now, call 999." in words
    assert "You can talk to us about your family. We can help you." in words
    assert "You can phone us from Monday to Friday." in words
    assert "free minutes" not in words


def test_who_to_call_is_in_the_readers_language(demo, client):
    from bs4 import BeautifulSoup

    html = client.get("/cy/canllawiau/amddiffyn-plant-ac-achosion-gofal/").content
    section = BeautifulSoup(html, "html.parser").select_one("#get-help-heading").parent
    words = " ".join(section.get_text().split())
    assert section.h2.get_text() == "Siaradwch â rhywun"
    assert "Os yw plentyn mewn perygl nawr, ffoniwch 999." in words
    assert "cysylltwch â ni." in words
    html = client.get("/cy/canllawiau/amddiffyn-plant-hawdd-ei-ddeall/").content
    section = BeautifulSoup(html, "html.parser").select_one("#get-help-heading").parent
    assert "Gallwch ein ffonio o ddydd Llun i ddydd Gwener." in section.get_text()


def test_a_translated_guide_says_which_leaflets_are_in_english(demo, client):
    """Until a translator chooses a translated leaflet, a Welsh guide links to the English one,
    and says so beside it, in Welsh."""
    from bs4 import BeautifulSoup
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from guides.models import GuidePage

    def leaflets(url):
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        return [
            " ".join(p.get_text().split())
            for p in soup.select("#downloads-heading ~ .app-download p:first-child")
        ]

    english = "/guides/child-protection-and-care-proceedings/"
    welsh = "/cy/canllawiau/amddiffyn-plant-ac-achosion-gofal/"
    assert all("(" not in leaflet for leaflet in leaflets(english))
    shown = leaflets(welsh)
    assert shown and all(leaflet.endswith("(yn Saesneg)") for leaflet in shown), shown

    # A translated leaflet chosen for the Welsh page is not marked.
    page = GuidePage.objects.get(url_path__endswith="/amddiffyn-plant-ac-achosion-gofal/")
    cymraeg = get_document_model()(title="Eich hawliau")
    cymraeg.file.save("hawliau.pdf", ContentFile(b"%PDF-1.4 Cymraeg"), save=True)
    downloads = page.downloads.raw_data
    downloads[0]["value"]["document"] = cymraeg.pk
    page.downloads = downloads
    page.save_revision().publish()
    shown = leaflets(welsh)
    assert not shown[0].endswith("(yn Saesneg)") and shown[1].endswith("(yn Saesneg)"), shown
