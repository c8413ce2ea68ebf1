"""One review page per draft: what it is, what changed (readable without colour), what others
said, the decision with care, and the whole draft marked as not on the website yet."""

from datetime import date, datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from hub.review.models import ParentReviewDecision
from stories.factories import StoryIndexPageFactory, StoryPageFactory
from tests.helpers.workflow import act, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def changed(home, people):
    """A live story that comms staff changed and sent to parent review, with a note."""
    story = StoryPageFactory(
        parent=StoryIndexPageFactory(parent=home),
        title="Letters to dads",
        said_summary="Letters about meetings only went to mums.",
    )
    story.save_revision().publish()
    story.title = "Letters to both parents"
    story.said_summary = "Letters about meetings only went to one parent."
    story._hub_change_summary = "Said 'parents', not 'dads'"
    submit(story, people["comms"])
    return story


def review_url(page):
    return f"/admin/parent-review/{page.current_workflow_task_state.pk}/"


def soup_of(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_the_review_page_says_what_it_is_then_what_changed_then_what_others_said(
    changed, people, client
):
    client.force_login(people["parent_a"])
    soup = soup_of(client.get(review_url(changed)))
    headings = [h.get_text(" ", strip=True) for h in soup.select(".app-review :is(h1, h2)")]
    assert headings == [
        "Letters to both parents",
        "What changed",
        "What parents and the author said",
        "Your decision",
        "The whole draft",
    ]
    facts = soup.select_one(".govuk-summary-list").get_text(" ", strip=True)
    assert "Changes to a page that is on the website now." in facts
    assert "Comms" in facts and "2" in facts
    assert "“Said 'parents', not 'dads'”" in facts


def test_when_it_was_sent_is_said_in_words_with_the_time_and_nothing_to_tab_to(
    changed, people, client
):
    """Wagtail's "Just now" is a button that shows the date only as a tooltip."""
    client.force_login(people["parent_a"])
    asked_by = soup_of(client.get(review_url(changed))).select_one(
        ".govuk-summary-list__row:-soup-contains('Asked by') dd"
    )
    assert asked_by.get_text(" ", strip=True).startswith("Comms, today at ")
    assert asked_by.select_one("time")["datetime"].startswith(str(timezone.localdate()))
    assert not asked_by.select("button, [tabindex]")


@pytest.mark.parametrize(
    "language, moment, words",
    [
        ("en", datetime(2026, 3, 9, 15, 5), "today at 3:05 p.m."),
        ("en", datetime(2026, 3, 9, 12, 0), "today at midday"),
        ("en", datetime(2026, 3, 8, 9, 0), "yesterday at 9 a.m."),
        ("en", datetime(2026, 1, 27, 10, 30), "27 January at 10:30 a.m."),
        ("en", datetime(2025, 12, 31, 10, 30), "31 December 2025"),
        ("cy", datetime(2026, 3, 8, 9, 0), "ddoe am 09:00"),
        ("pl", datetime(2026, 1, 27, 10, 30), "27 stycznia o 10:30"),
        ("en", date(2026, 1, 27), "27 January 2026"),  # a date alone
    ],
)
def test_when_says_today_yesterday_the_day_or_the_date(monkeypatch, language, moment, words):
    from django.template import Context, Template
    from django.utils import translation

    monkeypatch.setattr(timezone, "localdate", lambda: date(2026, 3, 9))
    with translation.override(language):
        html = Template("{% load hub_tags %}{% when moment %}").render(
            Context({"moment": moment if type(moment) is date else timezone.make_aware(moment)})
        )
    assert BeautifulSoup(html, "html.parser").get_text() == words


def test_when_decides_today_by_the_clock_in_the_uk_in_summer_time(monkeypatch):
    """23:30 UTC on 8 July is 00:30 on 9 July in London (BST): today, not yesterday."""
    from datetime import UTC

    from django.template import Context, Template

    monkeypatch.setattr(timezone, "localdate", lambda: date(2026, 7, 9))
    html = Template("{% load hub_tags %}{% when moment %}").render(
        Context({"moment": datetime(2026, 7, 8, 23, 30, 15, 123456, tzinfo=UTC)})
    )
    time = BeautifulSoup(html, "html.parser").time
    assert time.get_text() == "today at 12:30 a.m."
    assert time["datetime"] == "2026-07-09T00:30:15+01:00"  # as HTML allows: no microseconds


def test_what_changed_marks_removed_and_added_words_in_order_without_colour(
    changed, people, client
):
    client.force_login(people["parent_a"])
    soup = soup_of(client.get(review_url(changed)))
    changes = soup.select(".app-diff__change")
    assert [c.select_one("h3").get_text(" ", strip=True) for c in changes] == [
        "Title",
        "What parents said",
    ]
    title = changes[0].select_one(".app-diff__text")
    assert [(tag.name, tag.get_text(" ", strip=True)) for tag in title.select("del, ins")] == [
        ("del", "removed: dads"),
        ("ins", "added: both parents"),
    ]
    # Read in order, with words for screen readers: nothing said twice.
    assert title.get_text(" ", strip=True) == ("Letters to removed: dads added: both parents")
    said = changes[1].get_text(" ", strip=True)
    assert "removed: mums." in said and "added: one parent." in said
    assert said.count("Letters about meetings only went to") == 1
    key = soup.select_one(".app-diff-key").get_text(" ", strip=True)
    assert key == "Key: struck through means removed; underlined means added."


def test_unchanged_fields_and_untouched_topics_are_not_shown_as_changed(home, people, client):
    story = StoryPageFactory(parent=StoryIndexPageFactory(parent=home), title="Cafe")
    story.tags.add("support", "groups")
    story.save_revision().publish()
    story.title = "Support cafe"
    submit(story, people["comms"])
    client.force_login(people["parent_a"])
    soup = soup_of(client.get(review_url(story)))
    assert [h.get_text(strip=True) for h in soup.select(".app-diff__change h3")] == ["Title"]


def test_a_changed_leaflet_says_what_it_was_and_what_it_is_now(home, people, client):
    import json

    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from guides.factories import GuideIndexPageFactory, GuidePageFactory

    Document = get_document_model()
    old = Document.objects.create(title="Rights leaflet", file=ContentFile(b"%PDF", name="a.pdf"))
    new = Document.objects.create(
        title="Rights leaflet 2027", file=ContentFile(b"%PDF", name="b.pdf")
    )

    def downloads(document):
        value = {"document": document.pk, "title": "Your rights", "description": ""}
        return json.dumps([{"type": "download", "value": value, "id": "leaflet"}])

    guide = GuidePageFactory(parent=GuideIndexPageFactory(parent=home), downloads=downloads(old))
    guide.save_revision().publish()
    guide.downloads = downloads(new)
    submit(guide, people["comms"])
    client.force_login(people["parent_a"])
    change = soup_of(client.get(review_url(guide))).select_one(".app-diff__change")
    text = change.get_text(" ", strip=True)
    assert text.startswith("Downloads: Your rights Was")
    assert "Was removed: document: Rights leaflet" in text
    assert "Now added: document: Rights leaflet 2027" in text


def test_a_new_page_says_it_is_new_instead_of_an_empty_comparison(home, people, client):
    story = StoryPageFactory(parent=StoryIndexPageFactory(parent=home), live=False)
    submit(story, people["comms"])
    client.force_login(people["parent_a"])
    html = client.get(review_url(story)).content.decode()
    assert "A new page: it has never been on the website." in html
    assert "Everything: this page is new." in html


def new_event_at_a_new_venue(home, people):
    from events.factories import EventIndexPageFactory, EventPageFactory, VenueFactory

    venue = VenueFactory(name="Eastfield Centre", live=False)
    submit(venue, people["comms"])
    event = EventPageFactory(
        parent=EventIndexPageFactory(parent=home), title="Dads' group", venue=venue, live=False
    )
    submit(event, people["comms"])
    return event, venue


def test_an_event_s_review_names_its_new_venue_waiting_for_its_own_review(home, people, client):
    """Found in a walk: parents approved an event whose draft said "To be confirmed" for where,
    not knowing the venue was a separate draft; it went live saying so."""
    event, venue = new_event_at_a_new_venue(home, people)
    client.force_login(people["parent_a"])
    soup = soup_of(client.get(review_url(event)))
    facts = soup.select_one(".govuk-summary-list").get_text(" ", strip=True)
    assert "Waiting with it" in facts
    assert "The venue “Eastfield Centre” is not on the website yet. Parents review it" in facts
    link = soup.find("a", href=review_url(venue))
    assert link.get_text(" ", strip=True) == "Review the venue “Eastfield Centre”"


def test_an_event_s_review_says_when_its_venue_was_never_sent_for_review(home, people, client):
    from events.factories import EventIndexPageFactory, EventPageFactory, VenueFactory

    venue = VenueFactory(name="Eastfield Centre", live=False)
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home), venue=venue, live=False)
    submit(event, people["comms"])
    client.force_login(people["parent_a"])
    soup = soup_of(client.get(review_url(event)))
    facts = soup.select_one(".govuk-summary-list").get_text(" ", strip=True)
    assert "is not on the website yet, and nobody has sent it for parents' review" in facts
    assert not soup.find("a", string=lambda text: text and "Review the venue" in text)


