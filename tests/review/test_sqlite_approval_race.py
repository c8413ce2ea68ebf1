"""Two parents approving the same draft in the same instant on SQLite (the embedded default):
both approvals count and the draft goes live, with no "database is locked".

Each parent is a separate process on one SQLite file, as two web server workers would be,
and they wait at a barrier so their transactions really overlap. Several drafts are raced in
turn so that one lucky ordering cannot hide the problem.
"""

import json
import os
import sqlite3
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.db import connection

from hub.review.roles import COMMS_STAFF, PARENT_REVIEWERS
from tests.helpers.workflow import submit

pytestmark = [
    # The other process reads the draft from a copy of the test database: it must be committed.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "sqlite",
        reason="the PostgreSQL race is tested in test_concurrent_approvals.py",
    ),
]

DRAFTS = 3

# Run by each parent's process: wait at the barrier for each draft, then approve it.
APPROVE_IN_TURN = """
import json, os, time
from pathlib import Path
from django.contrib.auth import get_user_model
from wagtail.models import TaskState

barrier = Path(os.environ["RACE_DIR"])
user = get_user_model().objects.get(username=os.environ["RACE_USER"])
results = []
for number, state_id in enumerate(json.loads(os.environ["RACE_STATES"])):
    state = TaskState.objects.get(pk=state_id)
    (barrier / f"ready-{number}-{user.username}").touch()
    while not (barrier / f"go-{number}").exists():
        time.sleep(0.0002)
    try:
        state.task.specific.on_action(state, user, "approve")
        results.append("approved")
    except Exception as error:
        results.append(f"{type(error).__name__}: {error}")
print(json.dumps(results))
"""


def copy_test_database(path):
    """The test database (in memory) written to a file that other processes can open."""
    connection.ensure_connection()
    target = sqlite3.connect(path)
    with target:
        connection.connection.backup(target)
    target.close()


def start_parent(username, database, barrier, state_ids):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hub.settings.test",
        "DATABASE_URL": f"sqlite:///{database}",
        "RACE_DIR": str(barrier),
        "RACE_USER": username,
        "RACE_STATES": json.dumps(state_ids),
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", "shell", "-c", APPROVE_IN_TURN],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for(path, deadline):
    while not path.exists():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{path.name} never appeared")
        time.sleep(0.001)


def test_two_parents_approving_at_once_on_sqlite_both_count_and_the_draft_goes_live(
    home, make_member, tmp_path
):
    from stories.factories import StoryIndexPageFactory, StoryPageFactory

    comms = make_member("comms", COMMS_STAFF)
    make_member("parent_a", PARENT_REVIEWERS)
    make_member("parent_b", PARENT_REVIEWERS)
    index = StoryIndexPageFactory(parent=home)
    stories = [
        StoryPageFactory(parent=index, title=f"Draft {n}", live=False) for n in range(DRAFTS)
    ]
    state_ids = [submit(story, comms).current_task_state.pk for story in stories]
    database = tmp_path / "hub.sqlite3"
    copy_test_database(database)
    barrier = tmp_path / "barrier"
    barrier.mkdir()

    parents = [
        start_parent(name, database, barrier, state_ids) for name in ("parent_a", "parent_b")
    ]
    deadline = time.monotonic() + 60
    for number in range(DRAFTS):
        for name in ("parent_a", "parent_b"):
            wait_for(barrier / f"ready-{number}-{name}", deadline)
        (barrier / f"go-{number}").touch()
    outputs = [parent.communicate(timeout=60) for parent in parents]

    for parent, (stdout, stderr) in zip(parents, outputs, strict=True):
        assert parent.returncode == 0, stderr
        assert json.loads(stdout.strip().splitlines()[-1]) == ["approved"] * DRAFTS
    with sqlite3.connect(database) as result:
        approvals = result.execute(
            "SELECT COUNT(*) FROM hub_parentreviewdecision WHERE decision = 'approved'"
        ).fetchone()[0]
        live = result.execute(
            "SELECT COUNT(*) FROM wagtailcore_page WHERE title LIKE 'Draft %' AND live"
        ).fetchone()[0]
        published = result.execute(
            "SELECT COUNT(*) FROM wagtailcore_pagelogentry WHERE action = ?",
            ["hub.parent_review.published"],
        ).fetchone()[0]
    assert approvals == 2 * DRAFTS
    assert live == DRAFTS
    assert published == DRAFTS
