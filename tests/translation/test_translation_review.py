"""Comms staff translate in wagtail-localize's editor; nothing translated reaches the public
until parent reviewers approve it, exactly like an English page."""

import io
import re

import polib
import pytest
from wagtail.models import Locale, WorkflowState
from wagtail_localize.models import StringTranslation, Translation

from stories.factories import StoryIndexPageFactory, StoryPageFactory
from tests.helpers.workflow import act

pytestmark = pytest.mark.django_db


@pytest.fixture
def welsh():
    return Locale.objects.get(language_code="cy")


@pytest.fixture
def story(home, people):
    """A live English story, published after parent review long ago."""
    return StoryPageFactory(
        parent=StoryIndexPageFactory(parent=home), title="Letters", said_summary="Too long."
    )


def translate(client, user, page, locale):
    """Comms staff press "Translate this page" and choose the language."""
    client.force_login(user)
    response = client.post(
        f"/admin/localize/submit/page/{page.pk}/", {"locales": [locale.pk]}, follow=False
    )
    assert response.status_code == 302, response.content[:500]
    return page.get_translation(locale)


def put_words(page, locale, words):
    """Sets each English text's translation, as the editor does when a translator types."""
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locale
    )
    po = translation.export_po()
    for entry in po:
        entry.msgstr = words.get(entry.msgid, f"[cy] {entry.msgid}")
    translation.import_po(po)
    return translation


def send_to_review(client, user, translated):
    client.force_login(user)
    response = client.post(f"/admin/pages/{translated.pk}/edit/", {"action": "publish"})
    assert response.status_code == 302
    translated.refresh_from_db()
    return response


def approve_twice(translated, people):
    act(translated, people["parent_a"], "approve")
    act(translated, people["parent_b"], "approve")


def public_title(client, page):
    client.logout()
    html = client.get(page.get_url()).content.decode()
    return re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)[1].strip()


def test_a_new_translation_of_a_live_page_starts_as_a_draft(client, people, story, welsh):
    translated = translate(client, people["comms"], story, welsh)
    assert not translated.live
    assert client.get(f"/cy/you-said-we-did/{translated.slug}/").status_code == 404


def test_comms_staff_send_a_translation_to_parent_review_and_two_parents_publish_it(
    client, people, story, welsh
):
    translated = translate(client, people["comms"], story, welsh)
    put_words(story, welsh, {"Letters": "Llythyrau"})

    client.force_login(people["comms"])
    editor = client.get(f"/admin/pages/{translated.pk}/edit/").content.decode()
    # wagtail-localize hides its main button from people who cannot publish; for them it
    # becomes the way to send the translation to parent review.
    assert "Send to parent review: " in editor
    assert "props.perms.canPublish = true" in editor  # see tests/browser/test_translation.py

    send_to_review(client, people["comms"], translated)
    assert not translated.live
    assert translated.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert translated.get_latest_revision().content["title"] == "Llythyrau"

    act(translated, people["parent_a"], "approve")
    assert not translated.live
    act(translated, people["parent_b"], "approve")
    assert translated.live
    assert public_title(client, translated) == "Llythyrau"


def test_an_administrator_publishing_from_the_editor_sends_it_to_review_too(
    client, people, story, welsh
):
    translated = translate(client, people["admin"], story, welsh)
    put_words(story, welsh, {"Letters": "Llythyrau"})
    send_to_review(client, people["admin"], translated)
    assert not translated.live
    assert translated.current_workflow_state is not None


def test_a_parent_reviewer_cannot_send_a_translation_anywhere(client, people, story, welsh):
    translated = translate(client, people["comms"], story, welsh)
    client.force_login(people["parent_a"])
    response = client.post(f"/admin/pages/{translated.pk}/edit/", {"action": "publish"})
    assert response.status_code == 403  # reviewers never reach the editor
    translated.refresh_from_db()
    assert translated.current_workflow_state is None
    assert not translated.live


