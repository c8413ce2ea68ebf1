"""axe-core (the pinned npm package) in Chromium: the accessibility engine the tests run."""

import json
from pathlib import Path

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def run_axe(page, context=None):
    """Runs axe-core (the pinned npm package) on the page, or on the part a CSS selector
    names; returns its violations."""
    if not AXE.exists():
        raise RuntimeError(f"axe-core is missing at {AXE}: run 'npm ci' (make test does).")
    page.add_script_tag(path=str(AXE))
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
