"""Does search find the right page? Realistic queries in four languages on the demo content.

    .venv/bin/python benchmarks/search_queries.py                 # SQLite
    .venv/bin/python benchmarks/search_queries.py --postgres      # PostgreSQL on 127.0.0.1

It builds a fresh database (a temporary SQLite file, or the PostgreSQL database hub_find_bench,
dropped afterwards), loads the demo content, then asks the search page (Django's test client:
the whole view, best bets and "did you mean" included) each query in QUERIES, in its language,
and reads the result links back from the HTML. A query hits at 1 if an expected page is the
first result, at 3 if one is among the first three. A page counts in any language (a Welsh
reader shown the English page, where there is no Welsh one, has found it). Prints each miss
and the hit rates. Not a test: the suite never runs it.
"""

import argparse
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CP = "child-protection-and-care-proceedings"  # the child protection and care proceedings guide
EASY = "child-protection-easy-read"
RIGHTS = "parent-rights-charter"

# (language, what a reader types, the demo pages (English slugs) that answer it)
QUERIES = [
    # English: typos, everyday words, the words of letters and leaflets.
    ("en", "conferance", {CP}),
    ("en", "proceedins", {CP}),
    ("en", "removed", {CP}),
    ("en", "foster", {CP}),
    ("en", "kids taken away", {CP}),
    ("en", "social worker at my door", {CP}),
    ("en", "will they take my kids", {CP}),
    ("en", "baby taken into care", {CP}),
    ("en", "child protection plan", {CP}),
    ("en", "care order", {CP}),
    ("en", "court", {CP, EASY}),
    ("en", "lawyer", {CP}),
    ("en", "legal aid", {CP}),
    ("en", "easy read", {EASY}),
    ("en", "my rights", {RIGHTS}),
    ("en", "complain", {RIGHTS}),
    ("en", "what is co-production", {"what-is-co-production", "co-production-charter"}),
    ("en", "dads", {"dads-group", "letters-to-dads"}),
    ("en", "have my say", {"taking-part", "have-your-say-conference-leaflet"}),
    ("en", "privacy", {"privacy"}),
    ("en", "phone number", {"contact"}),
    ("en", "support group", {"support-cafe", "forums-and-groups", "parents-forum-next"}),
    # Welsh
    ("cy", "conferance", {CP}),
    ("cy", "cynhadledd", {CP}),
    ("cy", "llys", {CP, EASY}),
    ("cy", "plant wedi'u cymryd", {CP}),
    ("cy", "gofal maeth", {CP}),
    ("cy", "gweithiwr cymdeithasol", {CP}),
    ("cy", "achosion gofal", {CP}),
    ("cy", "fy hawliau", {RIGHTS}),
    ("cy", "hawdd ei ddeall", {EASY}),
    # Polish
    ("pl", "conferance", {CP}),
    ("pl", "konferencja", {CP}),
    ("pl", "sąd", {CP, EASY}),
    ("pl", "odebranie dzieci", {CP}),
    ("pl", "rodzina zastępcza", {CP}),
    ("pl", "pracownik socjalny", {CP}),
    ("pl", "postępowanie sądowe", {CP}),
    ("pl", "prawa rodzica", {RIGHTS}),
    ("pl", "łatwy do czytania", {EASY}),
    # Urdu
    ("ur", "conferance", {CP}),
    ("ur", "کانفرنس", {CP}),
    ("ur", "عدالت", {CP, EASY}),
    ("ur", "بچے لے گئے", {CP}),
    ("ur", "فوسٹر", {CP}),
    ("ur", "سوشل ورکر", {CP}),
    ("ur", "بچوں کا تحفظ", {CP}),
    ("ur", "میرے حقوق", {RIGHTS}),
    ("ur", "آسان زبان", {EASY}),
]

RESULT_LINK = re.compile(
    r'<li class="app-listing__item"[^>]*>.*?<h2 class="govuk-heading-m[^"]*">'
    r'<a class="govuk-link" href="([^"]+)"',
    re.S,
)


def setup_django(database_url):
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.test")
    import django

    django.setup()


def build_site():
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo_content", verbosity=0, stdout=open(os.devnull, "w"))


def slugs_by_url():
    """{url: English slug} for every live page, so results read the same in any language."""
    from django.conf import settings
    from wagtail.models import Page

    english = {
        page.translation_key: page.slug
        for page in Page.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE)
    }
    return {page.url: english.get(page.translation_key, page.slug) for page in Page.objects.live()}


def measure(log):
    from django.core.cache import cache
    from django.test import Client

    client = Client()
    slugs = slugs_by_url()
    at1 = at3 = 0
    for language, query, expected in QUERIES:
        cache.clear()
        prefix = "" if language == "en" else f"/{language}"
        html = client.get(f"{prefix}/search/", {"q": query}).content.decode()
        found = [slugs.get(url, url) for url in RESULT_LINK.findall(html)]
        hit1 = bool(found[:1]) and found[0] in expected
        hit3 = bool(set(found[:3]) & expected)
        at1 += hit1
        at3 += hit3
        if not hit3:
            log(f"  miss  {language}  {query!r}: got {found[:3]}, wanted {sorted(expected)}")
        elif not hit1:
            log(f"  at 3  {language}  {query!r}: got {found[:3]}")
    return at1, at3


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", action="store_true", help="use PostgreSQL on 127.0.0.1")
    args = parser.parse_args()
    if args.postgres:
        import psycopg

        name = "hub_find_bench"
        admin = "postgresql://postgres@127.0.0.1:5432/postgres"
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        url = f"postgres://postgres@127.0.0.1:5432/{name}"
    else:
        url = f"sqlite:///{Path(tempfile.mkdtemp(prefix='hub-queries-')) / 'queries.sqlite3'}"
    setup_django(url)
    from django.db import connection

    try:
        build_site()
        at1, at3 = measure(print)
        total = len(QUERIES)
        languages = sorted({language for language, _q, _e in QUERIES})
        print(
            f"RESULT {connection.vendor}: {total} queries in {', '.join(languages)}: "
            f"hit at 1 {at1}/{total} ({at1 / total:.0%}), at 3 {at3}/{total} ({at3 / total:.0%})"
        )
    finally:
        connection.close()
        if args.postgres:
            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}"')


if __name__ == "__main__":
    main()
