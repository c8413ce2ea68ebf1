"""Nothing reaches the public without parents' approval: no words, no files, no translation,
no venue, and nothing behind a privacy restriction. Each test tries a route around it, as a
member of a real group would."""

import json

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Locale, PageLogEntry, PageViewRestriction, WorkflowState
from wagtail_localize.models import Translation
from wagtail_localize.operations import translate_object

from events.factories import EventIndexPageFactory, EventPageFactory, VenueFactory
from guides.factories import GuideIndexPageFactory, GuidePageFactory
from hub.review.models import ParentReviewDecision
from hub.review.roles import COMMS_STAFF, PARENT_REVIEWERS
from stories.factories import StoryIndexPageFactory, StoryPageFactory
from tests.helpers import form_data
from tests.helpers.workflow import act, submit

pytestmark = pytest.mark.django_db
Document = get_document_model()


@pytest.fixture
def draft(home, people):
    """A story comms staff wrote and sent to parent review: never published."""
    story = StoryPageFactory(
        parent=StoryIndexPageFactory(parent=home), live=False, title="Letters to dads"
    )
    submit(story, people["comms"])
    return story


def post_edit(client, page, **changes):
    data = form_data.nested_form_data(form_data.story_page(page, **changes))
    return client.post(f"/admin/pages/{page.pk}/edit/", data)


# -- Parent reviewers review, and nothing more ---------------------------------------------


def test_a_parent_cannot_open_the_editor_or_save_a_rewrite_of_a_draft_in_review(
    draft, people, client
):
    client.force_login(people["parent_a"])
    assert client.get(f"/admin/pages/{draft.pk}/edit/").status_code == 403
    response = post_edit(client, draft, title="Words no comms staff wrote")
    assert response.status_code == 403
    assert draft.revisions.count() == 1
    assert draft.get_latest_revision().content["title"] == "Letters to dads"


def test_a_rewrite_by_a_parent_cannot_go_live_on_its_writers_approval_plus_one_more(
    draft, people, make_member
):
    """Someone who is both comms staff and a parent reviewer may edit, but never approve
    their own words: their approval plus one more parent's is not enough."""
    both = make_member("both", COMMS_STAFF, PARENT_REVIEWERS)
    draft.title = "Rewritten"
    rewrite = draft.save_revision(user=both)
    task = draft.current_workflow_task.specific
    assert task.get_actions(draft, both) == []
    with pytest.raises(Exception, match="wrote the draft"):
        act(draft, both, "approve")
    act(draft, people["parent_a"], "approve")
    assert not draft.live
    assert not ParentReviewDecision.objects.filter(reviewer=both).exists()
    act(draft, people["parent_b"], "approve")
    assert draft.live and draft.live_revision == rewrite  # two other parents approved it


def test_a_parent_cannot_cancel_a_review(draft, people, client):
    client.force_login(people["parent_a"])
    data = form_data.nested_form_data(
        {**form_data.story_page(draft), "action-cancel-workflow": "true"}
    )
    assert client.post(f"/admin/pages/{draft.pk}/edit/", data).status_code == 403
    assert draft.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_a_parent_cannot_lock_others_out_of_a_draft(draft, people, client):
    client.force_login(people["parent_a"])
    assert client.post(f"/admin/pages/{draft.pk}/lock/").status_code == 403
    draft.refresh_from_db()
    assert not draft.locked


@pytest.mark.parametrize(
    "url",
    [
        "/admin/api/main/documents/",
        "/admin/api/main/images/",
        "/admin/api/main/pages/",
        "/admin/localize/reports/translations/",
        "/admin/reports/translation-status/",
        "/admin/documents/",
        "/admin/pages/search/",
    ],
)
def test_a_parent_sees_no_admin_screen_or_api_beyond_reviewing(home, people, client, url):
    client.force_login(people["parent_a"])
    assert client.get(url).status_code == 403