def test_an_event_at_an_approved_venue_has_nothing_waiting_with_it(home, people, client):
    event, venue = new_event_at_a_new_venue(home, people)
    venue.save_revision().publish()
    client.force_login(people["parent_a"])
    assert "Waiting with it" not in client.get(review_url(event)).content.decode()


def test_a_new_page_s_draft_comes_before_the_decision(home, people, client):
    """There is no comparison to read for a new page: the draft is what parents decide on, so
    it comes first, on a phone and for the keyboard alike."""
    story = StoryPageFactory(parent=StoryIndexPageFactory(parent=home), live=False)
    submit(story, people["comms"])
    client.force_login(people["parent_a"])
    soup = soup_of(client.get(review_url(story)))
    headings = [h.get_text(" ", strip=True) for h in soup.select(".app-review h2")]
    assert headings.index("The whole draft") < headings.index("Your decision")


def test_parents_read_each_others_comments_and_earlier_rounds(changed, people, client):
    act(changed, people["parent_a"], "approve", comment="The first sentence reads oddly.")
    client.force_login(people["parent_b"])
    rounds = soup_of(client.get(review_url(changed))).select(".app-round")
    assert "Parent_A approved: “The first sentence reads oddly.”" in rounds[0].get_text(
        " ", strip=True
    )
    act(changed, people["parent_b"], "reject", comment="Agree: please reword it.")
    changed.refresh_from_db()
    changed._hub_change_summary = "Reworded the first sentence"
    changed.title = "Letters now go to both parents"
    changed.save_revision(user=people["comms"])
    changed.current_workflow_state.resume(people["comms"])
    client.force_login(people["parent_c"])
    soup = soup_of(client.get(review_url(changed)))
    rounds = [r.get_text(" ", strip=True) for r in soup.select(".app-round")]
    assert rounds[0].startswith("This round") and "Reworded the first sentence" in rounds[0]
    assert rounds[1].startswith("Round 1")
    assert "Parent_B asked for changes: “Agree: please reword it.”" in rounds[1]
    assert "Changed since parents last looked" in soup.get_text()


