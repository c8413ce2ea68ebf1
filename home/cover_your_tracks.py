"""The "Cover your tracks" page: how to leave the hub fast, browse privately and clear history,
and what the hub does not keep. Its advice suits any hub, so `setup_site` writes it as a draft
on a new hub (for parents to approve), and the demo hub has it too."""


def _p(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def _ul(*items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


PAGE = {
    # Linked beside "Exit this page" on every page (HubSettings.cover_your_tracks). What it
    # says the hub does not keep is what the code does: no cookies for readers
    # (hub/caching), no trackers, logs without addresses or queries (hub/logging.py,
    # deploy/nginx), search words counted without who asked (search/counting.py).
    "slug": "cover-your-tracks",
    "title": "Cover your tracks",
    "intro": "How to leave this website fast, and how to hide that you looked at it.",
    "menu": False,
    "body": [
        (
            "paragraph",
            "<h2>Leave this website fast</h2>"
            + _p(
                "Every page has an 'Exit this page' button. It opens a weather website "
                "straight away.",
                "On a computer, you can also press the Shift key 3 times.",
                "The weather website takes the place of the page you were on, so Back "
                "does not show that page again. But other pages you read here stay in "
                "your history. To hide them, use private browsing or clear your history.",
            )
            + "<h2>Use private browsing</h2>"
            + _p("A private window forgets the pages you read when you close it.")
            + _ul(
                "Android, Chrome: tap the 3 dots, then New Incognito tab.",
                "iPhone, Safari: tap the tabs button, then Private.",
                "Samsung Internet: tap the tabs button, then Turn on Secret mode.",
            )
            + _p("Close the private window when you have finished.")
            + "<h2>Clear your history</h2>"
            + _ul(
                "Android, Chrome: tap the 3 dots, then History, then Delete browsing data.",
                "iPhone, Safari: open Settings, then Apps, then Safari, then Clear History "
                "and Website Data. On older iPhones, Safari is in Settings itself.",
                "Samsung Internet: tap the menu (3 lines), then History, then Delete.",
            )
            + _p(
                "An empty history can look odd to someone who checks. You can delete only "
                "the pages from this website instead."
            )
            + "<h2>Downloads and calendar entries</h2>"
            + _p(
                "Private browsing and clearing your history do not remove files you "
                "download, such as our leaflets, or events you add to your calendar. "
                "Delete them when you no longer need them."
            )
            + _ul(
                "Android: open the Files app (or My Files), then Downloads.",
                "iPhone: open the Files app, then Downloads.",
                "Calendar: open the event, then Delete.",
            )
            + "<h2>What this website does not keep</h2>"
            + _ul(
                "It sets no cookies when you read it.",
                "It does not track you, and nothing on it comes from other websites.",
                "It does not record your internet address or what you searched for "
                "next to the pages you read.",
                "It counts the words people search for, to make the website better. It "
                "never knows who searched.",
            )
            + _p(
                "Your internet provider, or whoever runs a work or school network, can "
                "still see that you visited this website."
            ),
        ),
    ],
}
