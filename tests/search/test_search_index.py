"""The search index follows every change at once: no stale result, no missing one."""

import pytest
from django.core.management import call_command
from django.db import connection
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


# search/migrations/0004: on PostgreSQL, each entry of Wagtail's search index carries one stored
# vector (title weighted A, body B) that search/ranking.py matches and ranks on.
postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the weighted search vector is a PostgreSQL column; SQLite ranks with FTS5",
)


def vector_matches(page, tsquery):
    """Whether the page's index entry's weighted vector matches, and whether that vector is
    exactly its title at weight A and its body at weight B."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT hub_search_vector @@ to_tsquery(%s), "
            "hub_search_vector = setweight(title, 'A') || setweight(body, 'B') "
            "FROM wagtailsearch_indexentry WHERE object_id = %s",
            [tsquery, str(page.pk)],
        )
        rows = cursor.fetchall()
    assert rows, "the page has no index entry"
    assert all(up_to_date for _match, up_to_date in rows)
    return any(match for match, _up_to_date in rows)


def stale_vectors():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM wagtailsearch_indexentry "
            "WHERE hub_search_vector IS DISTINCT FROM setweight(title, 'A') || setweight(body, 'B')"
        )
        return cursor.fetchone()[0]


@postgres_only
def test_publishing_keeps_the_weighted_vector_right(guides):
    guide = GuidePageFactory(parent=guides, title="Sibling contact", live=False)
    guide.summary_text = "Seeing grandparents after care proceedings."
    guide.save_revision().publish()
    assert vector_matches(guide, "sibling:A")
    assert vector_matches(guide, "grandparents:B")
    assert not vector_matches(guide, "grandparents:A")

    guide.title = "Brothers and sisters"
    guide.save_revision().publish()
    assert not vector_matches(guide, "sibling")
    assert vector_matches(guide, "brothers:A")


@postgres_only
def test_update_index_keeps_the_weighted_vector_right(guides, client):
    guide = GuidePageFactory(parent=guides, title="Kinship care")
    call_command("update_index", verbosity=0)
    assert vector_matches(guide, "kinship:A")
    assert stale_vectors() == 0
    assert titles(client, q="kinship") == ["Kinship care"]
