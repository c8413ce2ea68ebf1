"""axe-core (the pinned npm package) in Chromium: the accessibility engine the tests run."""

import json
from pathlib import Path

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def run_axe(page, context=None):
    """Runs axe-core (the pinned npm package) on the page, or on the part a CSS selector
    names; returns its violations."""
    if not AXE.exists():
        raise RuntimeError(f"axe-core is missing at {AXE}: run 'npm ci' (make test does).")
    # Run through DevTools, not as a <script> tag: the hub's Content-Security-Policy refuses
    # inline scripts, as it should (hub/headers.py).
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    result = page.evaluate(
        "async (context) => JSON.stringify(await axe.run(context || document))", context
    )
    return json.loads(result)["violations"]


def describe(violations):
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:3]:
            lines.append(f"    {node['target']}: {node['failureSummary'].splitlines()[-1]}")
    return "\n".join(lines)
