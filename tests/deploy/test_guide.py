"""docs/deploy.md and deploy/ agree with the code: every command the guide, the units and the
cron file run exists and accepts its options, every file it names exists, every environment
variable the code reads is in its table (and nothing else is), and the shipped units and
gunicorn config are valid to systemd and gunicorn themselves."""

import fnmatch
import multiprocessing
import os
import re
import shlex
import shutil
import subprocess
import sys

import pytest
from django.core.management import get_commands, load_command_class

from tests.deploy.stack import ROOT, SECRET

GUIDE = (ROOT / "docs" / "deploy.md").read_text()
DEPLOY = ROOT / "deploy"
SHELL_BLOCKS = re.findall(r"```sh\n(.*?)```", GUIDE, re.S)
GUIDE_VARIABLES = {"HUB_HOST": "hub.example.org", "HUB_ADMIN_EMAIL": "you@example.org"}


def guide_commands():
    """Every command line in the guide's shell blocks, with its variables filled in."""
    for block in SHELL_BLOCKS:
        for line in block.replace("\\\n", " ").splitlines():  # a line ending in \ goes on
            line = line.strip()
            if line and not line.startswith("#"):
                for name, value in GUIDE_VARIABLES.items():
                    line = line.replace(f'"${name}"', value).replace(f"${name}", value)
                yield line


def manage_calls():
    """(where, command, arguments) for every manage.py command the guide, the cron file and
    the systemd timers run."""
    for line in guide_commands():
        words = shlex.split(line)
        if "deploy/manage" in words:
            rest = words[words.index("deploy/manage") + 1 :]
            yield "docs/deploy.md", rest[0], rest[1:]
    for line in (DEPLOY / "cron").read_text().splitlines():
        # Not comments, nor settings such as MAILTO=; a job's redirection is not an argument.
        if line and not line.startswith("#") and not re.match(r"\w+=", line):
            words = [word for word in line.split() if not word.startswith(">")]
            yield "deploy/cron", words[7], words[8:]
    for timer in (DEPLOY / "systemd").glob("*.timer"):
        unit = re.search(r"^Unit=partnership-hub-manage@(.+)\.service$", timer.read_text(), re.M)
        yield timer.name, unit[1], []


def test_the_readme_links_the_guide():
    assert "(docs/deploy.md)" in (ROOT / "README.md").read_text()


def test_every_manage_command_in_the_guide_and_the_schedules_exists_and_takes_its_options():
    commands = get_commands()
    calls = list(manage_calls())
    assert len(calls) >= 15
    for where, name, arguments in calls:
        assert name in commands, f"{where} runs '{name}', which is not a command"
        parser = load_command_class(commands[name], name).create_parser("manage.py", name)
        parser.parse_args(arguments)  # exits (fails the test) on an unknown option


def test_the_timers_and_the_cron_file_run_the_same_jobs():
    by_place = {}
    for where, name, _ in manage_calls():
        by_place.setdefault("cron" if where == "deploy/cron" else where, set()).add(name)
    timers = set().union(*(jobs for place, jobs in by_place.items() if place.endswith(".timer")))
    assert (
        timers
        == by_place["cron"]
        == {
            "publish_scheduled",
            "flush_search_counts",
            "searchpromotions_garbage_collect",
            "clearsessions",
        }
    )
    for job in timers:
        assert f"`{job}`" in GUIDE


def test_every_file_the_guide_names_exists():
    names = set(re.findall(r"\bdeploy/[\w./@*-]+", GUIDE))
    assert names
    for name in names:
        name = name.rstrip(".")
        matches = list(ROOT.glob(name))
        assert matches, f"docs/deploy.md names {name}, which does not exist"


def test_every_hub_unit_the_guide_starts_or_stops_is_one_the_hub_ships():
    named = {
        word if "." in word or "*" in word else f"{word}.service"
        for line in guide_commands()
        if "systemctl" in line
        for word in shlex.split(line)
        if word.startswith("partnership-hub")
    }
    assert "partnership-hub-sessions.timer" in named
    shipped = [path.name for path in (DEPLOY / "systemd").iterdir()]
    for name in named:  # a name, or a pattern such as 'partnership-hub-*'
        assert fnmatch.filter(shipped, name), f"docs/deploy.md names {name}, which is not shipped"


def test_going_back_to_a_backup_stops_whatever_could_send_or_write_first():
    """The email worker, the timers and a job a timer started would read a database that is
    half restored (stopping a timer leaves its running job running)."""
    backups = GUIDE[GUIDE.index("**Going back to a backup") : GUIDE.index("## Logs")]
    stop = backups[backups.index("systemctl stop") : backups.index("restore --force")]
    for unit in [
        "partnership-hub ",
        "partnership-hub-mail",
        *(path.name for path in (DEPLOY / "systemd").glob("*.timer")),
        "'partnership-hub-manage@*.service'",
    ]:
        assert unit in stop, unit


def test_upgrades_install_build_compile_migrate_reindex_and_restart_in_that_order():
    upgrade = GUIDE[GUIDE.index("## Upgrades") : GUIDE.index("## Backups")]
    steps = [
        "pip install -r requirements.lock",
        "npm run build",
        "compilepo",
        "collectstatic",
        "migrate",
        "update_index",
        # Not reload: gunicorn's master loads the hub for its checks, so a reload's workers
        # would keep the old code.
        "systemctl restart partnership-hub",
    ]
    positions = [upgrade.index(step) for step in steps]
    assert positions == sorted(positions)


def test_the_backup_section_names_the_backup_commands():
    backups = GUIDE[GUIDE.index("## Backups") : GUIDE.index("## Logs")]
    assert "`manage.py backup`" in backups
    assert "`manage.py restore ARCHIVE`" in backups


