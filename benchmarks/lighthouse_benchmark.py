"""Lighthouse on a phone: performance, accessibility, best practices and SEO, and the layout
shift (CLS), for the home, guide, events and Urdu home pages of the demo hub.

Builds a fresh demo hub (a temporary SQLite file, or --database to reuse one), serves it with
gunicorn (two workers, hub.settings.production, DEBUG off, Redis at --redis-url) on loopback,
and runs Lighthouse (npm, pinned below; `npx` fetches it the first time) in Debian's Chromium
with its mobile settings (a throttled phone on a slow 4G connection). See
benchmarks/README.md for results.

    .venv/bin/python benchmarks/lighthouse_benchmark.py
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from page_benchmark import demo_hub, flush, serve, wait_for  # noqa: E402

LIGHTHOUSE = "lighthouse@12.8.2"
CHROMIUM = "/usr/bin/chromium"
PAGES = {
    "home": "/",
    "guide": "/guides/child-protection-and-care-proceedings/",
    "events": "/events/",
    "Urdu home": "/ur/",
}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def lighthouse(url, output):
    subprocess.run(
        [
            "npx",
            "--yes",
            LIGHTHOUSE,
            url,
            f"--only-categories={','.join(CATEGORIES)}",
            "--form-factor=mobile",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            "--output=json",
            f"--output-path={output}",
            "--quiet",
        ],
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        check=True,
        timeout=300,
    )
    report = json.loads(Path(output).read_text())
    audits = report["audits"]
    return {
        **{name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES},
        "CLS": audits["cumulative-layout-shift"]["numericValue"],
        "LCP": audits["largest-contentful-paint"]["displayValue"],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", help="an SQLite file with the demo content already")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/8")
    parser.add_argument("--port", type=int, default=8203)
    args = parser.parse_args()
    if shutil.which("npx") is None or not Path(CHROMIUM).exists():
        sys.exit("Lighthouse needs npx (Node.js) and Debian's Chromium (apt-get install chromium)")

    with tempfile.TemporaryDirectory(prefix="hub-lighthouse-") as scratch:
        scratch = Path(scratch)
        production = demo_hub(scratch, args.database, args.redis_url)
        flush(args.redis_url)
        server = serve(production, args.port, scratch / "server.log")
        base = f"http://127.0.0.1:{args.port}"
        try:
            wait_for(base + "/robots.txt")
            results = {
                name: lighthouse(base + path, scratch / "report.json")
                for name, path in PAGES.items()
            }
        finally:
            server.terminate()
            server.wait(timeout=30)
        flush(args.redis_url)

    print(f"\nLighthouse {LIGHTHOUSE.split('@')[1]}, mobile, Debian's Chromium\n")
    print("| page | performance | accessibility | best practices | SEO | CLS | LCP |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name, r in results.items():
        print(
            f"| {name} (`{PAGES[name]}`) | {r['performance']} | {r['accessibility']} "
            f"| {r['best-practices']} | {r['seo']} | {r['CLS']:.3f} | {r['LCP']} |"
        )


if __name__ == "__main__":
    main()
