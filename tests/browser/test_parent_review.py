"""A parent reviewer's journey in Chromium, on a 390 px phone and with the keyboard alone:
from the review email to the draft's review page, seeing what changed without colour, reading
the first parent's comment, and approving with a confirmation. Every step passes axe."""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.helpers.axe import describe, run_axe
from tests.helpers.browser import EXIT_URL, sign_in
from tests.helpers.workflow import act, submit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def changed_story(live_home, people):
    """A live story that comms staff changed, with a note, and sent to parent review; the
    first parent has approved it with a comment."""
    from stories.factories import StoryIndexPageFactory, StoryPageFactory

    stories = StoryIndexPageFactory(parent=live_home)
    story = StoryPageFactory(
        parent=stories,
        title="Letters go to both parents",
        said_summary="Letters about meetings went to one parent only.",
    )
    story.save_revision().publish()
    story.said_summary = "Letters about meetings went to mums, never to dads."
    story._hub_change_summary = "Said who got the letters"
    submit(story, people["comms"])
    act(story, people["parent_a"], "approve", comment="The first sentence reads oddly.")
    return story


def assert_no_axe_violations(page, where):
    violations = run_axe(page, context=".app-review")
    assert not violations, f"{where}:\n{describe(violations)}"


def review_link_in_email(mailoutbox, username):
    """The link in the review request emailed to this parent."""
    (message,) = [m for m in mailoutbox if m.to == [f"{username}@example.org"]]
    return urlsplit(re.search(r"http://\S+/admin/parent-review/\d+/", message.body)[0]).path


def test_on_a_phone_a_parent_goes_from_the_email_to_the_review_and_approves_with_care(
    live_server, changed_story, phone, page, mailoutbox, people
):
    base = live_server.url
    link = review_link_in_email(mailoutbox, "parent_b")

    # Signed out, the email's link asks them to sign in, then lands on the review.
    phone.goto(base + link)
    expect(phone.get_by_role("button", name="Sign in")).to_be_visible()
    phone.get_by_label("Username").fill("parent_b")
    phone.get_by_label("Password").fill("a-long-pass-phrase")
    phone.get_by_role("button", name="Sign in").click()
    phone.wait_for_url(base + link)
    expect(phone.get_by_role("heading", level=1)).to_have_text("Letters go to both parents")
    # The whole draft, in its frame, as readers will see it.
    draft = phone.frame_locator("iframe.app-review__draft")
    expect(draft.get_by_text("Draft – not on the website yet")).to_be_visible()
    expect(draft.get_by_role("heading", level=1)).to_have_text("Letters go to both parents")
    assert_no_axe_violations(phone, "the review page")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    # What changed, without colour: the removed and added words of the changed paragraph.
    change = phone.locator(".app-diff__change", has_text="What parents said")
    expect(change.locator("del")).to_have_text(["removed: one parent only."])
    expect(change.locator("ins")).to_have_text(["added: mums, never to dads."])
    decoration = change.locator("del").evaluate("e => getComputedStyle(e).textDecorationLine")
    assert decoration == "line-through"
    # The first parent's comment, and the author's note.
    expect(phone.get_by_text("The first sentence reads oddly.")).to_be_visible()
    expect(phone.get_by_text("Said who got the letters").first).to_be_visible()

    # Buttons a thumb can hit, apart from each other.
    approve = phone.get_by_role("button", name="Approve")
    ask = phone.get_by_role("button", name="Ask for changes")
    approve_box, ask_box = approve.bounding_box(), ask.bounding_box()
    assert approve_box["height"] >= 44 and ask_box["height"] >= 44
    gap = ask_box["y"] - (approve_box["y"] + approve_box["height"])
    assert gap >= 8, f"the two buttons are {gap}px apart"

    # The last approval asks first, in plain words.
    approve.click()
    expect(
        phone.get_by_text("This will put “Letters go to both parents” on the website now.")
    ).to_be_visible()
    assert_no_axe_violations(phone, "the confirmation")
    public = page  # a reader on the public site, not signed in
    public.goto(base + changed_story.url)
    expect(public.get_by_text("one parent only")).to_be_visible()  # not yet

    mailoutbox.clear()
    phone.get_by_role("button", name="Yes, approve it").click()
    banner = phone.locator(".govuk-notification-banner")
    expect(banner).to_contain_text("it is on the website now")
    expect(banner).to_be_focused()
    assert_no_axe_violations(phone, "the dashboard after deciding")

    public.goto(base + changed_story.url)
    expect(public.get_by_text("mums, never to dads")).to_be_visible()
    # The author and the first parent are told it is live.
    told = {m.to[0].split("@")[0] for m in mailoutbox if "on the website" in m.subject}
    assert told == {"comms", "parent_a"}


def test_exit_this_page_in_the_drafts_frame_leaves_the_whole_review(
    live_server, changed_story, browser
):
    """Found in a walk: the draft's own "Exit this page", pressed in its frame, turned the
    frame grey (a frame shows no other site) and left the parent on the review page."""
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    context.route(
        f"{EXIT_URL}**",
        lambda route: route.fulfill(content_type="text/html", body="<title>Weather</title>"),
    )
    phone = context.new_page()
    sign_in(phone, live_server.url, "parent_b")
    phone.get_by_role("link", name="Review this draft").click()
    draft = phone.frame_locator("iframe.app-review__draft")
    exit_button = draft.get_by_role("button", name="Emergency Exit this page")
    expect(draft.locator("[data-govuk-exit-this-page-init]")).to_be_attached()  # script ready
    exit_button.tap()
    expect(phone).to_have_url(re.compile(re.escape(EXIT_URL)))
    context.close()


