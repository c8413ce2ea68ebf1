"""The search index follows every change at once: no stale result, no missing one."""

import pytest
from wagtail.models import Locale

from guides.factories import GuideIndexPageFactory, GuidePageFactory
from tests.helpers.html import titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def guides(home):
    return GuideIndexPageFactory(parent=home, slug="guides")


def test_publishing_adds_a_page_and_editing_it_changes_what_is_found(guides, client):
    guide = GuidePageFactory(parent=guides, title="Sibling contact", live=False)
    assert titles(client, q="sibling") == []
    guide.save_revision().publish()
    assert titles(client, q="sibling") == ["Sibling contact"]
    guide.title = "Brothers and sisters"
    guide.save_revision().publish()
    assert titles(client, q="sibling") == []
    assert titles(client, q="brothers") == ["Brothers and sisters"]


def test_unpublishing_and_deleting_remove_a_page_at_once(guides, client):
    first = GuidePageFactory(parent=guides, title="Kinship care")
    second = GuidePageFactory(parent=guides, title="Kinship carers' allowance")
    assert sorted(titles(client, q="kinship")) == ["Kinship care", "Kinship carers' allowance"]
    first.unpublish()
    second.delete()
    assert titles(client, q="kinship") == []


def test_moving_a_page_keeps_it_findable_at_its_new_address(home, guides, client):
    guide = GuidePageFactory(parent=guides, title="Special guardianship")
    other = GuideIndexPageFactory(parent=home, slug="more-guides", title="More guides")
    guide.move(other, pos="last-child")
    html = client.get("/search/", {"q": "guardianship"}).content.decode()
    assert 'href="/more-guides/special-guardianship/"' in html


def test_a_published_translation_is_found_in_its_language_at_once(home, guides, client):
    from tests.helpers.translation import publish_translation

    guide = GuidePageFactory(parent=guides, title="Special guardianship")
    publish_translation(home, "cy")
    publish_translation(guides, "cy", {"guides": "canllawiau"})
    assert Locale.objects.filter(language_code="cy").exists()
    welsh = publish_translation(guide, "cy", {"Special guardianship": "Gwarcheidiaeth arbennig"})
    html = client.get("/cy/search/", {"q": "gwarcheidiaeth"}).content.decode()
    assert f'href="{welsh.url}"' in html
