"""Search speed on a big hub: 10,000 live pages, 50 representative queries.

    .venv/bin/python benchmarks/search_benchmark.py                 # SQLite
    .venv/bin/python benchmarks/search_benchmark.py --postgres      # PostgreSQL on 127.0.0.1

It builds a fresh database (a temporary SQLite file, or a new PostgreSQL database it drops
afterwards), generates pages of realistic text across the page types, times a full
`update_index`, then times each query through the search view (Django's test client: the
whole view, template included, without a network, with the page cache off), three rounds
after one warm-up round.
Prints p50 and p95 per round and overall. Not a test: the suite never runs it.
"""

import argparse
import datetime
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

QUERIES = [
    "care proceedings",
    "child protection conference",
    "what is co-production",
    "easy read",
    "you said we did",
    "court",
    "social worker",
    "advocate",
    "my rights",
    "complain",
    "complaint",
    "interpreter",
    "letter before proceedings",
    "family group conference",
    "core group",
    "review conference",
    "child protection plan",
    "solicitor",
    "legal aid",
    "judge",
    "children's guardian",
    "assessment",
    "parents group",
    "forum",
    "dads group",
    "fathers",
    "support",
    "accessibility",
    "hearing loop",
    "step-free access",
    "parking",
    "childcare",
    "online meeting",
    "live captions",
    "how do I book",
    "report before meeting",
    "chair",
    "subject access request",
    "records about me",
    "what happens next",
    "kinship care",
    "foster care",
    "special guardianship",
    "leaflet",
    "video",
    "charter",
    "promises",
    "trust",
    "equal partnership",
    "zzzz nothing matches",
]

WORDS = (
    "parents carers children families social worker services conference plan meeting court "
    "judge solicitor advocate report review support advice rights complaint letter chair "
    "assessment partnership forum group session venue access interpreter guardian decision "
    "home school nurse police safety worry help listen explain change agree time week month"
).split()
SENTENCES = [
    "Children's services may get in touch when someone is worried about a child.",
    "You can bring someone with you to every meeting about your family.",
    "The chair of the conference does not work with your family.",
    "A solicitor can give you free legal advice before the meeting.",
    "Reports should say what you think, in your own words.",
    "You can ask for an interpreter or for letters in Easy Read.",
    "Parents in our group read and approve every page before it goes live.",
    "The core group meets to put the plan into action.",
    "A judge decides what is best for your child in care proceedings.",
    "We tell you what changed because of what you said, and what could not change.",
]


def paragraph(rng, sentences=4):
    picked = rng.sample(SENTENCES, k=min(sentences, len(SENTENCES)))
    extra = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 20)))
    return " ".join(picked) + " " + extra.capitalize() + "."


def title(rng, kind, n):
    topic = " ".join(rng.sample(WORDS, 3))
    return f"{kind} {n}: {topic}".capitalize()


def setup_django(database_url):
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.test")
    import django

    django.setup()


def build_site(total, rng, log):
    from django.core.management import call_command
    from django.test import override_settings
    from django.utils import timezone
    from wagtail.models import Page, Site

    from events.models import EventIndexPage, EventPage
    from guides.models import GuideIndexPage, GuidePage
    from home.models import HomePage, StandardPage
    from stories.models import StoryIndexPage, StoryPage

    call_command("migrate", verbosity=0)
    root = Page.get_first_root_node()
    for page in root.get_children():
        page.delete()
    home = root.add_child(instance=HomePage(title="Help and information", slug="home", intro="Hi"))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"root_page": home, "hostname": "localhost", "port": 80}
    )
    sections = {
        "guides": home.add_child(instance=GuideIndexPage(title="Guides", slug="guides")),
        "events": home.add_child(instance=EventIndexPage(title="Events", slug="events")),
        "stories": home.add_child(instance=StoryIndexPage(title="Stories", slug="stories")),
    }
    now = timezone.now()
    shares = {"guides": 0.4, "stories": 0.3, "events": 0.25, "pages": 0.05}
    counts = {kind: int(total * share) for kind, share in shares.items()}
    counts["guides"] += total - sum(counts.values())
    started = time.perf_counter()
    # Pages are saved without indexing; the full index is built (and timed) afterwards.
    with override_settings(
        WAGTAILSEARCH_BACKENDS={
            "default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False}
        }
    ):
        for n in range(counts["guides"]):
            steps = [
                {
                    "type": "step",
                    "value": {
                        "heading": title(rng, "Step", s),
                        "logic": "",
                        "summary": paragraph(rng, 1),
                        "body": [{"type": "paragraph", "value": f"<p>{paragraph(rng)}</p>"}],
                    },
                }
                for s in range(rng.randint(3, 7))
            ]
            sections["guides"].add_child(
                instance=GuidePage(
                    title=title(rng, "Guide", n),
                    slug=f"guide-{n}",
                    summary_text=paragraph(rng, 2),
                    steps=json.dumps(steps),
                )
            )
        for n in range(counts["stories"]):
            sections["stories"].add_child(
                instance=StoryPage(
                    title=title(rng, "Story", n),
                    slug=f"story-{n}",
                    said_summary=paragraph(rng, 2),
                    said_by="The parents' group",
                    said_on=datetime.date(2026, 1, 1),
                    what_we_did=f"<p>{paragraph(rng)}</p>",
                    status="done",
                )
            )
        for n in range(counts["events"]):
            start = now + datetime.timedelta(days=rng.randint(-365, 365))
            sections["events"].add_child(
                instance=EventPage(
                    title=title(rng, "Event", n),
                    slug=f"event-{n}",
                    summary_text=paragraph(rng, 2),
                    start=start,
                    end=start + datetime.timedelta(hours=2),
                    attendance="online",
                    joining_instructions="A link is sent the day before.",
                    booking_instructions="No need to book: just join.",
                )
            )
            if n % 1000 == 999:
                log(f"  … {n + 1} events")
        for n in range(counts["pages"]):
            home.add_child(
                instance=StandardPage(
                    title=title(rng, "Information", n),
                    slug=f"information-{n}",
                    intro=paragraph(rng, 2),
                    body=json.dumps([{"type": "paragraph", "value": f"<p>{paragraph(rng)}</p>"}]),
                )
            )
    built = time.perf_counter() - started
    live = Page.objects.live().count()
    log(f"Built {live} live pages in {built:.0f} s ({counts})")
    started = time.perf_counter()
    call_command("update_index", verbosity=0)
    indexed = time.perf_counter() - started
    log(f"Indexed the whole site (update_index) in {indexed:.1f} s")
    from django.db import connection

    if connection.vendor == "postgresql":
        # What autovacuum does soon after a big import, on a server where it is on (the
        # default; on our machines it is off): indexing rewrites every entry, leaving two dead
        # rows for each live one, and the planner needs fresh statistics.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    return live, indexed


