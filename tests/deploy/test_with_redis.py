"""Production as a council runs it: two gunicorn workers sharing Redis. Whole pages come from
the shared cache, and a change made by another process (an approval in the admin, a scheduled
go-live from cron) reaches every worker at once. A dead Redis slows the hub, never stops it."""

import re
import socket
import subprocess
import sys
import time
import warnings

import pytest
import requests
from urllib3.exceptions import InsecureRequestWarning

from guides.factories import GuideIndexPageFactory, GuidePageFactory
from tests.deploy.stack import HOST, ROOT

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def _self_signed_certificate_is_expected():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InsecureRequestWarning)
        yield


@pytest.fixture
def guide(home):
    index = GuideIndexPageFactory(parent=home, title="Guides", slug="guides")
    return GuidePageFactory(parent=index, title="Care proceedings", slug="care-proceedings")


def get(stack, path):
    response = requests.get(stack.url(path), headers={"Host": HOST}, verify=False, timeout=10)
    assert response.status_code == 200, (path, response.status_code)
    return response


def manage(stack, *args, **env):
    """Runs manage.py as another process on the same server would (cron, a shell), with the
    stack's settings and ``env``."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**stack.env, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def publish_from_another_process(stack, page, title, **env):
    return manage(
        stack,
        "shell",
        "-c",
        "from wagtail.models import Page; "
        f"page = Page.objects.get(pk={page.pk}).specific; page.title = {title!r}; "
        "page.save_revision().publish()",
        **env,
    )


def test_pages_come_from_the_shared_cache_for_every_worker(guide, hub_behind_nginx, redis_url):
    stack = hub_behind_nginx(REDIS_URL=redis_url)
    first = get(stack, "/guides/care-proceedings/")
    assert first.headers["X-Hub-Cache"] == "miss"
    answers = [get(stack, "/guides/care-proceedings/").headers["X-Hub-Cache"] for _ in range(20)]
    assert answers == ["hit"] * 20  # both workers read the one cache


def test_a_head_request_gets_the_headers_alone_and_no_warning_in_the_log(
    guide, hub_behind_nginx, redis_url
):
    """Uptime monitors ask HEAD: each one left gunicorn's warning in the log."""
    stack = hub_behind_nginx(REDIS_URL=redis_url)
    for path in ("/guides/care-proceedings/", "/guides/care-proceedings/", "/robots.txt"):
        answer = requests.head(stack.url(path), headers={"Host": HOST}, verify=False, timeout=10)
        assert answer.status_code == 200, path
        assert answer.content == b""
        assert int(answer.headers["Content-Length"]) > 0
    assert not [line for line in stack.app_log_lines() if "no-body response" in line]


def test_a_publish_by_another_process_shows_at_once_from_every_worker(
    guide, hub_behind_nginx, redis_url
):
    stack = hub_behind_nginx(REDIS_URL=redis_url)
    for _ in range(10):
        get(stack, "/guides/care-proceedings/")
        get(stack, "/guides/")
    publish_from_another_process(stack, guide, "Care proceedings explained")
    fresh = [
        "Care proceedings explained" in get(stack, path).text
        for _ in range(10)
        for path in ("/guides/care-proceedings/", "/guides/")
    ]
    assert fresh == [True] * 20


def test_a_publish_that_could_not_reach_redis_shows_once_it_can(guide, hub_behind_nginx, redis_url):
    """A scheduled go-live runs while Redis is out of the command's reach (a restart, a network
    fault) but still holds the workers' pages: the database keeps the change's generation, and
    each worker compares the two every HUB_CACHE_CHECK_SECONDS (one here) and catches up."""
    stack = hub_behind_nginx(REDIS_URL=redis_url, HUB_CACHE_CHECK_SECONDS="1")
    for _ in range(6):
        get(stack, "/guides/care-proceedings/")
        get(stack, "/guides/")
    assert get(stack, "/guides/").headers["X-Hub-Cache"] == "hit"

    publish_from_another_process(
        stack, guide, "Care proceedings explained", REDIS_URL="redis://127.0.0.1:9/0"
    )
    time.sleep(1.5)  # past each worker's next check

    fresh = [
        "Care proceedings explained" in get(stack, path).text
        for _ in range(10)
        for path in ("/guides/care-proceedings/", "/guides/")
    ]
    assert fresh == [True] * 20