def test_approving_with_a_comment_records_it_and_says_what_comes_next(changed, people, client):
    client.force_login(people["parent_a"])
    revision = changed.get_latest_revision()
    response = client.post(
        review_url(changed),
        {"decision": "approve", "comment": "Clear.", "revision": revision.pk},
    )
    assert response.status_code == 302 and response["Location"] == "/admin/parent-review/"
    decision = ParentReviewDecision.objects.get()
    assert (decision.reviewer, decision.comment, decision.revision) == (
        people["parent_a"],
        "Clear.",
        revision,
    )
    banner = soup_of(client.get("/admin/parent-review/")).select_one(".govuk-notification-banner")
    assert banner["role"] == "alert"
    assert "You approved “Letters to both parents”." in banner.get_text(" ", strip=True)
    assert "It needs 1 more approval from another parent" in banner.get_text(" ", strip=True)
    # Once only.
    assert "govuk-notification-banner" not in client.get("/admin/parent-review/").content.decode()


def test_approving_again_from_an_older_tab_says_so_and_gives_the_comment_back(
    changed, people, client
):
    client.force_login(people["parent_a"])
    approval = {"decision": "approve", "revision": changed.get_latest_revision().pk}
    client.post(review_url(changed), {**approval, "comment": "Clear."})
    response = client.post(review_url(changed), {**approval, "comment": "One more thought."})
    assert response.status_code == 200
    banner = soup_of(response).select_one(".govuk-notification-banner").get_text(" ", strip=True)
    assert "You have already approved this version." in banner
    assert "Your comment was not sent: One more thought." in banner
    assert "on the website" not in banner
    assert ParentReviewDecision.objects.get().comment == "Clear."
    changed.refresh_from_db()
    assert changed.current_workflow_state.status == "in_progress"  # still needs another parent


