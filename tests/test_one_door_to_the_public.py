"""Every public listing goes through one helper (hub/public.py) that keeps only live pages no
privacy restriction hides: no module filters pages for the public by itself, where a missing
`.public()` would list a restricted page."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APPS = ["home", "charter", "guides", "events", "stories", "search", "hub"]
# Where `.live()` may be called directly, and why.
ALLOWED = {
    "hub/public.py": "the helper itself",
    "hub/review/files.py": "finds the live pages (public or not) using a file, to refuse a change",
}
CALL = re.compile(r"\.(live|public)\(\)")


def test_only_the_public_helper_filters_live_and_public_pages():
    offenders = []
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            relative = path.relative_to(ROOT).as_posix()
            if "/migrations/" in relative or relative in ALLOWED:
                continue
            for number, line in enumerate(path.read_text().splitlines(), 1):
                if CALL.search(line):
                    offenders.append(f"{relative}:{number}: {line.strip()}")
    assert offenders == [], "Use hub.public.public_pages():\n" + "\n".join(offenders)


def test_the_check_would_catch_a_listing_that_filters_by_itself():
    assert CALL.search("EventPage.objects.live().filter(end__gte=now)")
    assert CALL.search("pages.public()")
    assert not CALL.search("if venue.live:")
