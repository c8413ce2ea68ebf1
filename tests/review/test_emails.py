"""Who is emailed about parent review, and what they are told."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from hub.review.models import ParentReviewDecision, ReviewEmailPreference
from hub.review.roles import COMMS_STAFF
from stories.factories import StoryIndexPageFactory, StoryPageFactory
from tests.helpers.workflow import act, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(home, people):
    page = StoryPageFactory(
        parent=StoryIndexPageFactory(parent=home), live=False, title="Letters to dads"
    )
    page.save_revision(user=people["comms"])
    return page


@pytest.fixture
def mail(mailoutbox, django_capture_on_commit_callbacks):
    """The emails sent by each step, once its transaction commits."""

    def run(step, *args, **kwargs):
        mailoutbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            step(*args, **kwargs)
        return {m.to[0].split("@")[0]: m for m in mailoutbox}

    return run


def test_every_parent_reviewer_hears_something_waits_but_not_the_author(story, people, mail):
    sent = mail(submit, story, people["comms"])
    assert set(sent) == {"parent_a", "parent_b", "parent_c"}
    message = sent["parent_a"]
    assert message.subject == "Please review: Letters to dads"
    assert "Comms has asked parent reviewers" in message.body
    assert "It is a new page: it has never been on the website." in message.body
    assert "It needs 2 approvals" in message.body
    # Straight to the draft's review page.
    state = story.current_workflow_task_state
    assert f"http://testserver/admin/parent-review/{state.pk}/" in message.body


def test_superusers_hear_of_submissions_only_if_they_opt_in(story, people, mail):
    assert "super" not in mail(submit, story, people["comms"])
    story.current_workflow_state.cancel(user=people["comms"])
    ReviewEmailPreference.objects.create(user=people["super"], review_requests=True)
    assert "super" in mail(submit, story, people["comms"])


def test_a_parent_reviewer_who_submits_is_not_mailed_about_their_own_submission(home, people, mail):
    people["parent_c"].groups.add(Group.objects.get(name=COMMS_STAFF))
    page = StoryPageFactory(parent=StoryIndexPageFactory(parent=home), live=False)
    page.save_revision(user=people["parent_c"])
    assert set(mail(submit, page, people["parent_c"])) == {"parent_a", "parent_b"}


def test_the_author_hears_of_each_approval_with_its_comment(story, people, mail):
    mail(submit, story, people["comms"])
    sent = mail(act, story, people["parent_a"], "approve", comment="Kind and clear.")
    assert set(sent) == {"comms"}
    assert sent["comms"].subject == "Approved by Parent_A: Letters to dads"
    assert 'They said: "Kind and clear."' in sent["comms"].body
    assert "It needs 1 more approval" in sent["comms"].body


def test_an_approval_without_a_comment_is_still_reported(story, people, mail):
    mail(submit, story, people["comms"])
    sent = mail(act, story, people["parent_a"], "approve")
    assert "They said" not in sent["comms"].body


def test_the_author_hears_it_is_live_with_every_approvers_comment(story, people, mail):
    mail(submit, story, people["comms"])
    mail(act, story, people["parent_a"], "approve", comment="Good.")
    sent = mail(act, story, people["parent_b"], "approve", comment="Lovely.")
    # The author, and every parent who took part (but not the one whose approval it was).
    assert set(sent) == {"comms", "parent_a"}
    assert sent["comms"].subject == "Approved and on the website: Letters to dads"
    body = sent["comms"].body
    assert "It is on the website now: http://localhost/" in body
    assert '- Parent_A: "Good."' in body and '- Parent_B: "Lovely."' in body
    assert "Thank you for your review." in sent["parent_a"].body


def test_a_scheduled_page_says_when_it_will_go_live(story, people, mail):
    story.go_live_at = timezone.now() + datetime.timedelta(days=3)
    story.save_revision(user=people["comms"])
    mail(submit, story, people["comms"])
    mail(act, story, people["parent_a"], "approve")
    sent = mail(act, story, people["parent_b"], "approve")
    assert sent["comms"].subject.startswith("Approved, goes on the website ")
    assert "It will go on the website on" in sent["comms"].body


def test_a_request_for_changes_reaches_the_author_and_the_parents_who_approved(story, people, mail):
    mail(submit, story, people["comms"])
    mail(act, story, people["parent_a"], "approve")
    sent = mail(act, story, people["parent_b"], "reject", comment="Add a phone number.")
    assert set(sent) == {"comms", "parent_a"}
    for message in sent.values():
        assert message.subject == "Changes asked for: Letters to dads"
        assert 'They said: "Add a phone number."' in message.body
    assert "Please make the changes" in sent["comms"].body
    assert f"Make the changes here:\nhttp://testserver/admin/pages/{story.pk}/edit/" in (
        sent["comms"].body
    )
    assert "you will be asked to read it again" in sent["parent_a"].body
    assert "/edit/" not in sent["parent_a"].body


def test_invisible_controls_that_reorder_text_are_taken_out_of_a_parents_comment(
    story, people, client
):
    submit(story, people["comms"])
    client.force_login(people["parent_a"])
    state = story.current_workflow_task_state
    client.post(
        f"/admin/parent-review/{state.pk}/",
        {
            "decision": "reject",
            "revision": story.get_latest_revision().pk,
            "comment": "Call \u202eevol ot\u202c us \u2067first\u2069.",
        },
    )
    assert ParentReviewDecision.objects.get().comment == "Call evol ot us first."


def test_a_parent_who_approved_hears_when_the_words_change_and_only_once(story, people, mail):
    submit(story, people["comms"])
    act(story, people["parent_a"], "approve")

    def edit(title):
        story.title = title
        story.save_revision(user=people["comms"])

    sent = mail(edit, "Letters to every parent")
    assert set(sent) == {"parent_a"}
    message = sent["parent_a"]
    assert message.subject == "Changed after you approved it: Letters to dads"
    assert 'Comms changed "Letters to dads" after you approved it.' in message.body
    assert "so it does not count now" in message.body
    state = story.current_workflow_task_state
    assert f"http://testserver/admin/parent-review/{state.pk}/" in message.body
    assert mail(edit, "Letters to both parents") == {}  # their approval was already undone


def test_people_without_an_email_address_or_no_longer_active_are_skipped(story, people, mail):
    people["parent_a"].email = ""
    people["parent_a"].save()
    people["parent_b"].is_active = False
    people["parent_b"].save()
    assert set(mail(submit, story, people["comms"])) == {"parent_c"}


def test_superusers_opt_in_from_their_account_settings(people, client):
    client.force_login(people["super"])
    html = client.get("/admin/account/").content.decode()
    assert "Email me when something waits for parent review" in html
    data = {
        "name_email-first_name": "Super",
        "name_email-last_name": "User",
        "name_email-email": "super@example.org",
        "locale-preferred_language": "en",
        "locale-current_time_zone": "",
        "theme-theme": "system",
        "theme-contrast": "system",
        "theme-density": "default",
        "review_emails-review_requests": "on",
    }
    response = client.post("/admin/account/", data)
    assert response.status_code == 302
    assert ReviewEmailPreference.objects.get(user=people["super"]).review_requests


def test_other_people_are_not_offered_the_opt_in(people, client):
    client.force_login(people["admin"])
    html = client.get("/admin/account/").content.decode()
    assert "Email me when something waits for parent review" not in html


def test_a_new_venue_s_email_calls_it_new_not_a_new_page(home, people, mail):
    from events.factories import VenueFactory

    venue = VenueFactory(name="Eastfield Centre", live=False)
    message = mail(submit, venue, people["comms"])["parent_a"]
    assert "It is new: it has never been on the website." in message.body
    assert "page" not in message.body.split("Eastfield Centre")[1].split("http")[0]


def test_a_new_round_says_so_with_the_authors_note_and_what_changed_since(
    story, people, mail, client
):
    mail(submit, story, people["comms"])
    mail(act, story, people["parent_a"], "reject", comment="Say who to call.")
    story.refresh_from_db()
    story.title = "Letters to dads, and who to call"
    story._hub_change_summary = "Added who to call"
    story.save_revision(user=people["comms"])

    def resubmit():
        story.current_workflow_state.resume(people["comms"])

    sent = mail(resubmit)
    message = sent["parent_a"]
    assert message.subject == "Please review again: Letters to dads, and who to call"
    assert "This is a new round" in message.body
    assert "- Title" in message.body
    assert 'Comms says what changed: "Added who to call"' in message.body


def test_parents_who_turned_review_emails_off_are_not_sent_them(story, people, mail):
    from hub.review.models import ReviewEmailPreference

    ReviewEmailPreference.objects.create(user=people["parent_b"], review_requests=False)
    assert set(mail(submit, story, people["comms"])) == {"parent_a", "parent_c"}


def test_each_parent_reads_their_email_in_the_language_they_chose(story, people, mail):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(people["parent_a"])
    profile.preferred_language = "cy"
    profile.save()
    sent = mail(submit, story, people["comms"])
    assert sent["parent_b"].subject == "Please review: Letters to dads"
    assert sent["parent_a"].subject != sent["parent_b"].subject
    assert "Letters to dads" in sent["parent_a"].subject


def test_subjects_are_plain_text_never_html_escaped(home, people, mail):
    page = StoryPageFactory(
        parent=StoryIndexPageFactory(parent=home), live=False, title="What's next & why"
    )
    sent = mail(submit, page, people["comms"])
    assert sent["parent_a"].subject == "Please review: What's next & why"