def test_an_approval_of_words_that_changed_since_is_shown_as_not_counting(changed, people, client):
    act(changed, people["parent_a"], "approve", comment="Clear.")
    changed.title = "Letters to every parent"
    changed.save_revision(user=people["comms"])
    client.force_login(people["parent_b"])
    html = soup_of(client.get(review_url(changed)))
    decision = html.select_one(".app-round__decision").get_text(" ", strip=True)
    assert decision == (
        "Parent_A approved the words before they changed (this does not count now): “Clear.”"
    )


def test_asking_for_changes_needs_a_comment(changed, people, client):
    client.force_login(people["parent_a"])
    response = client.post(
        review_url(changed),
        {"decision": "reject", "comment": "  ", "revision": changed.get_latest_revision().pk},
    )
    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.select_one(".govuk-error-summary a")["href"] == "#id_comment"
    assert "Say what needs to change" in soup.select_one("#comment-error").get_text()
    assert not ParentReviewDecision.objects.exists()
    changed.refresh_from_db()
    assert changed.current_workflow_state.status == "in_progress"


def test_the_last_approval_asks_first_this_will_put_the_page_on_the_website_now(
    changed, people, client
):
    act(changed, people["parent_a"], "approve")
    client.force_login(people["parent_b"])
    revision = changed.get_latest_revision().pk
    response = client.post(
        review_url(changed), {"decision": "approve", "comment": "Yes", "revision": revision}
    )
    assert response.status_code == 200
    assert "This will put “Letters to both parents” on the website now." in (
        response.content.decode()
    )
    changed.refresh_from_db()
    assert changed.title == "Letters to dads"  # nothing happened yet
    response = client.post(
        review_url(changed),
        {"decision": "approve", "comment": "Yes", "revision": revision, "confirmed": "on"},
    )
    assert response.status_code == 302
    changed.refresh_from_db()
    assert changed.title == "Letters to both parents" and changed.live
    banner = client.get("/admin/parent-review/").content.decode()
    assert "it is on the website now" in banner


def test_no_go_back_returns_to_the_decision_with_the_comment_kept(changed, people, client):
    act(changed, people["parent_a"], "approve")
    client.force_login(people["parent_b"])
    approval = {"decision": "approve", "revision": changed.get_latest_revision().pk}
    client.post(review_url(changed), {**approval, "comment": "Good, but…"})  # the question
    response = client.post(review_url(changed), {**approval, "comment": "Good, but…", "back": "1"})
    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.select_one("#decide").get("data-hub-focus") is not None
    assert soup.select_one("textarea#id_comment").get_text() == "Good, but…"
    assert soup.select_one("input[name=revision]")["value"] == str(approval["revision"])
    changed.refresh_from_db()
    assert changed.title == "Letters to dads"  # nothing decided
    assert ParentReviewDecision.objects.count() == 1


