"""Stories: every status, a reason when something was not possible, filters, updates and
promises kept."""

import pytest
from django.core.exceptions import ValidationError

from stories.factories import StoryIndexPageFactory, StoryPageFactory
from tests.helpers import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def stories(home):
    return StoryIndexPageFactory(parent=home)


def test_story_marked_not_possible_needs_a_reason(stories):
    story = StoryPageFactory.build(status="not_possible", not_possible_reason="  ")
    with pytest.raises(ValidationError) as error:
        story.clean()
    assert "Say why this was not possible" in str(error.value.message_dict["not_possible_reason"])


def test_the_editor_refuses_not_possible_without_a_reason_and_says_why(stories, admin_client):
    story = StoryPageFactory(parent=stories, status="done")
    data = form_data.nested_form_data(
        form_data.story_page(story, status="not_possible", not_possible_reason="")
    )
    response = admin_client.post(f"/admin/pages/{story.pk}/edit/", data)
    assert response.status_code == 200  # the form comes back with its errors, nothing saved
    assert "Say why this was not possible" in response.content.decode()
    story.refresh_from_db()
    assert story.status == "done"


def test_the_editor_refuses_a_date_parents_said_it_that_has_not_come_yet(stories, client, people):
    """Found in a walk: 12 March 2027 was taken on 1 December 2026."""
    import datetime

    from django.utils import timezone

    story = StoryPageFactory(parent=stories)
    said_on = story.said_on
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    client.force_login(people["comms"])
    data = form_data.nested_form_data(form_data.story_page(story, said_on=tomorrow.isoformat()))
    response = client.post(f"/admin/pages/{story.pk}/edit/", data)
    assert response.status_code == 200
    assert "has not come yet" in response.content.decode()
    story.refresh_from_db()
    assert story.said_on == said_on
    today = form_data.story_page(story, said_on=timezone.localdate().isoformat())
    assert (
        client.post(f"/admin/pages/{story.pk}/edit/", form_data.nested_form_data(today)).status_code
        == 302
    )


def test_the_editor_accepts_not_possible_with_a_reason(stories, admin_client):
    story = StoryPageFactory(parent=stories, status="done")
    data = form_data.nested_form_data(
        form_data.story_page(story, status="not_possible", not_possible_reason="The law says no.")
    )
    response = admin_client.post(f"/admin/pages/{story.pk}/edit/", data)
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.get_latest_revision_as_object().status == "not_possible"


def test_a_story_shows_its_status_as_a_govuk_tag_and_the_reason_when_not_possible(stories, client):
    story = StoryPageFactory(
        parent=stories, status="not_possible", not_possible_reason="Teachers cannot come then."
    )
    html = client.get(story.url).content.decode()
    assert '<strong class="govuk-tag govuk-tag--orange">Not possible</strong>' in html
    assert "Teachers cannot come then." in html


def test_a_story_links_to_the_charter_promises_it_keeps(home, stories, client):
    from charter.factories import CoProductionCharterPageFactory
    from stories.models import StoryPromise

    charter = CoProductionCharterPageFactory(parent=home)
    promise = charter.principles.first().promises.first()
    story = StoryPageFactory(parent=stories)
    story.promises_kept = [StoryPromise(promise=promise)]
    story.save()
    html = client.get(story.url).content.decode()
    assert f'href="{charter.url}#promise-{promise.anchor}"' in html


def test_a_story_lists_its_dated_updates_newest_first(stories, client):
    import datetime

    from stories.models import StoryUpdate

    story = StoryPageFactory(parent=stories)
    story.updates = [
        StoryUpdate(date=datetime.date(2026, 1, 5), text="Letters rewritten."),
        StoryUpdate(date=datetime.date(2026, 4, 2), text="Training started."),
    ]
    story.save()
    html = client.get(story.url).content.decode()
    assert html.index("Training started.") < html.index("Letters rewritten.")


def test_the_index_filters_by_status_and_tag_together(stories, client):
    done = StoryPageFactory(parent=stories, title="Done and about dads", status="done")
    done.tags.add("fathers")
    done.save()
    planned = StoryPageFactory(parent=stories, title="Planned and about dads", status="planned")
    planned.tags.add("fathers")
    planned.save()
    StoryPageFactory(parent=stories, title="Done but about cafés", status="done")

    html = client.get(stories.url, {"status": "done", "tag": "fathers"}).content.decode()
    assert "Done and about dads" in html
    assert "Planned and about dads" not in html
    assert "Done but about cafés" not in html
    assert "1 story" in html


@pytest.mark.parametrize(
    "query", [{"status": "nonsense"}, {"tag": "no-such-tag"}, {"page": "abc"}, {"page": "9999"}]
)
def test_bad_filters_still_show_a_page(stories, client, query):
    StoryPageFactory(parent=stories)
    response = client.get(stories.url, query)
    assert response.status_code == 200


