"""The demo reads in every language all the way to the footer, with a Cover your tracks page
in each (home/demo/translations/)."""

import re

import pytest

pytestmark = pytest.mark.django_db


def footer_links(client, url):
    page = client.get(url).content.decode()
    footer = page[page.index("<footer") :]
    return re.findall(
        r'<li class="govuk-footer__inline-list-item"([^>]*)><a [^>]*href="([^"]+)"', footer
    )


@pytest.mark.parametrize("code", ["cy", "pl", "ur"])
def test_the_demo_footer_links_to_pages_in_the_readers_language(demo, client, code):
    links = footer_links(client, f"/{code}/")
    assert len(links) == 5
    *pages, (_marks, statement) = links
    assert all(href.startswith(f"/{code}/") and not marks for marks, href in pages), pages
    assert statement == "/accessibility/"  # not translated in the demo; its label is
    # ...so it says so, in the reader's language, as listings do (found in a walk).
    from bs4 import BeautifulSoup

    footer = BeautifulSoup(client.get(f"/{code}/").content, "html.parser").select_one("footer")
    last = footer.select(".govuk-footer__inline-list-item")[-1]
    assert last.select_one("a")["hreflang"] == "en"
    note = last.select_one(".app-language-note")
    assert note["lang"] == code and note.get_text(strip=True)
    assert all(not item.select(".app-language-note") for item in footer.select("li")[:-1][:4])


@pytest.mark.parametrize(
    ("code", "heading"),
    [
        ("cy", "Clirio eich hanes"),
        ("pl", "Wyczyść historię"),
        ("ur", "اپنی ہسٹری صاف کریں"),
        ("en", "Clear your history"),
        # Found in a walk: private browsing keeps downloaded leaflets and calendar entries.
        ("cy", "Lawrlwythiadau a digwyddiadau yn eich calendr"),
        ("pl", "Pobrane pliki i wydarzenia w kalendarzu"),
        ("ur", "ڈاؤن لوڈ اور کیلنڈر کے اندراجات"),
        ("en", "Downloads and calendar entries"),
    ],
)
def test_cover_your_tracks_is_in_every_language(demo, client, code, heading):
    home = "/" if code == "en" else f"/{code}/"
    page = client.get(home).content.decode()
    link = re.search(r'app-cover-your-tracks"><a class="govuk-link" href="([^"]+)"', page)[1]
    text = client.get(link).content.decode().replace("&#x27;", "'")
    assert "<h2" in text and heading in text
    for phone in ("Android", "iPhone", "Samsung Internet"):
        assert phone in text