def existing_site():
    """The live pages of a database built by an earlier run, migrated to this code."""
    from django.core.management import call_command
    from wagtail.models import Page

    call_command("migrate", verbosity=0)
    return Page.objects.live().count(), None


def measure(rounds, log):
    from django.test import Client, override_settings

    # The page cache would answer every round after the warm-up from memory (2 ms): the search
    # itself is what is timed, as for a reader whose query nobody asked in the last minutes.
    with override_settings(HUB_PAGE_CACHE_SECONDS=0):
        return _measure(Client(HTTP_HOST="localhost"), rounds, log)


def _measure(client, rounds, log):
    for query in QUERIES:  # warm-up: caches, SQLite pages, PostgreSQL plans
        assert client.get("/search/", {"q": query}).status_code == 200
    all_times, per_round = [], []
    for _ in range(rounds):
        times = []
        for query in QUERIES:
            started = time.perf_counter()
            response = client.get("/search/", {"q": query})
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
        per_round.append(times)
        all_times.extend(times)
    for number, times in enumerate(per_round, 1):
        p50, p95 = percentile(times, 50), percentile(times, 95)
        log(f"  round {number}: p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    slowest = sorted(zip(all_times, QUERIES * rounds, strict=True), reverse=True)[:3]
    log("  slowest: " + ", ".join(f"{q!r} {t:.0f} ms" for t, q in slowest))
    return percentile(all_times, 50), percentile(all_times, 95)


def percentile(values, p):
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--postgres", action="store_true", help="use PostgreSQL on 127.0.0.1")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--keep", action="store_true", help="keep the database afterwards (to look into it)"
    )
    parser.add_argument(
        "--database",
        metavar="URL",
        help="time the searches on a database an earlier --keep run built (migrated first), "
        "instead of building one; it is kept",
    )
    args = parser.parse_args()
    rng = random.Random(args.seed)

    if args.database:
        url, cleanup = args.database, None
        args.keep = True
    elif args.postgres:
        import psycopg

        name = f"hub_bench_{int(time.time())}"
        admin = "postgresql://postgres@127.0.0.1:5432/postgres"
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        url, cleanup = f"postgres://postgres@127.0.0.1:5432/{name}", name
    else:
        path = Path(tempfile.mkdtemp(prefix="hub-bench-")) / "bench.sqlite3"
        url, cleanup = f"sqlite:///{path}", None

    setup_django(url)
    from django.db import connection

    engine = connection.vendor
    print(f"Search benchmark on {engine}, {args.pages} pages, {len(QUERIES)} queries")
    try:
        if args.database:
            live, indexed = existing_site()
        else:
            live, indexed = build_site(args.pages, rng, print)
        p50, p95 = measure(args.rounds, print)
        index = "not rebuilt" if args.database else f"{indexed:.1f} s"
        print(f"RESULT {engine}: {live} live pages, index {index},", end=" ")
        print(f"p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    finally:
        connection.close()
        if args.keep:
            print(f"Kept the database: {url}")
        elif cleanup:
            import psycopg

            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{cleanup}"')


if __name__ == "__main__":
    main()