@pytest.mark.parametrize(
    "story, charter",
    [
        ("/cy/dywedoch-chi-gwnaethom-ni/cynadleddau-gyda-r-nos/", "/cy/siarter-cydgynhyrchu/"),
        ("/cy/dywedoch-chi-gwnaethom-ni/adroddiadau-cyn-cynadleddau/", "/cy/siarter-cydgynhyrchu/"),
    ],
)
def test_a_translated_story_links_to_the_promises_in_its_readers_language(
    demo, client, story, charter
):
    """Found in two walks: a Welsh story listed its promises in English, linking to the English
    charter, though the Welsh charter has them."""
    from bs4 import BeautifulSoup

    page = BeautifulSoup(client.get(story).content, "html.parser")
    heading = page.find("h2", string="Addewidion y siarter mae hyn yn eu cadw")
    links = heading.find_next("ul").select("a")
    assert links
    for link in links:
        assert link["href"].startswith(charter + "#promise-"), link
        assert link.find_parent("li").get("lang") is None  # in the page's own language
        target = BeautifulSoup(client.get(charter).content, "html.parser")
        assert target.find(id=link["href"].split("#")[1]) is not None


def test_a_promise_whose_charter_is_not_translated_is_marked_as_english(home, stories, client):
    from wagtail.models import Locale
    from wagtail_localize.operations import translate_object

    from charter.factories import CoProductionCharterPageFactory
    from stories.models import StoryPromise

    charter = CoProductionCharterPageFactory(parent=home)
    promise = charter.principles.first().promises.first()
    story = StoryPageFactory(parent=stories, title="Evening meetings")
    story.promises_kept = [StoryPromise(promise=promise)]
    story.save_revision().publish()
    welsh = Locale.objects.get(language_code="cy")
    translate_object(stories, [welsh])
    stories.get_translation(welsh).save_revision().publish()
    translate_object(story, [welsh])
    welsh_story = story.get_translation(welsh)
    welsh_story.save_revision().publish()

    html = client.get(welsh_story.url).content.decode()

    assert f'<li lang="en" dir="ltr"><a class="govuk-link" href="{charter.url}#' in html
    assert "Yn Saesneg yn unig" in html  # "Only in English"


def test_an_english_story_listed_on_an_urdu_page_says_who_said_it_right_to_left(demo, client):
    """Found in a reader's walk: the Urdu "said by" line inside an English story read "The
    support café 2026 ستمبر ،نے کہا", left to right."""
    from bs4 import BeautifulSoup

    page = BeautifulSoup(client.get("/ur/").content, "html.parser")
    english = page.select("li.app-listing__item[lang=en]")
    said = [p for item in english for p in item.select(".app-listing__meta") if p.select("bdi")]
    assert said, "the demo's Urdu home page lists an English story"
    for meta in said:
        assert (meta["lang"], meta["dir"]) == ("ur", "rtl")
        group = meta.select_one("bdi")
        assert (group["lang"], group["dir"]) == ("en", "ltr")
    # Everything else in the reader's language inside an English item is right to left too.
    for item in english:
        for part in item.select("[lang=ur]"):
            if "app-language-note" not in part.get("class", []):
                assert part.get("dir") == "rtl", part


@pytest.fixture
def charter_in_two_languages(home):
    """The co-production charter, live in English and in Welsh."""
    from wagtail.models import Locale
    from wagtail_localize.operations import translate_object

    from charter.factories import CoProductionCharterPageFactory

    charter = CoProductionCharterPageFactory(parent=home)
    charter.save_revision().publish()
    welsh = Locale.objects.get(language_code="cy")
    translate_object(home, [welsh])
    translate_object(charter, [welsh])
    return charter, charter.get_translation(welsh)


def test_the_promise_picker_offers_only_promises_in_the_storys_language(
    charter_in_two_languages, stories, client, people
):
    """Found in a walk: every promise was offered once per language, look-alikes side by side."""
    from charter.models import Promise
    from stories.models import StoryPromise

    english, welsh = charter_in_two_languages
    kept = english.principles.first().promises.first()
    story = StoryPageFactory(parent=stories)
    story.promises_kept = [StoryPromise(promise=kept)]
    story.save_revision()
    client.force_login(people["comms"])
    response = client.get(f"/admin/pages/{story.pk}/edit/")
    formset = response.context["form"].formsets["promises_kept"]
    # The promise already chosen, and the blank one "Add" copies, offer the same choices.
    (chosen,) = formset.forms
    for form in (chosen, formset.empty_form):
        offered = {promise.pk for promise in form.fields["promise"].queryset}
        in_english = Promise.objects.filter(locale=english.locale).values_list("pk", flat=True)
        assert offered == set(in_english)
        assert offered >= {
            promise.pk for promise in Promise.objects.filter(principle__page=english)
        }
        assert not offered & {p.pk for p in Promise.objects.filter(principle__page=welsh)}
    assert chosen["promise"].value() == kept.pk
    assert Promise.objects.filter(principle__page=welsh).exists()


def test_a_promise_in_another_language_is_refused_with_a_message(
    charter_in_two_languages, stories, client, people
):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    english, welsh = charter_in_two_languages
    story = StoryPageFactory(parent=stories)
    welsh_promise = welsh.principles.first().promises.first()
    client.force_login(people["comms"])
    data = nested_form_data(
        form_data.story_page(story, promises_kept=inline_formset([{"promise": welsh_promise.pk}]))
    )
    response = client.post(f"/admin/pages/{story.pk}/edit/", data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    story.refresh_from_db()
    assert not story.promises_kept.exists()
