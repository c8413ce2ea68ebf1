"""Fixtures for the deploy tests: compiled static files, and the hub behind nginx."""

import os
import subprocess
import sys

import pytest

from tests.deploy.stack import ROOT, SECRET, Stack, find_nginx


@pytest.fixture(scope="session")
def static_root(tmp_path_factory):
    """`manage.py collectstatic` as the guide runs it, once per test session."""
    folder = tmp_path_factory.mktemp("static")
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "hub.settings.production",
        "SECRET_KEY": SECRET,
        "ALLOWED_HOSTS": "hub.test",
        "STATIC_ROOT": str(folder),
        # Never opened: collectstatic needs no database, but production wants an address.
        "DATABASE_URL": f"sqlite:///{tmp_path_factory.mktemp('db') / 'unused.sqlite3'}",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    return folder


@pytest.fixture
def nginx_binary():
    nginx = find_nginx()
    if nginx is None:
        pytest.skip(
            "Debian's nginx is not installed here (apt-get install nginx; `make test` does)."
        )
    return nginx


@pytest.fixture
def hub_behind_nginx(nginx_binary, static_root, tmp_path):
    """Starts gunicorn and nginx on loopback for what the test has committed so far."""
    stacks = []

    def start(**env):
        stack = Stack(tmp_path, static_root, nginx_binary, env)
        stacks.append(stack)
        return stack.start()

    yield start
    for stack in stacks:
        stack.stop()


def worker_redis_url(url, worker_id):
    """Under pytest-xdist each worker flushes a Redis database of its own: the one named, for
    the first worker (gw0) or a run without workers, and the next ones up for the others."""
    if not worker_id.startswith("gw") or worker_id == "gw0":
        return url
    base, _, db = url.rpartition("/")
    if not db.isdigit():
        base, db = url.rstrip("/"), "0"
    return f"{base}/{int(db) + int(worker_id.removeprefix('gw'))}"


@pytest.fixture
def redis_url():
    """An empty Redis database of its own on the machine's Redis, or a skip saying why."""
    import redis

    url = worker_redis_url(
        os.environ.get("HUB_TEST_REDIS_URL", "redis://127.0.0.1:6379/9"),
        os.environ.get("PYTEST_XDIST_WORKER", "master"),
    )
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).flushdb()
    except redis.RedisError as error:
        pytest.skip(f"No Redis at {url} ({error}); set HUB_TEST_REDIS_URL to one.")
    yield url
    redis.Redis.from_url(url).flushdb()


@pytest.fixture
def varnish(tmp_path):
    """Starts Debian's Varnish on loopback in front of a gunicorn port, with the hub's VCL
    (deploy/varnish/default.vcl); or a skip saying why."""
    import shutil
    import signal
    import time

    from tests.deploy.stack import free_port

    binary = shutil.which("varnishd") or (
        "/usr/sbin/varnishd" if os.path.exists("/usr/sbin/varnishd") else None
    )
    if binary is None:
        pytest.skip(
            "Debian's Varnish is not installed here (apt-get install varnish; `make test` does)."
        )
    processes = []

    def start(backend_port, port=None):
        port = port or free_port()
        vcl = tmp_path / "hub.vcl"
        text = (ROOT / "deploy" / "varnish" / "default.vcl").read_text()
        vcl.write_text(text.replace('.port = "8000";', f'.port = "{backend_port}";'))
        workdir = tmp_path / "varnish"
        workdir.mkdir(exist_ok=True)
        log = (tmp_path / "varnish.log").open("ab")
        process = subprocess.Popen(
            [
                binary,
                "-F",
                "-n",
                str(workdir),
                "-a",
                f"127.0.0.1:{port}",
                "-f",
                str(vcl),
                "-s",
                "malloc,32m",
                "-T",
                "none",
                # No jail: the test's files are its own user's (as a service, Varnish drops
                # to its own user).
                "-j",
                "none",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        processes.append(process)
        import requests

        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if process.poll() is not None:
                break
            try:
                requests.get(f"http://127.0.0.1:{port}/", timeout=1)
                return f"http://127.0.0.1:{port}"
            except requests.RequestException:
                time.sleep(0.2)
        pytest.fail("Varnish did not start:\n" + (tmp_path / "varnish.log").read_text()[-2000:])

    yield start
    for process in processes:
        if process.poll() is not None:
            continue
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
