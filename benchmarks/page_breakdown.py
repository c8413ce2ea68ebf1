"""Where a page built afresh spends its time: finding the page, its own context, drawing the
templates, the database, in one process under the production settings with the page cache off.

    .venv/bin/python benchmarks/page_breakdown.py                       # the guide
    .venv/bin/python benchmarks/page_breakdown.py / /guides/ --requests 200

Builds the demo hub as page_benchmark.py does (a temporary SQLite file, production settings,
Redis on loopback; --database to reuse a file that has the demo), then, for each address, sends
--requests requests through Django's test client after a warm-up, with a timer around each part.
The parts nest (the database's time is inside the others, and so are page addresses), so they
do not add up to the whole; what is left is middleware and Django's handling. Not a test: the
suite never runs it.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def timed_parts(paths, requests):
    """{path: {part: ms per request}}, in this process (its settings already in the env)."""
    os.environ["HUB_PAGE_CACHE_SECONDS"] = "0"
    import django

    django.setup()
    from django.db.backends.utils import CursorWrapper
    from django.template.response import SimpleTemplateResponse
    from django.test import Client
    from wagtail.models import Page

    import hub.views

    spent = defaultdict(float)

    def timer(owner, name, part):
        original = getattr(owner, name)

        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                spent[part] += time.perf_counter() - started

        setattr(owner, name, timed)

    timer(hub.views, "find_page", "finding the page and its language versions (two queries)")
    timer(Page, "get_url", "Wagtail building page addresses (get_url, wherever it is called)")
    timer(Page, "serve", "Wagtail serving it: the page's own context, with its queries")
    timer(SimpleTemplateResponse, "render", "drawing the templates (their queries too)")
    timer(CursorWrapper, "execute", "the database (every query, as the driver runs it)")

    client = Client(HTTP_HOST="127.0.0.1")
    found = {}
    for path in ["/robots.txt", *paths]:
        for _ in range(10):
            assert client.get(path).status_code == 200, path
        spent.clear()
        started = time.perf_counter()
        for _ in range(requests):
            client.get(path)
        whole = (time.perf_counter() - started) / requests * 1000
        found[path] = {"the whole request": whole}
        found[path].update({part: s / requests * 1000 for part, s in spent.items()})
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "paths", nargs="*", default=["/guides/child-protection-and-care-proceedings/"]
    )
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--database", help="an SQLite file with the demo content already")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/8")
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inner:
        print(json.dumps(timed_parts(args.paths, args.requests)))
        return

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from page_benchmark import demo_hub, flush

    with tempfile.TemporaryDirectory(prefix="hub-breakdown-") as scratch:
        production = demo_hub(Path(scratch), args.database, args.redis_url)
        flush(args.redis_url)
        inner = [sys.executable, __file__, "--inner", "--requests", str(args.requests)]
        result = subprocess.run(
            [*inner, *args.paths], cwd=ROOT, env=production, capture_output=True, text=True
        )
    if result.returncode != 0:
        sys.exit(result.stderr)
    found = json.loads(result.stdout.strip().splitlines()[-1])
    print(f"ms per request, {args.requests} requests each, page cache off (production settings)")
    for path, parts in found.items():
        print(f"\n{path}")
        for part, ms in parts.items():
            print(f"  {ms:6.2f}  {part}")


if __name__ == "__main__":
    main()