def test_a_link_in_the_drafts_frame_opens_in_a_new_tab_and_the_review_stays(
    live_server, changed_story, browser
):
    """Found in a walk: a link in the draft (the breadcrumbs, the footer's pages) opened in its
    frame, where a public page refuses to show, and the frame went blank."""
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    phone = context.new_page()
    sign_in(phone, live_server.url, "parent_b")
    phone.get_by_role("link", name="Review this draft").click()
    review_url = phone.url
    phone.get_by_label("Your comment").fill("Nearly there.")
    draft = phone.frame_locator("iframe.app-review__draft")
    expect(draft.locator("body[data-hub-script-ran]")).to_be_attached()
    link = draft.locator(".govuk-breadcrumbs a").first
    with context.expect_page() as opened:
        link.tap()
    new_tab = opened.value
    new_tab.wait_for_load_state()
    assert new_tab.url == live_server.url + link.get_attribute("href")
    assert phone.url == review_url
    expect(phone.get_by_label("Your comment")).to_have_value("Nearly there.")
    expect(draft.get_by_text("Draft – not on the website yet")).to_be_visible()
    # A link within the draft still moves within it, in its frame.
    pages = len(context.pages)
    draft.locator("a[href='#main-content']").evaluate("link => link.click()")
    frame = phone.frame(url=lambda url: "/draft/" in url)
    assert frame.url.endswith("#main-content")
    assert len(context.pages) == pages
    context.close()


def test_a_search_in_the_drafts_frame_opens_its_results_in_a_new_tab(
    live_server, live_home, people, browser
):
    """Found in a review: the search script opened the search page in the frame, which a
    public page refuses, and the frame went blank. (Its words stay out of the browser's
    history: tests/browser/test_search_privacy.py.)"""
    live_home.save_revision().publish()
    live_home.title = "Help for parents, with a new welcome"
    submit(live_home, people["comms"])
    context = browser.new_context(viewport=PHONE)
    phone = context.new_page()
    sign_in(phone, live_server.url, "parent_b")
    phone.get_by_role("link", name="Review this draft").click()
    review_url = phone.url
    draft = phone.frame_locator("iframe.app-review__draft")
    expect(draft.locator("body[data-hub-script-ran]")).to_be_attached()
    box = draft.locator("input[name=q]").first
    box.fill("court")
    with context.expect_page() as opened:
        box.press("Enter")
    results = opened.value
    results.wait_for_load_state()
    expect(results.locator("p[role=status]").first).to_contain_text("“court”")
    assert phone.url == review_url
    expect(draft.get_by_text("Draft – not on the website yet")).to_be_visible()
    context.close()


def test_with_the_keyboard_alone_a_parent_asks_for_changes_and_must_say_why(
    live_server, changed_story, page, people
):
    base = live_server.url
    sign_in(page, base, "parent_c")
    page.keyboard.press("Tab")  # the skip link, then on through the page
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()").startswith("Review this"):
            break
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Letters go to both parents")

    # To "Ask for changes" without a comment: the error says why, and takes the focus.
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Ask for changes":
            break
    page.keyboard.press("Enter")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    assert_no_axe_violations(page, "the error")

    # The error's link goes to the comment box; typing there is never lost.
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator("#id_comment")).to_be_focused()
    page.keyboard.type("Please say who to call if a letter goes to the wrong person.")
    page.keyboard.press("Tab")  # Approve
    page.keyboard.press("Tab")  # Ask for changes
    page.keyboard.press("Enter")
    banner = page.locator(".govuk-notification-banner")
    expect(banner).to_be_focused()
    expect(banner).to_contain_text("You asked for changes")
    changed_story.refresh_from_db()
    assert changed_story.current_workflow_state.status == "needs_changes"


def test_on_a_phone_the_words_scroll_under_a_band_never_under_the_menu_button(
    live_server, changed_story, phone, people
):
    """The admin's menu button stays over the top left corner while the page scrolls (WCAG
    2.4.11: what has the focus is never hidden)."""
    sign_in(phone, live_server.url, "parent_b")
    phone.get_by_role("link", name="Review this draft").click()
    menu = phone.get_by_role("button", name="Toggle sidebar")
    assert menu.bounding_box() == {"x": 0, "y": 0, "width": 50, "height": 50}

    phone.locator("#main").evaluate("main => main.scrollBy(0, 600)")
    for x in (25, 200, 380):  # under the button, and beside it
        beneath = phone.evaluate(
            """x => document.elementsFromPoint(x, 25)
                .filter(e => !e.closest('.sidebar-nav-toggle'))[0].className""",
            x,
        )
        assert beneath == "app-review__band", f"at ({x}, 25) the page shows {beneath!r}"

    # A button half under the band, reached with the keyboard, scrolls clear of it.
    approve = phone.get_by_role("button", name="Approve")
    phone.get_by_role("button", name="Ask for changes").focus()
    approve.evaluate(
        "button => document.getElementById('main').scrollBy("
        "0, button.getBoundingClientRect().top - 20)"
    )
    phone.keyboard.press("Shift+Tab")
    expect(approve).to_be_focused()
    # The admin scrolls smoothly: wait for the scroll to end below the band.
    phone.wait_for_function(
        "button => button.getBoundingClientRect().top >= 50",
        arg=approve.element_handle(),
        timeout=5000,
    )