def test_a_changed_translation_stays_as_the_public_saw_it_until_parents_approve_it(
    client, people, story, welsh
):
    translated = translate(client, people["comms"], story, welsh)
    put_words(story, welsh, {"Letters": "Llythyrau"})
    send_to_review(client, people["comms"], translated)
    approve_twice(translated, people)
    assert public_title(client, translated) == "Llythyrau"

    # The English page changes and is published; comms staff sync the translation.
    story.title = "Letters from children's services"
    story.save_revision(user=people["admin"]).publish(user=people["admin"])
    client.force_login(people["comms"])
    source_id = Translation.objects.get(target_locale=welsh).source_id
    response = client.post(f"/admin/localize/update/{source_id}/", {})
    assert response.status_code == 302

    put_words(story, welsh, {"Letters from children's services": "Llythyrau gan y gwasanaethau"})
    send_to_review(client, people["comms"], translated)
    translated.refresh_from_db()
    assert translated.live
    assert translated.has_unpublished_changes
    assert public_title(client, translated) == "Llythyrau"  # the approved words, still

    approve_twice(translated, people)
    assert public_title(client, translated) == "Llythyrau gan y gwasanaethau"


def test_syncing_translations_offers_no_way_to_publish_them_straight_away(
    client, people, story, welsh
):
    translated = translate(client, people["comms"], story, welsh)
    source_id = Translation.objects.get(target_locale=welsh).source_id
    client.force_login(people["admin"])
    form = client.get(f"/admin/localize/update/{source_id}/").content.decode()
    assert 'name="publish_translations"' not in form
    client.post(f"/admin/localize/update/{source_id}/", {"publish_translations": "on"})
    translated.refresh_from_db()
    assert not translated.live


def test_a_translator_exports_a_po_file_and_imports_it_back(client, people, story, welsh):
    translated = translate(client, people["comms"], story, welsh)
    translation = Translation.objects.get(target_locale=welsh)
    client.force_login(people["comms"])

    response = client.get(f"/admin/localize/translate/{translation.pk}/pofile/download/")
    assert response.status_code == 200
    po = polib.pofile(response.content.decode())
    assert {"Letters", "Too long."} <= {entry.msgid for entry in po}

    sent_back = {"Letters": "Llythyrau", "Too long.": "Rhy hir."}
    for entry in po:  # what the outside translator sends back: every text translated
        entry.msgstr = sent_back.get(entry.msgid, f"[cy] {entry.msgid}")
    upload = io.BytesIO(str(po).encode())
    upload.name = "story-cy.po"
    response = client.post(
        f"/admin/localize/translate/{translation.pk}/pofile/upload/",
        {"file": upload, "next": f"/admin/pages/{translated.pk}/edit/"},
    )
    assert response.status_code == 302
    stored = {t.translation_of.data: t.data for t in StringTranslation.objects.filter(locale=welsh)}
    assert stored["Letters"] == "Llythyrau" and stored["Too long."] == "Rhy hir."

    send_to_review(client, people["comms"], translated)
    approve_twice(translated, people)
    client.logout()
    html = client.get(translated.get_url()).content.decode()
    assert "Llythyrau" in html and "Rhy hir." in html


def test_a_venue_translation_goes_through_review_as_well(client, people, welsh):
    from wagtail_localize.operations import translate_object

    from events.factories import VenueFactory

    venue = VenueFactory(name="Riverside Family Hub")
    venue.save_revision().publish()
    translate_object(venue, [welsh])
    welsh_venue = venue.get_translation(welsh)
    assert not welsh_venue.live
    put_words(venue, welsh, {"Riverside Family Hub": "Hwb Teulu Glan yr Afon"})
    client.force_login(people["comms"])
    response = client.post(
        f"/admin/snippets/events/venue/edit/{welsh_venue.pk}/", {"action": "publish"}
    )
    assert response.status_code == 302
    welsh_venue.refresh_from_db()
    assert not welsh_venue.live
    approve_twice(welsh_venue, people)
    welsh_venue.refresh_from_db()
    assert welsh_venue.live and welsh_venue.name == "Hwb Teulu Glan yr Afon"


def report_row(client, title):
    response = client.get("/admin/reports/translation-status/")
    assert response.status_code == 200
    rows = re.findall(r"<tr.*?</tr>", response.content.decode(), re.S)
    return next(row for row in rows if re.search(rf">\s*{re.escape(title)}\s*<", row))