def test_a_parent_cannot_edit_or_stop_a_translation(home, people, client):
    welsh = Locale.objects.get(language_code="cy")
    story = StoryPageFactory(parent=StoryIndexPageFactory(parent=home), title="Letters")
    translate_object(story, [welsh])
    translation = Translation.objects.get(target_locale=welsh)
    target = translation.get_target_instance()
    client.force_login(people["parent_a"])
    assert client.get(f"/admin/pages/{target.pk}/edit/").status_code == 403
    assert client.post(f"/admin/localize/translate/{translation.pk}/disable/").status_code == 403
    translation.refresh_from_db()
    assert translation.enabled


def test_a_decision_is_about_the_words_the_parent_read(draft, people):
    read = draft.get_latest_revision()
    draft.title = "Changed while the parent was reading"
    draft.save_revision(user=people["comms"])
    state = draft.current_workflow_task_state
    with pytest.raises(Exception, match="changed after you opened it"):
        state.task.specific.on_action(state, people["parent_a"], "approve", revision=read.pk)
    assert not ParentReviewDecision.objects.exists()


def test_the_review_preview_shows_the_latest_words_after_an_edit(draft, people, client):
    draft.title = "Letters to every parent"
    draft.save_revision(user=people["comms"])
    assert draft.current_workflow_task_state.revision == draft.get_latest_revision()
    client.force_login(people["parent_a"])
    state = draft.current_workflow_task_state
    html = client.get(f"/admin/parent-review/{state.pk}/draft/").content.decode()
    assert "Letters to every parent" in html


# -- Comms staff cannot change what is live -------------------------------------------------


@pytest.fixture
def leaflet(people):
    return Document.objects.create(
        title="Your rights leaflet",
        file=ContentFile(b"%PDF-1.4 rights", name="rights.pdf"),
        uploaded_by_user=people["comms"],
    )


@pytest.fixture
def guide_with_leaflet(home, leaflet):
    guide = GuidePageFactory(
        parent=GuideIndexPageFactory(parent=home),
        title="Your rights",
        downloads=downloads(leaflet),
    )
    guide.save_revision().publish()
    return guide


def test_comms_staff_cannot_swap_the_file_of_a_leaflet_a_live_page_uses(
    guide_with_leaflet, leaflet, people, client
):
    client.force_login(people["comms"])
    response = client.post(
        f"/admin/documents/edit/{leaflet.pk}/",
        {"title": leaflet.title, "file": ContentFile(b"%PDF-1.4 other", name="other.pdf")},
    )
    assert response.status_code == 200
    assert "Live pages use this file: “Your rights”." in response.content.decode()
    leaflet.refresh_from_db()
    assert leaflet.file.read() == b"%PDF-1.4 rights"


def test_comms_staff_are_told_a_leaflet_is_in_use_before_they_change_anything(
    guide_with_leaflet, leaflet, people, client
):
    """Found in a walk: the form said so only once a change was refused, and dropped it."""
    client.force_login(people["comms"])
    form = client.get(f"/admin/documents/edit/{leaflet.pk}/").content.decode()
    assert "Live pages use this file: “Your rights”. Its file and title cannot change" in form


def test_comms_staff_cannot_delete_a_leaflet_a_live_page_uses(
    guide_with_leaflet, leaflet, people, client
):
    client.force_login(people["comms"])
    client.post(f"/admin/documents/delete/{leaflet.pk}/")
    assert Document.objects.filter(pk=leaflet.pk).exists()


def test_comms_staff_may_delete_their_upload_nothing_uses(leaflet, people, client):
    client.force_login(people["comms"])
    client.post(f"/admin/documents/delete/{leaflet.pk}/")
    assert not Document.objects.filter(pk=leaflet.pk).exists()


def test_an_administrators_emergency_swap_is_recorded_as_published_without_review(
    guide_with_leaflet, leaflet, people, client
):
    client.force_login(people["admin"])
    response = client.post(
        f"/admin/documents/edit/{leaflet.pk}/",
        {
            "title": "Your rights leaflet (corrected)",
            "file": ContentFile(b"%PDF-1.4 fix", name="f.pdf"),
        },
    )
    assert response.status_code == 302
    html = client.get("/admin/reports/parent-review/published-without-review/").content.decode()
    assert "Your rights leaflet (corrected)" in html
    assert "Changed without parent review" in html