def test_a_comment_too_long_is_refused_for_its_length_alone(changed, people, client):
    client.force_login(people["parent_a"])
    response = client.post(
        review_url(changed),
        {"decision": "reject", "comment": "x" * 2001, "revision": changed.get_latest_revision().pk},
    )
    errors = soup_of(response).select_one("#comment-error").get_text(" ", strip=True)
    assert "at most 2000 characters" in errors
    assert "Say what needs to change" not in errors
    assert soup_of(response).select_one("textarea#id_comment").get_text() == "x" * 2001  # kept


def test_a_decision_on_words_that_changed_meanwhile_is_not_saved(changed, people, client):
    read = changed.get_latest_revision().pk
    changed.title = "Changed again while the parent read"
    changed.save_revision(user=people["comms"])
    client.force_login(people["parent_a"])
    response = client.post(
        review_url(changed), {"decision": "approve", "comment": "", "revision": read}
    )
    assert response.status_code == 200
    assert "The draft changed while you were reading it." in response.content.decode()
    assert not ParentReviewDecision.objects.exists()


def test_the_last_approval_never_puts_words_live_that_the_parent_did_not_read(
    changed, people, client
):
    """Found in a walk: parent A opens the draft; comms changes it; parent B approves the new
    words; parent A, still on the old page, approves. Before, the confirmation then carried
    the newest revision, and "Yes, approve it" put unread words live."""
    read_by_a = changed.get_latest_revision().pk
    changed.title = "Letters to every parent"
    changed.save_revision(user=people["comms"])
    act(changed, people["parent_b"], "approve")
    client.force_login(people["parent_a"])

    asked = client.post(
        review_url(changed), {"decision": "approve", "comment": "Fine", "revision": read_by_a}
    )
    assert "The draft changed while you were reading it." in asked.content.decode()
    assert "Your approval is the last one needed" not in asked.content.decode()
    confirmed = client.post(
        review_url(changed),
        {"decision": "approve", "comment": "Fine", "revision": read_by_a, "confirmed": "on"},
    )
    assert "The draft changed while you were reading it." in confirmed.content.decode()
    changed.refresh_from_db()
    assert changed.title == "Letters to dads"  # nothing went live
    assert not ParentReviewDecision.objects.filter(reviewer=people["parent_a"]).exists()


def test_a_change_while_the_last_approval_is_being_confirmed_stops_it(changed, people, client):
    act(changed, people["parent_b"], "approve")
    client.force_login(people["parent_a"])
    read = changed.get_latest_revision().pk
    asked = client.post(review_url(changed), {"decision": "approve", "revision": read})
    hidden = soup_of(asked).select_one("form input[name=revision]")["value"]
    assert hidden == str(read)
    changed.title = "Changed while the parent was asked to confirm"
    changed.save_revision(user=people["comms"])

    response = client.post(
        review_url(changed), {"decision": "approve", "revision": hidden, "confirmed": "on"}
    )
    assert "The draft changed while you were reading it." in response.content.decode()
    changed.refresh_from_db()
    assert changed.title == "Letters to dads"  # the live words are still the old ones
    assert not ParentReviewDecision.objects.filter(reviewer=people["parent_a"]).exists()


def test_sending_the_last_approval_again_says_it_was_saved_not_that_it_was_lost(
    changed, people, client
):
    """Back after the last approval, and the browser sends the form again: before, the parent
    was told their decision was not saved, though it was theirs that finished the review."""
    act(changed, people["parent_a"], "approve")
    client.force_login(people["parent_b"])
    url = review_url(changed)
    approval = {"decision": "approve", "revision": changed.get_latest_revision().pk}
    assert client.post(url, {**approval, "confirmed": "on"}).status_code == 302

    again = client.post(url, {**approval, "confirmed": "on"})

    html = again.content.decode()
    assert "Your decision was saved already." in html
    assert "Your decision was not saved" not in html


