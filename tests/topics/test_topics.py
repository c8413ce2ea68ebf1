"""Hub administrators curate topics: rename and merge without losing what they tag, and name
each topic in every language. A topic's name is public the moment it is saved, so comms staff
(who cannot publish) cannot change it."""

import pytest
from bs4 import BeautifulSoup
from taggit.models import Tag

from guides.factories import GuideIndexPageFactory, GuidePageFactory
from hub.topics.models import TopicName
from stories.factories import StoryIndexPageFactory, StoryPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tagged(home):
    guide = GuidePageFactory(parent=GuideIndexPageFactory(parent=home), title="Court")
    story = StoryPageFactory(parent=StoryIndexPageFactory(parent=home), title="Leaflet")
    guide.tags.add("court")
    guide.save_revision().publish()
    story.tags.add("courts", "court")
    story.save_revision().publish()
    return {"guide": guide, "story": story}


def tags_of(page):
    fresh = page.specific_class.objects.get(pk=page.pk)
    return sorted(tag.name for tag in fresh.tags.all())


def topic_form(tag, **changes):
    data = {"name": tag.name, "slug": tag.slug, "name_cy": "", "name_pl": "", "name_ur": ""}
    return {**data, **changes}


def test_administrators_rename_a_topic_and_its_old_address_redirects(tagged, client, people):
    tag = Tag.objects.get(slug="courts")
    client.force_login(people["admin"])
    response = client.post(
        f"/admin/snippets/taggit/tag/edit/{tag.pk}/",
        topic_form(tag, name="family court", slug="family-court", name_cy="llys teulu"),
    )
    assert response.status_code == 302
    assert tags_of(tagged["story"]) == ["court", "family court"]
    old = client.get("/tags/courts/")
    assert old.status_code == 301 and old["Location"] == "/tags/family-court/"
    assert client.get("/cy/tags/courts/")["Location"] == "/cy/tags/family-court/"
    assert TopicName.objects.get(tag=tag, language_code="cy").name == "llys teulu"


def test_administrators_merge_two_topics_without_losing_a_page(tagged, client, people):
    source, target = Tag.objects.get(slug="courts"), Tag.objects.get(slug="court")
    older = tagged["story"].get_latest_revision()
    client.force_login(people["admin"])
    assert client.get(f"/admin/snippets/taggit/tag/merge/{source.pk}/").status_code == 200
    response = client.post(f"/admin/snippets/taggit/tag/merge/{source.pk}/", {"target": target.pk})
    assert response.status_code == 302
    assert not Tag.objects.filter(slug="courts").exists()
    assert tags_of(tagged["story"]) == ["court"]  # once, not twice
    assert client.get("/tags/courts/")["Location"] == "/tags/court/"
    # An older revision no longer names the deleted topic: publishing it still works.
    older.refresh_from_db()
    older.publish()
    assert tags_of(tagged["story"]) == ["court"]


def test_a_topic_cannot_be_merged_into_itself(tagged, client, people):
    tag = Tag.objects.get(slug="court")
    client.force_login(people["admin"])
    response = client.post(f"/admin/snippets/taggit/tag/merge/{tag.pk}/", {"target": tag.pk})
    assert response.status_code == 200 and b"Select a valid choice" in response.content


@pytest.mark.parametrize("role, status", [("comms", 302), ("parent_a", 403)])
def test_comms_staff_and_parents_cannot_rename_or_merge_a_live_topic(
    tagged, client, people, role, status
):
    source, target = Tag.objects.get(slug="courts"), Tag.objects.get(slug="court")
    client.force_login(people[role])
    merge = client.post(f"/admin/snippets/taggit/tag/merge/{source.pk}/", {"target": target.pk})
    rename = client.post(
        f"/admin/snippets/taggit/tag/edit/{source.pk}/", topic_form(source, name="anything")
    )
    # Wagtail sends comms staff back to the dashboard; parents meet the reviewer allow-list.
    assert (merge.status_code, rename.status_code) == (status, status)
    assert Tag.objects.get(pk=source.pk).name == "courts"
    assert tags_of(tagged["story"]) == ["court", "courts"]


def test_topics_show_in_the_readers_language_or_marked_as_english(tagged, client, home):
    from tests.helpers.translation import publish_translation

    TopicName.objects.create(tag=Tag.objects.get(slug="court"), language_code="cy", name="llys")
    publish_translation(home, "cy")
    publish_translation(tagged["story"].get_parent().specific, "cy", {})
    welsh = publish_translation(tagged["story"], "cy", {})
    html = client.get(welsh.url).content.decode()
    assert '<li><a class="govuk-link" href="/cy/tags/court/">llys</a></li>' in html
    assert (
        '<li lang="en" dir="ltr"><a class="govuk-link" href="/cy/tags/courts/">courts</a></li>'
        in html
    )
    page = client.get("/cy/tags/court/").content.decode()
    assert ">llys</h1>" in page


def test_the_topics_list_counts_pages_and_offers_merge(tagged, client, people):
    client.force_login(people["admin"])
    html = client.get("/admin/snippets/taggit/tag/").content.decode()
    merge = f"/admin/snippets/taggit/tag/merge/{Tag.objects.get(slug='courts').pk}/"
    assert merge in html
    assert "Pages tagged" in html
    # "court" tags the guide and the story; "courts" the story only.
    rows = [
        [cell.get_text(" ", strip=True) for cell in row.find_all("td")]
        for row in BeautifulSoup(html, "html.parser").select("table.listing tbody tr")
    ]
    counts = {cells[2]: cells[3] for cells in rows}
    assert counts == {"court": "2", "courts": "1"}
