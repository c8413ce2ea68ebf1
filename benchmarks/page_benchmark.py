"""Pages against the floor: how fast each kind of public page is served, cached and built
afresh, next to a view that needs no database (/robots.txt), in one run; and how many queries
each page makes with an empty cache.

Builds a fresh demo hub (a temporary SQLite file, or --database to reuse one), then serves it
with gunicorn (two sync workers, hub.settings.production, DEBUG off) on loopback with Redis
(--redis-url, a database of its own that is emptied), twice:

- cached: whole pages from Redis (HUB_PAGE_CACHE_SECONDS as production sets it);
- built afresh: HUB_PAGE_CACHE_SECONDS=0, so every request renders the page (navigation,
  footer and settings still come from the cache, as they do in production).

For each address, wrk (2 threads, --connections, asking for gzip as browsers do) runs for
--duration seconds; the table gives requests per second and the ratio to the floor measured in
the same pass. Then, under the same settings, each page's queries with the cache emptied first
(fully cold), and with only the page cache off (the usual cost of a page built afresh). See
benchmarks/README.md for results.

With --baseline DIR, then Wagtail's own demo, bakerydemo, as set up in DIR by
benchmarks/baseline_setup.sh (outside the repository): served the same way (gunicorn, two sync
workers, its production settings, DEBUG off, SQLite, its LocMemCache as production has without
Redis, SSL redirect off), measured with the same wrk settings against its own floor (a static
file: it has no /robots.txt), and set next to the hub's equivalent pages built afresh.

    .venv/bin/python benchmarks/page_benchmark.py
    .venv/bin/python benchmarks/page_benchmark.py --duration 10 --connections 8
    .venv/bin/python benchmarks/page_benchmark.py --baseline /work/bench-baseline
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOOR = "/robots.txt"
PAGES = {
    "home": "/",
    "guide index": "/guides/",
    "guide": "/guides/child-protection-and-care-proceedings/",
    "Easy Read guide": "/guides/child-protection-easy-read/",
    "event index": "/events/",
    "event": "/events/parents-forum-next/",
    "story index": "/you-said-we-did/",
    "story": "/you-said-we-did/letters-to-dads/",
    "charter": "/co-production-charter/",
    "Welsh home": "/cy/",
    "Urdu guide": "/ur/guides/child-protection-and-care-proceedings/",
    "tag page": "/tags/care-proceedings/",
    "search": "/search/?q=care+proceedings",
    "calendar feed": "/calendar/upcoming.ics",
    "sitemap": "/sitemap.xml",
}
# bakerydemo (--baseline): its pages, and the hub's page that does the same job, if any.
BASELINE_FLOOR = "/static/img/bread-favicon.ico"  # served by whitenoise; no database
BASELINE_PAGES = {
    "home": ("/", "home"),
    "blog index": ("/blog/", "guide index"),
    "blog post": ("/blog/wild-yeast/", "guide"),
    "bread index": ("/breads/", None),
    "search": ("/search/?q=bread", "search"),
}

QUERIES = """
import json
from django.core.cache import cache
from django.db import connection, reset_queries
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

paths = json.loads(%(paths)r)
client = Client(HTTP_HOST="127.0.0.1")
counts = {}
for path in paths.values():
    # Django's own per-process memory (content types) is warm in a running server.
    client.get(path)
for name, path in paths.items():
    # Django empties its query log when a request starts, and a capture reads the log when
    # asked: so each count starts from an empty log and is taken at once.
    cache.clear()
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        status = client.get(path).status_code
    cold = len(queries)
    with override_settings(HUB_PAGE_CACHE_SECONDS=0):
        client.get(path)
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        afresh = len(queries)
    counts[name] = {"status": status, "cold": cold, "afresh": afresh}