def test_the_translation_status_report_says_what_is_up_to_date_out_of_date_or_missing(
    client, people, story, welsh
):
    translated = translate(client, people["comms"], story, welsh)
    put_words(story, welsh, {"Letters": "Llythyrau"})
    send_to_review(client, people["comms"], translated)
    client.force_login(people["comms"])
    row = report_row(client, "Letters")
    assert "Missing" in row and "In parent review" in row

    approve_twice(translated, people)
    client.force_login(people["comms"])
    row = report_row(client, "Letters")
    cells = re.findall(r"<td.*?</td>", row, re.S)
    welsh_cell, polish_cell, urdu_cell = cells[1:4]  # languages in code order: cy, pl, ur
    assert "Up to date" in welsh_cell
    assert "Missing" in polish_cell
    assert f"/admin/localize/submit/page/{story.pk}/" in polish_cell

    story.title = "Letters"  # any English change, published, makes the translation out of date
    story.save_revision(user=people["admin"]).publish(user=people["admin"])
    row = report_row(client, "Letters")
    welsh_cell = re.findall(r"<td.*?</td>", row, re.S)[1]
    assert "Out of date" in welsh_cell and "The English page changed since." in welsh_cell
    source_id = Translation.objects.get(target_locale=welsh).source_id
    assert f"/admin/localize/update/{source_id}/" in welsh_cell

    client.post(f"/admin/localize/update/{source_id}/", {})  # synced, not yet approved
    welsh_cell = re.findall(r"<td.*?</td>", report_row(client, "Letters"), re.S)[1]
    assert "Out of date" in welsh_cell and "not translated and live yet" in welsh_cell


def test_only_translators_and_administrators_see_the_translation_status_report(client, people):
    client.force_login(people["parent_a"])
    assert client.get("/admin/reports/translation-status/").status_code == 403
    client.force_login(people["admin"])
    assert client.get("/admin/reports/translation-status/").status_code == 200


def test_the_translation_editor_says_when_the_english_has_changed(client, people, story, welsh):
    translated = translate(client, people["comms"], story, welsh)
    put_words(story, welsh, {"Letters": "Llythyrau"})
    send_to_review(client, people["comms"], translated)
    approve_twice(translated, people)
    client.force_login(people["comms"])
    editor = client.get(f"/admin/pages/{translated.pk}/edit/").content.decode()
    assert "This translation is out of date" not in editor

    story.save_revision(user=people["admin"]).publish(user=people["admin"])
    editor = client.get(f"/admin/pages/{translated.pk}/edit/").content.decode()
    assert "This translation is out of date: The English page changed since." in editor
    assert "/admin/localize/update/" in editor


def test_a_venues_approved_yes_and_no_answers_reach_every_language_at_once(
    people, welsh, monkeypatch
):
    """Found in a comms walk: parents approved "hearing loop: no" for the English venue, and
    the Welsh event page still said "Oes" (yes) until someone re-translated the venue. Facts
    are the same in every language; the translator's words wait for the translator."""
    from wagtail_localize.operations import translate_object

    from events.factories import VenueFactory
    from tests.helpers.workflow import submit

    venue = VenueFactory(name="Riverside Family Hub", hearing_loop="yes", access_notes="")
    venue.save_revision().publish()
    translate_object(venue, [welsh])
    # The Welsh venue, translated and live (as two parents approved it).
    put_words(venue, welsh, {"Riverside Family Hub": "Hwb Teulu Glan yr Afon"}).save_target(
        publish=True
    )
    welsh_venue = venue.get_translation(welsh)
    assert welsh_venue.live and welsh_venue.name == "Hwb Teulu Glan yr Afon"

    venue.hearing_loop = "no"
    venue.accessible_parking_bays = 3
    venue.access_notes = "The hearing loop is broken until March."
    submit(venue, people["comms"])
    welsh_venue.refresh_from_db()
    assert welsh_venue.hearing_loop == "yes"  # nothing changes before parents approve
    # The page cache must be emptied after the copy, not only before it (an administrator's
    # publish runs outside a transaction): what the Welsh row says at each emptying.
    from events.models import Venue
    from hub.caching import changes

    welsh_at_each_emptying = []
    emptying = changes.changed

    def changed(*pages, everything=False):
        welsh_at_each_emptying.append(Venue.objects.get(pk=welsh_venue.pk).hearing_loop)
        emptying(*pages, everything=everything)

    monkeypatch.setattr(changes, "changed", changed)
    approve_twice(venue, people)
    assert welsh_at_each_emptying[-1] == "no"

    welsh_venue.refresh_from_db()
    assert (welsh_venue.hearing_loop, welsh_venue.accessible_parking_bays) == ("no", 3)
    assert welsh_venue.access_notes == ""  # words wait for their translation
    assert welsh_venue.name == "Hwb Teulu Glan yr Afon"
    # A Welsh translation published later, from a draft with the old answer, still takes the
    # approved facts.
    welsh_venue.hearing_loop = "yes"
    welsh_venue.save_revision().publish()
    welsh_venue.refresh_from_db()
    assert welsh_venue.hearing_loop == "no"