def test_comms_staff_cannot_move_or_delete_a_draft_someone_else_owns(home, people, make_member):
    other = make_member("other_comms", COMMS_STAFF)
    stories = StoryIndexPageFactory(parent=home)
    theirs = StoryPageFactory(parent=stories, live=False, owner=other)
    perms = theirs.permissions_for_user(people["comms"])
    assert perms.can_edit()
    assert not perms.can_delete()
    assert not perms.can_move()


def test_a_page_still_answers_when_a_leaflet_it_uses_is_deleted(
    guide_with_leaflet, leaflet, client
):
    from tests.helpers.translation import publish_translation

    publish_translation(guide_with_leaflet.get_parent().get_parent().specific, "cy")
    publish_translation(guide_with_leaflet.get_parent().specific, "cy")
    welsh = publish_translation(guide_with_leaflet, "cy")
    leaflet.delete()
    assert client.get(guide_with_leaflet.url).status_code == 200
    assert client.get(welsh.url).status_code == 200


# -- Restricted means restricted everywhere -------------------------------------------------


@pytest.fixture
def private_guide(home, client):
    """A live guide behind a password, featured on the home page, related to another guide,
    tagged, linked from the footer and a best bet."""
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    from home.models import HomePageFeaturedGuide
    from hub.models import HubSettings

    index = GuideIndexPageFactory(parent=home)
    secret = GuidePageFactory(parent=index, title="Hidden plans", slug="hidden-plans")
    secret.tags.add("court")
    secret.save_revision().publish()
    public = GuidePageFactory(parent=index, title="Open guide", slug="open-guide")
    public.related_guides.create(guide=secret)
    public.save_revision().publish()
    HomePageFeaturedGuide.objects.create(page=home, guide=secret)
    settings = HubSettings.for_site(home.get_site())
    settings.footer_links = [("link", {"page": secret, "label": ""})]
    settings.save()
    SearchPromotion.objects.create(query=Query.get("plans"), page=secret, sort_order=0)
    PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    return {"secret": secret, "public": public}