print("COUNTS " + json.dumps(counts))
"""


def run(command, env):
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(map(str, command))} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def manage(*arguments, env):
    return run([sys.executable, "manage.py", *arguments], env)


def wait_for(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback
                return response.status
        except OSError:
            time.sleep(0.5)
    sys.exit(f"{url} did not answer within {timeout} s")


BROWSER_ACCEPT_ENCODING = "Accept-Encoding: gzip, deflate, br, zstd"


def requests_per_second(base, path, args):
    result = subprocess.run(
        [
            "wrk",
            "--threads",
            "2",
            "--connections",
            str(args.connections),
            "--duration",
            f"{args.duration}s",
            # As Chromium asks: the hub sends (and keeps) gzipped pages to those who take them.
            "--header",
            BROWSER_ACCEPT_ENCODING,
            base + path,
        ],
        capture_output=True,
        text=True,
        timeout=args.duration + 60,
    )
    found = re.search(r"Requests/sec:\s+([\d.]+)", result.stdout)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", result.stdout)
    if not found:
        sys.exit(f"wrk failed on {path}:\n{result.stdout}\n{result.stderr}")
    return float(found.group(1)), int(errors.group(1)) if errors else 0


def serve(env, port, log_path):
    log = open(log_path, "a")  # noqa: SIM115 - closed by the caller's terminate
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "hub.wsgi",
            "--workers",
            "2",
            "--worker-class",
            "sync",
            "--bind",
            f"127.0.0.1:{port}",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def serve_baseline(directory, port, log_path):
    """bakerydemo as benchmarks/baseline_setup.sh left it in directory."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"REDIS_URL", "REDIS_TLS_URL", "ELASTICSEARCH_ENDPOINT"}
    }
    env.update(
        {
            "PYTHONPATH": f"{directory}{os.pathsep}{directory / 'bakerydemo'}",
            "DJANGO_SETTINGS_MODULE": "bench_settings",  # production, SSL redirect off
            "DJANGO_SECRET_KEY": "page-benchmark-only",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": f"sqlite:///{directory / 'bakerydemo.sqlite3'}",
            "DJANGO_LOG_LEVEL": "WARNING",
        }
    )
    log = open(log_path, "a")  # noqa: SIM115 - closed by the caller's terminate
    return subprocess.Popen(
        [
            directory / "venv" / "bin" / "python",
            "-m",
            "gunicorn",
            "bakerydemo.wsgi",
            "--workers",
            "2",
            "--worker-class",
            "sync",
            "--bind",
            f"127.0.0.1:{port}",
        ],
        cwd=directory / "bakerydemo",
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def check_baseline(directory):
    needed = ["venv/bin/python", "bench_settings.py", "bakerydemo.sqlite3", "bakerydemo/manage.py"]
    missing = [name for name in needed if not (directory / name).exists()]
    if missing:
        sys.exit(
            f"{directory} lacks {', '.join(missing)}: "
            f"run benchmarks/baseline_setup.sh {directory} first"
        )


def measure(server, port, floor_path, pages, args):
    """Requests per second for the floor (before and after, averaged) and for each page."""
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + floor_path)
        for path in pages.values():  # each page once, so the first request is not timed
            if wait_for(base + path) != 200:
                sys.exit(f"{path} does not answer 200")
        floor, _ = requests_per_second(base, floor_path, args)
        rows = {}
        for name, path in pages.items():
            rps, bad = requests_per_second(base, path, args)
            if bad:
                sys.exit(f"{path}: {bad} answers other than 2xx/3xx")
            rows[name] = rps
        floor_after, _ = requests_per_second(base, floor_path, args)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return (floor + floor_after) / 2, rows


def demo_hub(scratch, database, redis_url):
    """The environment of the demo hub under production settings in ``scratch``, built there
    (demo content, static files) unless ``database`` is an SQLite file that has it already."""
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{Path(database) if database else scratch / 'hub.sqlite3'}",
        "MEDIA_ROOT": str(scratch / "media"),
        "STATIC_ROOT": str(scratch / "static"),
        "SECRET_KEY": "benchmark-only",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "LOG_LEVEL": "WARNING",
        "REDIS_URL": redis_url,
    }
    production = {**env, "DJANGO_SETTINGS_MODULE": "hub.settings.production"}
    if not database:
        print("Building the demo hub…", flush=True)
        # Under the production settings, as served: the dev settings keep uploaded files in the
        # checkout's media/, where the server (MEDIA_ROOT) would not find the pictures.
        manage("migrate", "--noinput", "-v", "0", env=production)
        manage("load_demo_content", env=production)
    manage("collectstatic", "--noinput", "-v", "0", env=production)
    return production