def test_a_dead_redis_slows_the_hub_but_never_stops_it(guide, hub_behind_nginx):
    stack = hub_behind_nginx(REDIS_URL="redis://127.0.0.1:9/0")  # nothing listens there
    for path in ("/", "/guides/", "/guides/care-proceedings/", "/search/?q=court"):
        for _ in range(5):
            response = get(stack, path)
            assert (
                "X-Hub-Cache" not in response.headers or response.headers["X-Hub-Cache"] == "miss"
            )
    health = requests.get(stack.url("/healthz"), headers={"Host": HOST}, verify=False, timeout=10)
    assert health.status_code == 200
    assert "degraded" in health.text
    warnings_logged = [line for line in stack.app_log_lines() if '"logger": "hub.cache"' in line]
    # At most one line a minute from each of the two workers, not one per request.
    assert 1 <= len(warnings_logged) <= 2, warnings_logged


@pytest.fixture
def hanging_redis():
    """An address that takes connections and never answers, as a Redis that hangs does (the
    kernel completes each connection into the listen backlog; nothing ever reads it)."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(200)
        yield f"redis://127.0.0.1:{listener.getsockname()[1]}/0"


def test_a_redis_that_hangs_is_left_alone_and_pages_come_at_their_usual_pace(
    guide, hub_behind_nginx, hanging_redis
):
    stack = hub_behind_nginx(REDIS_URL=hanging_redis)
    for path in ("/", "/guides/", "/guides/care-proceedings/", "/search/?q=court") * 3:
        # Each process waits once for the socket timeout (half a second), then backs off:
        # before, each cache call waited, so a page took 10 seconds (the timeout here is 5).
        response = requests.get(stack.url(path), headers={"Host": HOST}, verify=False, timeout=5)
        assert response.status_code == 200, path
    health = requests.get(stack.url("/healthz"), headers={"Host": HOST}, verify=False, timeout=5)
    assert health.status_code == 200 and "degraded" in health.text


def test_searches_are_counted_from_the_cache_without_writing_while_the_reader_waits(
    guide, hub_behind_nginx, redis_url
):
    stack = hub_behind_nginx(REDIS_URL=redis_url)
    answers = [get(stack, "/search/?q=court").headers.get("X-Hub-Cache") for _ in range(3)]
    assert answers == ["miss", "hit", "hit"]
    assert counted(stack, "court") == "None"  # nothing written to the database yet
    manage(stack, "flush_search_counts")
    assert counted(stack, "court") == "3"


def counted(stack, words):
    """The search terms report's count for ``words``, read from the hub's database."""
    return manage(
        stack,
        "shell",
        "-c",
        "from django.db.models import Sum; "
        "from wagtail.contrib.search_promotions.models import QueryDailyHits; "
        f"print(QueryDailyHits.objects.filter(query__query_string={words!r})"
        ".aggregate(n=Sum('hits'))['n'])",
    ).splitlines()[-1]


def test_without_redis_no_worker_keeps_a_page_of_its_own(guide, hub_behind_nginx):
    """Each worker's memory would go stale when another process publishes: without Redis the
    cache is the database's, and whole pages are not kept."""
    stack = hub_behind_nginx()
    for _ in range(6):
        assert "X-Hub-Cache" not in get(stack, "/guides/care-proceedings/").headers
    publish_from_another_process(stack, guide, "Care proceedings explained")
    assert all(
        "Care proceedings explained" in get(stack, "/guides/care-proceedings/").text
        for _ in range(10)
    )
    assert re.search(r"public", get(stack, "/guides/").headers["Cache-Control"])