def test_a_password_protected_guide_appears_on_no_public_listing(private_guide, home, client):
    secret = private_guide["secret"]
    urls = [
        "/",
        private_guide["public"].url,
        secret.get_parent().url,
        "/search/?q=hidden+plans",
        "/search/?q=plans",
        "/search/suggest/?q=hidden",
        "/sitemap.xml",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert "Hidden plans" not in body, url
        assert "hidden-plans" not in body, url
    # The only page with this topic is private, so the topic itself is not public yet.
    assert client.get("/tags/court/").status_code == 404
    # The page itself asks for the password and shows nothing of the guide.
    page = client.get(secret.url).content.decode()
    assert 'type="password"' in page and "What happens, step by step." not in page


# -- Files are not public before parents approve ---------------------------------------------


def test_a_leaflet_for_an_unapproved_draft_answers_404_until_parents_approve_the_page(
    home, people, leaflet, client
):
    guide = GuidePageFactory(
        parent=GuideIndexPageFactory(parent=home),
        live=False,
        downloads=downloads(leaflet),
    )
    submit(guide, people["comms"])
    assert client.get(leaflet.url).status_code == 404
    client.force_login(people["parent_a"])  # reviewers read it in the preview
    assert client.get(leaflet.url).status_code == 200
    client.logout()

    act(guide, people["parent_a"], "approve")
    act(guide, people["parent_b"], "approve")
    assert guide.live
    response = client.get(leaflet.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 rights"

    client.force_login(people["admin"])
    client.post(f"/admin/pages/{guide.pk}/unpublish/", {})
    client.logout()
    assert client.get(leaflet.url).status_code == 404


def test_uploaded_files_are_never_served_from_the_media_folder_directly(leaflet, client):
    assert client.get(f"/media/{leaflet.file.name}").status_code == 404


def test_an_image_only_a_draft_uses_is_not_public_but_reviewers_see_it(home, people, client):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    image = get_image_model().objects.create(title="Picture", file=get_test_image_file())
    guide = GuidePageFactory(parent=GuideIndexPageFactory(parent=home), live=False)
    guide.steps = steps_with_picture(image)
    guide.save()
    guide.save_revision(user=people["comms"])
    rendition = image.get_rendition("width-800")
    for url in (image.file.url, rendition.url):
        assert client.get(url).status_code == 404, url
    client.force_login(people["parent_a"])
    assert client.get(rendition.url).status_code == 200
    client.logout()
    guide.get_latest_revision().publish()
    assert client.get(rendition.url).status_code == 200


def downloads(document):
    return json.dumps(
        [{"type": "download", "value": {"document": document.pk, "title": "", "description": ""}}]
    )


def steps_with_picture(image):
    picture = {"image": image.pk, "alt_text": "A hall", "decorative": False}
    return json.dumps(
        [
            {
                "type": "step",
                "value": {
                    "heading": "A picture",
                    "logic": "",
                    "summary": "A step with a picture.",
                    "body": [{"type": "image", "value": picture}],
                },
            }
        ]
    )


# -- The record tells the truth ---------------------------------------------------------------


def test_a_parent_approved_publish_is_not_listed_as_published_without_review(draft, people, client):
    state = draft.current_workflow_task_state
    decision = {"decision": "approve", "revision": draft.get_latest_revision().pk}
    for parent in ("parent_a", "parent_b"):  # through the review page, signed in
        client.force_login(people[parent])
        url = reverse("parent_review:review", args=[state.pk])
        assert client.post(url, {**decision, "confirmed": "on"}).status_code == 302
    draft.refresh_from_db()
    assert draft.live
    published = PageLogEntry.objects.filter(page=draft, action="hub.parent_review.published").get()
    assert published.user is None
    assert published.data["approved_by"] == ["parent_a", "parent_b"]
    assert published.revision_id == draft.live_revision_id
    assert not PageLogEntry.objects.filter(
        page=draft, action__in=["wagtail.publish", "wagtail.rename"], user__isnull=False
    ).exists()

    client.force_login(people["admin"])
    html = client.get("/admin/reports/parent-review/published-without-review/").content.decode()
    assert "Letters to dads" not in html


def test_an_unreviewed_scheduled_publish_is_listed_as_published_without_review(
    home, people, client
):
    import datetime

    from django.core.management import call_command
    from django.utils import timezone

    story = StoryPageFactory(parent=StoryIndexPageFactory(parent=home), live=False, title="Later")
    story.go_live_at = timezone.now() + datetime.timedelta(days=1)
    revision = story.save_revision(user=people["admin"])
    revision.publish(user=people["admin"])  # an administrator schedules it, unreviewed
    assert not story.live
    # A day later:
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save()
    call_command("publish_scheduled", verbosity=0)
    story.refresh_from_db()
    assert story.live
    client.force_login(people["admin"])
    html = client.get("/admin/reports/parent-review/published-without-review/").content.decode()
    assert "Later" in html and "No person: a schedule or a command" in html


# -- Translations: parents approve what the public will read --------------------------------


@pytest.fixture
def welsh_story(home, people):
    welsh = Locale.objects.get(language_code="cy")
    story = StoryPageFactory(parent=StoryIndexPageFactory(parent=home), title="Letters")
    translate_object(story, [welsh])
    translation = Translation.objects.get(target_locale=welsh)
    return translation, translation.get_target_instance()


def test_an_untranslated_translation_cannot_be_sent_for_review(welsh_story, people, client):
    translation, target = welsh_story
    client.force_login(people["comms"])
    response = client.post(f"/admin/pages/{target.pk}/edit/", {"action": "publish"}, follow=True)
    said = response.content.decode()
    assert "cannot go to parent review yet: 0 of" in said
    # Which texts, by their words (found in a walk: comms staff had to hunt for them).
    assert "Still to translate: “Letters”; " in said and " more." in said
    assert target.current_workflow_state is None


def test_a_partly_translated_translation_cannot_be_approved(welsh_story, people):
    translation, target = welsh_story
    submit(target, people["comms"])  # however it got there
    with pytest.raises(Exception, match="texts are translated"):
        act(target, people["parent_a"], "approve")


def test_comms_staff_send_corrected_words_while_a_translation_is_in_review(
    welsh_story, people, client
):
    translation, target = welsh_story
    po = translation.export_po()
    for entry in po:
        entry.msgstr = f"[cy] {entry.msgid}"
    translation.import_po(po)
    client.force_login(people["comms"])
    client.post(f"/admin/pages/{target.pk}/edit/", {"action": "publish"})
    target.refresh_from_db()
    assert target.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    act(target, people["parent_a"], "approve")

    html = client.get(f"/admin/pages/{target.pk}/edit/").content.decode()
    assert "Send to parent review: " in html and "&quot;canDelete&quot;: false" in html
    for entry in po:
        entry.msgstr = f"[cy, corrected] {entry.msgid}"
    translation.import_po(po)
    client.post(f"/admin/pages/{target.pk}/edit/", {"action": "publish"})
    target.refresh_from_db()
    latest = target.get_latest_revision()
    assert latest.content["title"] == "[cy, corrected] Letters"
    assert target.current_workflow_task_state.revision == latest  # parents read the new words
    act(target, people["parent_b"], "approve")
    assert not target.live  # parent A approved the old words, not these
    act(target, people["parent_a"], "approve")
    assert target.live and target.title == "[cy, corrected] Letters"


# -- Venues ------------------------------------------------------------------------------------


def test_a_venue_in_review_never_shows_on_a_public_page(home, people, client):
    venue = VenueFactory(name="Secret Hall", address="7 Hidden Lane", live=False)
    submit(venue, people["comms"])
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home), venue=venue)
    event.save_revision().publish()
    for url in (
        event.url,
        event.get_parent().url,
        "/",
        event.get_ics_url(),
        "/calendar/upcoming.ics",
    ):
        body = client.get(url).content.decode()
        assert "Secret Hall" not in body and "Hidden Lane" not in body, url
    assert "To be confirmed" in client.get(event.url).content.decode()
    act(venue, people["parent_a"], "approve")
    act(venue, people["parent_b"], "approve")
    assert "Secret Hall" in client.get(event.url).content.decode()


