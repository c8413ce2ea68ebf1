"""The house a newcomer finds their way around: features in their own packages, arrows that
point one way, and migrations that carry their own data."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ["hub", "home", "charter", "guides", "events", "stories", "search"]
CONTENT_APPS = {"home", "charter", "guides", "events", "stories", "search"}


def modules():
    """{dotted name: path} for every module of the project (migrations apart)."""
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if "migrations" in parts:
                continue
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


def imports(path, top_level_only):
    """Project modules a file imports (at the top, or anywhere)."""
    tree = ast.parse(path.read_text())
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    names = []
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
            names.extend(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
    return {name for name in names if name.split(".")[0] in PACKAGES}


def find_cycles(graph):
    """Every import cycle in {module: modules it imports}, as "a -> b -> a"."""
    cycles, done = [], set()

    def visit(node, trail):
        if node in trail:
            cycles.append(" -> ".join(trail[trail.index(node) :] + [node]))
            return
        if node in done:
            return
        for imported in sorted(graph.get(node, ())):
            visit(imported, trail + [node])
        done.add(node)

    for name in sorted(graph):
        visit(name, [])
    return cycles


def test_there_are_no_import_cycles_between_the_projects_modules():
    known = modules()
    graph = {
        name: {other for other in imports(path, top_level_only=True) if other in known}
        for name, path in known.items()
    }
    assert find_cycles(graph) == []


def test_the_cycle_check_would_find_a_cycle():
    graph = {"hub.models": {"hub.review.emails"}, "hub.review.emails": {"hub.models"}}
    assert find_cycles(graph) == ["hub.models -> hub.review.emails -> hub.models"]


def test_no_module_hides_an_import_of_the_project_inside_a_function():
    # Django asks for model imports inside AppConfig.ready, once every app is loaded.
    allowed = {ROOT / "hub" / "apps.py"}
    hidden = []
    for path in modules().values():
        if path in allowed:
            continue
        inside = imports(path, top_level_only=False) - imports(path, top_level_only=True)
        hidden += [f"{path.relative_to(ROOT)}: {name}" for name in sorted(inside)]
    assert hidden == []


def test_the_shared_layer_never_imports_a_content_app():
    # The project's URL configuration routes to every app; it is the project, not shared code.
    project = {ROOT / "hub" / "urls.py"}
    found = []
    for name, path in modules().items():
        if name.split(".")[0] != "hub" or path in project:
            continue
        found += [
            f"{path.relative_to(ROOT)}: {other}"
            for other in sorted(imports(path, top_level_only=False))
            if other.split(".")[0] in CONTENT_APPS
        ]
    assert found == []


def test_migrations_import_no_application_code():
    offenders = []
    for package in PACKAGES:
        for path in (ROOT / package).glob("migrations/0*.py"):
            offenders += [
                f"{path.relative_to(ROOT)}: {name}"
                for name in sorted(imports(path, top_level_only=False))
            ]
    assert offenders == [], "A migration carries the data it applies; it imports no app code."


def test_every_feature_has_one_package_named_after_it():
    for feature in ("review", "translation", "topics"):
        assert (ROOT / "hub" / feature / "__init__.py").is_file()
    # Nothing of them is left loose in hub/: what is there is the project (settings, URLs,
    # checks, health, logs, backups) or what every page and file shares.
    loose = {path.stem for path in (ROOT / "hub").glob("*.py")}
    assert loose == {
        "__init__",
        "apps",
        "backups",  # the whole hub (database and files) in one archive: the project's
        "bidi",  # numbers kept left to right in right-to-left text, on every page
        "blocks",
        "headers",  # the security headers every answer carries (CSP, Permissions-Policy)
        "health",
        "logging",
        "request_checks",  # refuses requests no browser sends, before any app sees them
        "sendfile_accel",
        "context_processors",
        "documents",  # how a leaflet is described wherever it is linked: type and size
        "factories",
        "furniture",  # what every page shows around its content: menu, footer, languages
        "models",
        "public",
        "sitemap",
        "specific",  # pages of several types, each as its own type, in one query (listings)
        "uploads",  # what any uploaded file may be, whether or not it is under review
        "urls",
        "validators",  # checks on what editors type that readers act on (phone numbers)
        "views",
        "wagtail_hooks",
        "wsgi",
    }
