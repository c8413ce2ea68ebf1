"""Load: public pages and search under 16 connections while parents publish through review.

Builds a fresh hub with the demo content (a temporary SQLite file, or with --postgres a new
PostgreSQL database on 127.0.0.1 that is dropped afterwards), serves it with gunicorn (two sync
workers, hub.settings.production) on loopback, then for --duration seconds:

- wrk sends public pages (every page in the sitemap, the calendar feed) and first-page
  searches (each one writes the search terms counter) over 16 connections;
- another process writes a story, sends it to parent review and has two parents approve it,
  which publishes it, again and again.

It prints requests, errors (any answer but 200, and socket errors), latency p50/p95/p99, the
stories published, and how often the server's log says "database is locked". Bounded in time
and count; sends traffic to 127.0.0.1 only. See benchmarks/README.md for results.

    .venv/bin/python benchmarks/load_benchmark.py
    .venv/bin/python benchmarks/load_benchmark.py --postgres
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
SEARCHES = [
    "court",
    "child protection",
    "meeting",
    "care proceedings",
    "social worker",
    "advocate",
    "forum",
    "easy read",
    "letters",
    "rights",
    "what is co-production",
    "conference",
    "family group",
    "support",
    "complaint",
    "interpreter",
]

LUA = """
local paths = %(paths)s
local threads = {}
local counter = 0

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  ok = 0
  bad = 0
  statuses = ""
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end

function response(status, headers, body)
  if status == 200 then
    ok = ok + 1
  else
    bad = bad + 1
    if #statuses < 200 then statuses = statuses .. status .. " " end
  end
end

function done(summary, latency, requests)
  local ok_total, bad_total, seen = 0, 0, ""
  for _, thread in ipairs(threads) do
    ok_total = ok_total + thread:get("ok")
    bad_total = bad_total + thread:get("bad")
    seen = seen .. thread:get("statuses")
  end
  local socket = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout
  io.write(string.format(
    "RESULT {\\"requests\\": %%d, \\"ok\\": %%d, \\"bad\\": %%d, \\"socket_errors\\": %%d, " ..
    "\\"p50\\": %%.1f, \\"p95\\": %%.1f, \\"p99\\": %%.1f, \\"max\\": %%.1f, " ..
    "\\"seconds\\": %%.1f, \\"statuses\\": \\"%%s\\"}\\n",
    summary.requests, ok_total, bad_total, socket,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.duration / 1e6, seen))
end
"""

PUBLISH = """
import json, os, statistics, time
from django.conf import settings
# Review emails would go to an SMTP server this benchmark does not run.
settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
from django.contrib.auth import get_user_model
from stories.factories import StoryPageFactory
from stories.models import StoryIndexPage

User = get_user_model()
comms = User.objects.get(username="comms")
parents = [User.objects.get(username=name) for name in ("parent1", "parent2")]
index = StoryIndexPage.objects.get(locale__language_code="en")
deadline = time.monotonic() + float(os.environ["BENCH_DURATION"])
rounds, published, errors, timings = 0, 0, [], []
while time.monotonic() < deadline:
    rounds += 1
    started = time.monotonic()
    try:
        page = StoryPageFactory(parent=index, title=f"Load test story {rounds}", live=False)
        page.save_revision(user=comms)
        page.get_workflow().start(page, comms)
        for parent in parents:
            page.refresh_from_db()
            state = page.current_workflow_task_state
            state.task.specific.on_action(state, parent, "approve")
        page.refresh_from_db()
        if page.live:
            published += 1
        else:
            errors.append(f"story {rounds} is not live after two approvals")
    except Exception as error:
        errors.append(f"{type(error).__name__}: {error}")
    timings.append(time.monotonic() - started)
    time.sleep(0.2)