def test_a_live_venues_unapproved_changes_stay_off_the_public_page(home, people, client):
    venue = VenueFactory(name="Riverside Hall")
    venue.save_revision().publish()
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home), venue=venue)
    event.save_revision().publish()
    client.force_login(people["comms"])
    response = client.post(
        f"/admin/snippets/events/venue/edit/{venue.pk}/", venue_form(venue, name="Renamed")
    )
    assert response.status_code == 302
    venue.refresh_from_db()
    assert venue.get_latest_revision().content["name"] == "Renamed"  # saved, as a draft
    client.logout()
    assert "Riverside Hall" in client.get(event.url).content.decode()
    assert "Renamed" not in client.get(event.url).content.decode()


def venue_form(venue, **changes):
    """The venue editor's form data, as comms staff would post it."""
    data = {
        field.name: "" if getattr(venue, field.name) is None else getattr(venue, field.name)
        for field in venue._meta.fields
        if field.editable and field.name not in ("id", "locale", "translation_key", "live")
    }
    return {**data, **changes}


def test_the_reviewers_card_shows_the_language_and_how_much_is_translated(
    welsh_story, people, client
):
    translation, target = welsh_story
    po = translation.export_po()
    for entry in po:
        entry.msgstr = f"[cy] {entry.msgid}"
    translation.import_po(po)
    total = len(po)
    client.force_login(people["comms"])
    client.post(f"/admin/pages/{target.pk}/edit/", {"action": "publish"})
    client.force_login(people["parent_a"])
    html = client.get("/admin/", follow=True).content.decode()
    assert "You said, we did · Welsh · new page" in html
    assert f"Into Welsh: all {total} texts are translated." in html


def test_behind_a_web_server_the_app_checks_and_the_server_sends_the_bytes(
    guide_with_leaflet, settings, client
):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    settings.HUB_MEDIA_ACCEL_REDIRECT = "/protected-media/"
    image = get_image_model().objects.create(title="Picture", file=get_test_image_file())
    guide_with_leaflet.steps = steps_with_picture(image)
    guide_with_leaflet.save_revision().publish()
    rendition = image.get_rendition("width-800")
    response = client.get(rendition.url)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == "/protected-media/" + rendition.file.name
    assert response.content == b""