def test_an_earlier_approval_of_other_words_does_not_pass_for_this_one(changed, people, client):
    """A approved the first words; comms changed them; B and C approved the new ones, which
    finished the review; A, on the new words, sends a concern. It was not saved, and A gets
    the words back (not "saved already", as A's earlier approval made it look)."""
    url = review_url(changed)
    act(changed, people["parent_a"], "approve")
    changed.title = "Letters to every parent"
    changed.save_revision(user=people["comms"])
    new_words = changed.get_latest_revision().pk
    act(changed, people["parent_b"], "approve")
    act(changed, people["parent_c"], "approve")
    client.force_login(people["parent_a"])

    response = client.post(
        url, {"decision": "approve", "revision": new_words, "comment": "One worry: the date."}
    )

    html = response.content.decode()
    assert "Your decision was saved already." not in html
    assert "Your decision was not saved" in html and "One worry: the date." in html


def test_the_questions_way_back_keeps_the_comment(changed, people, client):
    act(changed, people["parent_a"], "approve")
    client.force_login(people["parent_b"])
    approval = {"decision": "approve", "revision": changed.get_latest_revision().pk}
    asked = soup_of(client.post(review_url(changed), {**approval, "comment": "Good"}))
    # Both ways back are buttons of the form that carries the comment; no bare link drops it.
    ways_back = asked.select("button[name=back]")
    assert [b.get_text(strip=True) for b in ways_back] == ["Go back to the review", "No, go back"]
    form = asked.select_one("form#confirm-decision")
    assert all(b.get("form") == "confirm-decision" or form in b.parents for b in ways_back)
    assert not asked.select(f'a[href="{review_url(changed)}"]')


def test_a_link_to_a_round_that_was_sent_back_opens_the_round_waiting_now(changed, people, client):
    first_round = review_url(changed)
    act(changed, people["parent_a"], "reject", comment="Say who to call.")
    changed.title = "Letters to both parents, and who to call"
    changed.save_revision(user=people["comms"])
    changed.current_workflow_state.resume(people["comms"])
    client.force_login(people["parent_b"])

    response = client.get(first_round)

    assert response.status_code == 302
    assert response["Location"] == review_url(changed) != first_round


def test_the_whole_draft_is_marked_as_not_on_the_website_yet(changed, people, client):
    client.force_login(people["parent_a"])
    response = client.get(review_url(changed) + "draft/")
    assert response.status_code == 200
    # Shown in the review page's frame: browsers obey both headers, and the policy's word wins.
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    policy = dict(part.split(" ", 1) for part in response["Content-Security-Policy"].split("; "))
    assert policy["frame-ancestors"] == "'self'"
    assert policy["script-src"] == "'self'"  # a public page's strict policy otherwise
    html = response.content.decode()
    assert "Draft – not on the website yet" in html
    assert "Letters to both parents" in html
    # The page as readers will see it: no editors' user bar ("Go to Wagtail admin", checks).
    assert "<wagtail-userbar" not in html


def test_only_parent_reviewers_who_may_decide_reach_a_review(changed, people, client):
    client.force_login(people["comms"])  # the author
    assert client.get(review_url(changed)).status_code == 404
    client.force_login(people["parent_a"])
    assert client.get("/admin/parent-review/999999/").status_code == 404


def test_a_link_from_an_older_email_says_the_review_has_finished(changed, people, client):
    url = review_url(changed)
    act(changed, people["parent_a"], "approve")
    act(changed, people["parent_b"], "approve")
    client.force_login(people["parent_c"])
    response = client.get(url)
    assert response.status_code == 200
    assert "Enough parents approved “Letters to both parents”." in response.content.decode()


