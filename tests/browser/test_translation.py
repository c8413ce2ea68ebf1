"""A translator in wagtail-localize's editor, in a real browser: the main button sends the
translation to parent review; it never publishes."""

import pytest
from playwright.sync_api import expect

from tests.helpers.browser import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def welsh_draft(live_home, people):
    """A live English story, with a Welsh translation started and one string translated."""
    from wagtail.models import Locale
    from wagtail_localize.models import Translation
    from wagtail_localize.operations import translate_object

    from stories.factories import StoryIndexPageFactory, StoryPageFactory

    story = StoryPageFactory(parent=StoryIndexPageFactory(parent=live_home), title="Letters")
    welsh = Locale.objects.get(language_code="cy")
    translate_object(story, [welsh])
    translation = Translation.objects.get(target_locale=welsh)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = "Llythyrau" if entry.msgid == "Letters" else f"[cy] {entry.msgid}"
    translation.import_po(po)
    return story.get_translation(welsh)


def test_comms_staff_send_a_translation_to_parent_review_from_the_editor(
    live_server, welsh_draft, page
):
    base = live_server.url
    sign_in(page, base, "comms")
    page.goto(f"{base}/admin/pages/{welsh_draft.pk}/edit/")

    send = page.get_by_role("button", name="Send to parent review: Welsh")
    expect(send).to_be_visible()
    expect(page.get_by_role("button", name="Publish in Welsh")).to_have_count(0)
    send.click()
    expect(
        page.get_by_text("The Welsh translation has been sent to parent review.")
    ).to_be_visible()

    welsh_draft.refresh_from_db()
    assert not welsh_draft.live
    assert welsh_draft.current_workflow_state.status == "in_progress"


@pytest.mark.parametrize(("username", "offered"), [("comms", 0), ("hubadmin", 1)])
def test_convert_to_alias_is_offered_only_to_those_who_may_publish(
    live_server, welsh_draft, page, username, offered
):
    """It puts the page live in Welsh with no parent review; its view refuses comms staff. Found
    in a walk: comms were offered it, then sent to the dashboard with "no permission", losing
    their place in the translation."""
    base = live_server.url
    sign_in(page, base, username)
    page.goto(f"{base}/admin/pages/{welsh_draft.pk}/edit/")
    expect(page.get_by_role("button", name="Send to parent review: Welsh")).to_be_visible()
    page.get_by_role("button", name="More actions").click()
    expect(page.get_by_text("Convert to alias page")).to_have_count(offered)