print(json.dumps({
    "rounds": rounds, "published": published, "errors": len(errors), "first_errors": errors[:5],
    "p50": statistics.median(timings) * 1000 if timings else 0,
}))
"""


def run(command, env, **kwargs):
    result = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, check=False, **kwargs
    )
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
                if response.status == 200:
                    return response.read().decode()
        except OSError:
            time.sleep(0.5)
    sys.exit(f"{url} did not answer within {timeout} s")


def public_paths(base):
    """Every page in the sitemap, the calendar feed, and first-page searches."""
    sitemap = wait_for(f"{base}/sitemap.xml")
    pages = sorted(
        {re.sub(r"^https?://[^/]+", "", loc) for loc in re.findall(r"<loc>(.*?)</loc>", sitemap)}
    )
    searches = [f"/search/?q={term.replace(' ', '+')}" for term in SEARCHES]
    return pages + ["/calendar/upcoming.ics"] + searches


def postgres_database(name):
    import psycopg

    with psycopg.connect(
        host="127.0.0.1", user="postgres", dbname="postgres", autocommit=True
    ) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')


def drop_postgres_database(name):
    import psycopg

    with psycopg.connect(
        host="127.0.0.1", user="postgres", dbname="postgres", autocommit=True
    ) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres", action="store_true", help="PostgreSQL instead of SQLite")
    parser.add_argument("--database-name", default="hub_harden_load")
    parser.add_argument("--port", type=int, default=8201)
    parser.add_argument("--duration", type=int, default=30)
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is needed: apt-get install -y wrk")

    with tempfile.TemporaryDirectory(prefix="hub-load-") as scratch:
        scratch = Path(scratch)
        if args.postgres:
            postgres_database(args.database_name)
            database_url = f"postgres://postgres@127.0.0.1:5432/{args.database_name}"
        else:
            database_url = f"sqlite:///{scratch / 'hub.sqlite3'}"
        env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "MEDIA_ROOT": str(scratch / "media"),
            "STATIC_ROOT": str(scratch / "static"),
            "SECRET_KEY": "load-benchmark-only",
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "LOG_LEVEL": "WARNING",
        }
        setup = {**env, "DJANGO_SETTINGS_MODULE": "hub.settings.dev"}
        production = {**env, "DJANGO_SETTINGS_MODULE": "hub.settings.production"}
        started = time.monotonic()
        print("Building the demo hub…", flush=True)
        # Pictures and leaflets go to MEDIA_ROOT, where the production server reads them.
        manage("migrate", "--noinput", "-v", "0", env=production)
        manage("load_demo_content", env=production)
        manage("demo_accounts", env=setup)
        manage("collectstatic", "--noinput", "-v", "0", env=production)
        print(f"  ready in {time.monotonic() - started:.0f} s", flush=True)

        log = open(scratch / "server.log", "w")  # noqa: SIM115 - closed below
        server = subprocess.Popen(
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
                f"127.0.0.1:{args.port}",
                "--timeout",
                "60",
            ],
            cwd=ROOT,
            env=production,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{args.port}"
        try:
            paths = public_paths(base)
            script = scratch / "load.lua"
            script.write_text(LUA % {"paths": "{" + ", ".join(json.dumps(p) for p in paths) + "}"})
            publisher = subprocess.Popen(
                [sys.executable, "manage.py", "shell", "-c", PUBLISH],
                cwd=ROOT,
                env={**production, "BENCH_DURATION": str(args.duration)},
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            load = subprocess.run(
                [
                    "wrk",
                    "--threads",
                    "2",
                    "--connections",
                    str(args.connections),
                    "--duration",
                    f"{args.duration}s",
                    "--timeout",
                    "30s",
                    "--script",
                    str(script),
                    base,
                ],
                capture_output=True,
                text=True,
                timeout=args.duration + 120,
                check=False,
            )
            out, err = publisher.communicate(timeout=args.duration + 120)
        finally:
            server.terminate()
            server.wait(timeout=30)
            log.close()
            if args.postgres:
                drop_postgres_database(args.database_name)
        server_log = (scratch / "server.log").read_text()

    result = re.search(r"^RESULT (.*)$", load.stdout, re.MULTILINE)
    if not result or publisher.returncode != 0:
        sys.exit(f"The load run failed:\n{load.stdout}\n{load.stderr}\n{err}")
    web = json.loads(result.group(1))
    publishing = json.loads(out.strip().splitlines()[-1])
    locked = server_log.count("database is locked") + err.count("database is locked")
    server_errors = server_log.count("Internal Server Error")
    engine = "PostgreSQL" if args.postgres else "SQLite"
    print(f"\n{engine}: {len(paths)} addresses, {args.connections} connections, {args.duration} s")
    print(
        f"  web: {web['requests']} requests ({web['requests'] / web['seconds']:.0f}/s), "
        f"{web['bad']} answers other than 200 {web['statuses'].strip()}, "
        f"{web['socket_errors']} socket errors; "
        f"p50 {web['p50']:.1f} ms, p95 {web['p95']:.1f} ms, p99 {web['p99']:.1f} ms, "
        f"max {web['max']:.1f} ms"
    )
    print(
        f"  publishing: {publishing['published']} of {publishing['rounds']} stories published "
        f"through parent review, {publishing['errors']} errors {publishing['first_errors']}, "
        f"p50 {publishing['p50']:.0f} ms per story"
    )
    print(f"  server log: {server_errors} server errors, 'database is locked' {locked} times")
    failed = web["bad"] or web["socket_errors"] or publishing["errors"] or locked or server_errors
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