def variables_the_code_reads():
    sources = [DEPLOY / "gunicorn.conf.py"] + [
        path
        for package in ("hub", "home", "charter", "guides", "events", "stories", "search")
        for path in (ROOT / package).rglob("*.py")
        # The suite's own settings never run in production.
        if "migrations" not in path.parts and path != ROOT / "hub" / "settings" / "test.py"
    ]
    names = {"DJANGO_SETTINGS_MODULE"}
    for path in sources:
        text = path.read_text()
        names |= set(re.findall(r"os\.environ(?:\.get)?[\(\[]\"([A-Z_]+)\"", text))
        names |= set(re.findall(r"env_list\(\"([A-Z_]+)\"", text))
        # hub/caching/settings.py reads the environment it is given.
        names |= set(re.findall(r"env\.get\(\"([A-Z_]+)\"", text))
        for required in re.findall(r"_required\(env, ([^)]*)\)", text):
            names |= set(re.findall(r"\"([A-Z_]+)\"", required))
        names |= set(re.findall(r"^PASSWORD_VARIABLE = \"([A-Z_]+)\"", text, re.M))
    names |= set(re.findall(r"\$\{([A-Z_]+):-", (DEPLOY / "manage").read_text()))
    return names


def guide_table_variables():
    table = GUIDE[GUIDE.index("## Environment variables") : GUIDE.index("## Upgrades")]
    rows = re.findall(r"^\| `([A-Z_]+)` \| ([^|]+) \| ([^|]+) \|", table, re.M)
    for name, default, example in rows:
        assert default.strip() and example.strip(), f"{name} needs a default and an example"
    return {name for name, _, _ in rows}


def test_the_variables_table_lists_exactly_what_the_code_reads():
    assert guide_table_variables() == variables_the_code_reads()


def test_the_example_environment_file_is_valid_shell_and_starts_production(tmp_path):
    """deploy/manage reads the file with `sh` (`set -a; . file`): values come back as the
    settings expect them, and production starts with them."""
    dump = subprocess.run(
        ["sh", "-c", f'set -a; . "{DEPLOY / "env.example"}"; set +a; env -0'],
        env={"PATH": os.environ.get("PATH", "/usr/bin:/bin")},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    environment = dict(item.split("=", 1) for item in dump.split("\0") if "=" in item)
    assert environment["ADMINS"] == "Web team <web@example.org>"
    keys = set(re.findall(r"^([A-Z_]+)=", (DEPLOY / "env.example").read_text(), re.M))
    assert keys <= guide_table_variables()
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.ADMINS, s.ALLOWED_HOSTS, s.HUB_MEDIA_ACCEL_REDIRECT, s.SENDFILE_BACKEND)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**environment, "SECRET_KEY": SECRET},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split("] ", 1)[1].split() == [
        "['hub.example.org']",
        "/protected-media/",
        "hub.sendfile_accel",
    ]


def test_gunicorn_accepts_its_config_with_workers_from_the_cpu_count_and_an_access_log():
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "hub.settings.production",
        "SECRET_KEY": SECRET,
        "ALLOWED_HOSTS": "hub.example.org",
        "DATABASE_URL": "postgres://hub@127.0.0.1/hub",
    }
    result = subprocess.run(
        [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "--print-config"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    config = dict(
        (key.strip(), value.strip())
        for key, _, value in (line.partition("=") for line in result.stdout.splitlines())
    )
    assert config["workers"] == str(multiprocessing.cpu_count() * 2 + 1)
    assert config["bind"] == "['127.0.0.1:8000']"
    assert config["accesslog"] == "-"
    assert config["timeout"] == "30"
    assert config["wsgi_app"] == "hub.wsgi:application"
    assert config["control_socket_disable"] == "True"


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd-analyze is not here")
def test_systemd_accepts_the_units(tmp_path):
    # The units name /srv/hub/app; systemd checks that their programs exist, so point them
    # at this checkout.
    for unit in (DEPLOY / "systemd").iterdir():
        text = unit.read_text().replace("/srv/hub/app", str(ROOT))
        (tmp_path / unit.name).write_text(text)
    result = subprocess.run(
        ["systemd-analyze", "verify", *sorted(str(p) for p in tmp_path.glob("*.timer"))]
        + [
            str(tmp_path / "partnership-hub.service"),
            str(tmp_path / "partnership-hub-mail.service"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    problems = [
        line
        for line in result.stderr.splitlines()
        # Only the hub's own units are judged, not the machine's.
        if "partnership-hub" in line
    ]
    assert result.returncode == 0 and problems == [], result.stderr


@pytest.mark.parametrize(("given", "used"), [("", "INFO"), ("WARNING", "WARNING")])
def test_deploy_manage_takes_a_log_level_it_is_given_over_the_env_files(tmp_path, given, used):
    """The cron jobs run with LOG_LEVEL=WARNING, so cron mails warnings and errors only, not
    each publish's INFO line; the env file says INFO for the service."""
    env_file = tmp_path / "env"
    env_file.write_text(
        "SECRET_KEY=only-for-this-test\nALLOWED_HOSTS=hub.example.org\n"
        f"DATABASE_URL=sqlite:///{tmp_path / 'hub.sqlite3'}\nLOG_LEVEL=INFO\n"
    )
    env = {**os.environ, "HUB_ENV_FILE": str(env_file), "LOG_LEVEL": given}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    answer = subprocess.run(
        [str(DEPLOY / "manage"), "shell", "-c", "import os; print(os.environ['LOG_LEVEL'])"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert answer.returncode == 0, answer.stderr
    assert answer.stdout.strip().splitlines()[-1] == used