def flush(redis_url):
    import redis

    redis.Redis.from_url(redis_url).flushdb()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", help="an SQLite file with the demo content already")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/8")
    parser.add_argument("--port", type=int, default=8202)
    parser.add_argument("--duration", type=int, default=8)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument(
        "--baseline",
        type=Path,
        help="also measure bakerydemo, set up there by benchmarks/baseline_setup.sh",
    )
    parser.add_argument("--baseline-port", type=int, default=8301)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is needed: apt-get install -y wrk")
    if args.baseline:
        args.baseline = args.baseline.resolve()
        check_baseline(args.baseline)

    with tempfile.TemporaryDirectory(prefix="hub-pages-") as scratch:
        scratch = Path(scratch)
        production = demo_hub(scratch, args.database, args.redis_url)
        manage("createcachetable", env=production)

        flush(args.redis_url)
        print("Cached pages (whole pages from Redis)…", flush=True)
        server = serve(production, args.port, scratch / "server-cached.log")
        cached_floor, cached = measure(server, args.port, FLOOR, PAGES, args)
        flush(args.redis_url)
        print("Pages built afresh (HUB_PAGE_CACHE_SECONDS=0)…", flush=True)
        afresh_env = {**production, "HUB_PAGE_CACHE_SECONDS": "0"}
        server = serve(afresh_env, args.port, scratch / "server-afresh.log")
        afresh_floor, afresh = measure(server, args.port, FLOOR, PAGES, args)
        flush(args.redis_url)
        out = manage("shell", "-c", QUERIES % {"paths": json.dumps(PAGES)}, env=production)
        counts = json.loads(re.search(r"^COUNTS (.*)$", out, re.M).group(1))
        flush(args.redis_url)
        if args.baseline:
            print("bakerydemo (--baseline)…", flush=True)
            server = serve_baseline(args.baseline, args.baseline_port, scratch / "baseline.log")
            paths = {name: path for name, (path, _) in BASELINE_PAGES.items()}
            baseline = measure(server, args.baseline_port, BASELINE_FLOOR, paths, args)

    print(
        f"\ngunicorn, 2 sync workers, hub.settings.production, SQLite, Redis; "
        f"wrk -t2 -c{args.connections} -d{args.duration}s per address\n"
    )
    print(
        "| page | cached req/s | × floor | built afresh req/s | × floor "
        "| queries, empty cache | queries, afresh |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |")
    print(f"| floor: `{FLOOR}` | {cached_floor:.0f} | 1 | {afresh_floor:.0f} | 1 | | |")
    for name, path in PAGES.items():
        count = counts[name]
        print(
            f"| {name} (`{path}`) | {cached[name]:.0f} | {cached[name] / cached_floor:.2f} "
            f"| {afresh[name]:.0f} | {afresh[name] / afresh_floor:.3f} "
            f"| {count['cold']} | {count['afresh']} |"
        )
    slowest = min(cached[name] / cached_floor for name in PAGES)
    most = max(count["cold"] for count in counts.values())
    print(f"\nslowest cached page: {slowest:.2f} × floor; most queries, empty cache: {most}")
    if args.baseline:
        print_baseline(*baseline, afresh_floor, afresh, args)


def print_baseline(floor, rows, hub_floor, hub, args):
    print(
        f"\nbakerydemo 5a01dcd (Wagtail 7.2): gunicorn, 2 sync workers, its production settings, "
        f"SQLite, LocMemCache, SSL redirect off; wrk -t2 -c{args.connections} "
        f"-d{args.duration}s per address. The hub's pages built afresh, from the pass above.\n"
    )
    print(
        "| bakerydemo page | req/s | the hub's equivalent, built afresh | req/s "
        "| hub / bakerydemo |"
    )
    print("| --- | --- | --- | --- | --- |")
    print(
        f"| floor: `{BASELINE_FLOOR}` (static file) | {floor:.0f} "
        f"| floor: `{FLOOR}` | {hub_floor:.0f} | {hub_floor / floor:.2f} |"
    )
    for name, (path, equivalent) in BASELINE_PAGES.items():
        if equivalent is None:
            print(f"| {name} (`{path}`) | {rows[name]:.0f} | none | | |")
            continue
        print(
            f"| {name} (`{path}`) | {rows[name]:.0f} "
            f"| {equivalent} (`{PAGES[equivalent]}`) | {hub[equivalent]:.0f} "
            f"| {hub[equivalent] / rows[name]:.2f} |"
        )


if __name__ == "__main__":
    main()