def test_asking_for_changes_after_the_review_finished_says_so_and_gives_the_words_back(
    changed, people, client
):
    url = review_url(changed)
    revision = changed.get_latest_revision().pk
    client.force_login(people["parent_c"])
    assert client.get(url).status_code == 200  # parent C opens the review, then waits
    act(changed, people["parent_a"], "approve")
    act(changed, people["parent_b"], "approve")
    response = client.post(
        url,
        {"decision": "reject", "revision": revision, "comment": "Please <b>say</b> who to call."},
    )
    assert response.status_code == 200
    banner = soup_of(response).select_one(".govuk-notification-banner").get_text(" ", strip=True)
    assert "Your decision was not saved: the review had finished before you sent it." in banner
    assert "Here it is, so you can keep it: Please <b>say</b> who to call." in banner
    assert "Enough parents approved “Letters to both parents”." in response.content.decode()
    assert not ParentReviewDecision.objects.filter(decision="changes_requested").exists()


def test_the_email_link_takes_a_signed_out_parent_to_sign_in_then_to_the_review(
    changed, people, client
):
    url = review_url(changed)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/admin/login/?next={url}"


def test_the_author_says_what_changed_when_sending_and_parents_read_it(
    home, people, client, mailoutbox, django_capture_on_commit_callbacks
):
    from tests.helpers import form_data

    story = StoryPageFactory(parent=StoryIndexPageFactory(parent=home), title="Cafe")
    story.save_revision().publish()
    client.force_login(people["comms"])
    editor = client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    assert "For parent reviewers: what did you change, and why?" in editor
    data = form_data.nested_form_data(
        {
            **form_data.story_page(story, title="Support cafe"),
            "change_summary": "Named it after what it is for",
            "action-submit": "1",
        }
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/admin/pages/{story.pk}/edit/", data).status_code == 302
    story.refresh_from_db()
    assert story.current_workflow_state.status == "in_progress"
    to_parent = next(m for m in mailoutbox if m.to == ["parent_a@example.org"])
    assert 'Comms says what changed: "Named it after what it is for"' in to_parent.body
    client.force_login(people["parent_a"])
    html = client.get(review_url(story)).content.decode()
    assert "“Named it after what it is for”" in html
    # The next edit starts with an empty line: last round's note is not sent again by mistake.
    client.force_login(people["comms"])
    editor = client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    assert 'name="change_summary" value="Named' not in editor


def test_a_note_saved_with_a_draft_goes_with_it_and_one_saved_during_review_reaches_parents(
    home, people, client
):
    story = StoryPageFactory(parent=StoryIndexPageFactory(parent=home), title="Creche")
    story.save_revision().publish()
    story.title = "Creche at every forum"
    story._hub_change_summary = "Said the creche is at every forum"
    story.save_revision(user=people["comms"])  # "Save draft", with the note
    story._hub_change_summary = ""
    submit(story, people["comms"])  # sent later, the line empty again
    client.force_login(people["parent_a"])
    assert "“Said the creche is at every forum”" in client.get(review_url(story)).content.decode()

    story.said_summary = "No need to book the creche."
    story._hub_change_summary = "Added that you do not need to book"
    story.save_revision(user=people["comms"])  # an edit while parents review it
    html = client.get(review_url(story)).content.decode()
    assert "Said the creche is at every forum · Added that you do not need to book" in html


def test_admin_tabs_are_named_after_the_partnership_not_wagtail(changed, people, client):
    from wagtail.models import Site

    from hub.models import HubSettings

    hub = HubSettings.for_site(Site.objects.get(is_default_site=True))
    hub.organisation_name = "Kingsbrook Parent Partnership"
    hub.save()
    client.force_login(people["parent_a"])
    for url in (review_url(changed), "/admin/"):
        title = soup_of(client.get(url, follow=True)).title.get_text(strip=True)
        assert title.endswith(" - Kingsbrook Parent Partnership"), title
        assert "Wagtail" not in title
