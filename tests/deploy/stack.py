"""The production stack on loopback, for tests: gunicorn with ``deploy/gunicorn.conf.py`` and
Debian's nginx with ``deploy/nginx/partnership-hub.conf``, each in its own process, stopped
(and waited for) when the test ends.

The site config is used as shipped, except for the few values the guide tells an operator to
change (host name, certificate, folders, ports); each must be found, so the test fails if the
shipped file changes shape.
"""

import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import requests
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
SITE_CONFIG = ROOT / "deploy" / "nginx" / "partnership-hub.conf"
HOST = "hub.test"
SECRET = "deploy-test-secret-" + "x" * 40


def find_nginx():
    return shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if os.access(p, os.X_OK)), None
    )


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url(tmp_path):
    """A URL another process can open holding what this test committed: the PostgreSQL test
    database itself, or a copy of the in-memory SQLite one."""
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
        return f"postgres://{auth}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"
    path = tmp_path / "hub.sqlite3"
    connection.ensure_connection()
    with sqlite3.connect(path) as copy:
        connection.connection.backup(copy)
    return f"sqlite:///{path}"


def self_signed_certificate(folder):
    cert, key = folder / "fullchain.pem", folder / "privkey.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-subj", f"/CN={HOST}", "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    return cert, key


def site_config(gunicorn_port, http_port, https_port, static_root, cert_dir, log_dir):
    text = SITE_CONFIG.read_text()
    changes = [
        ("server 127.0.0.1:8000;", f"server 127.0.0.1:{gunicorn_port};"),
        ("    listen [::]:80;\n", ""),
        ("    listen [::]:443 ssl http2;\n", ""),
        ("listen 80;", f"listen 127.0.0.1:{http_port};"),
        ("listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;"),
        ("/etc/letsencrypt/live/hub.example.org/", f"{cert_dir}/"),
        ("hub.example.org", HOST),
        ("/srv/hub/static/", f"{static_root}/"),
        ("/srv/hub/media/", f"{settings.MEDIA_ROOT}/"),
        ("/var/log/nginx/", f"{log_dir}/"),
    ]
    for old, new in changes:
        assert old in text, f"{SITE_CONFIG.name} no longer has {old!r}: update the test"
        text = text.replace(old, new)
    return text


def main_config(folder, site):
    """nginx.conf for a private nginx: everything under ``folder``, in the foreground."""
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers must read the test's files
    temp = "\n".join(
        f"    {kind}_temp_path {folder}/{kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return (
        f"{user}worker_processes 1;\ndaemon off;\npid {folder}/nginx.pid;\n"
        f"error_log {folder}/error.log warn;\nevents {{ worker_connections 64; }}\n"
        f"http {{\n    include /etc/nginx/mime.types;\n    default_type application/octet-stream;\n"
        f"{temp}\n    include {site};\n}}\n"
    )


class Stack:
    """gunicorn and nginx, started; ``url(path)`` is https through nginx."""

    def __init__(self, tmp_path, static_root, nginx, env=None):
        self.tmp = tmp_path
        self.extra_env = env or {}
        self.static_root = static_root
        self.nginx_binary = nginx
        self.processes = []
        self.gunicorn_port = free_port()
        self.http_port = self.https_port = None  # chosen as nginx starts
        self.app_log = tmp_path / "gunicorn.log"
        self.nginx_dir = tmp_path / "nginx"

    def start(self):
        self.start_gunicorn()
        self.start_nginx()
        return self

    def start_gunicorn(self):
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "DJANGO_SETTINGS_MODULE": "hub.settings.production",
            "SECRET_KEY": SECRET,
            "ALLOWED_HOSTS": HOST,
            "DATABASE_URL": database_url(self.tmp),
            "MEDIA_ROOT": str(settings.MEDIA_ROOT),
            "STATIC_ROOT": str(self.static_root),
            "HUB_MEDIA_ACCEL_REDIRECT": "/protected-media/",
            "GUNICORN_BIND": f"127.0.0.1:{self.gunicorn_port}",
            "GUNICORN_WORKERS": "2",
            "LOG_FORMAT": "json",
            **self.extra_env,
        }
        self.env = env
        # As a deploy's `migrate` would: the test database was made under test settings, so
        # production's cache table (used when there is no Redis) is not there yet.
        if not env.get("REDIS_URL"):
            subprocess.run(
                [sys.executable, "manage.py", "createcachetable"], cwd=ROOT, env=env, check=True
            )
        command = [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py"]
        self.spawn(command, env, self.app_log)
        self.wait_for(
            lambda: requests.get(
                f"http://127.0.0.1:{self.gunicorn_port}/healthz",
                headers={"Host": HOST},
                timeout=2,
            ),
            "gunicorn",
            self.app_log,
        )

    def start_nginx(self, attempts=3):
        """nginx on two free ports. A port found free can be taken before nginx binds it (by
        a connection another test process opens meanwhile): then nginx starts again on others."""
        folder = self.nginx_dir
        folder.mkdir()
        cert_dir = folder / "certs"
        cert_dir.mkdir()
        self_signed_certificate(cert_dir)
        for attempt in range(attempts):
            self.http_port, self.https_port = free_port(), free_port()
            try:
                return self._start_nginx(folder, cert_dir)
            except AssertionError as error:
                if attempt + 1 == attempts or "Address already in use" not in str(error):
                    raise
                failed = self.processes.pop()
                failed.kill()  # nothing if it has ended, as nginx does when it cannot bind
                failed.wait(timeout=10)

    def _start_nginx(self, folder, cert_dir):
        site = folder / "partnership-hub.conf"
        site.write_text(
            site_config(
                self.gunicorn_port,
                self.http_port,
                self.https_port,
                self.static_root,
                cert_dir,
                folder,
            )
        )
        (folder / "nginx.conf").write_text(main_config(folder, site))
        command = [self.nginx_binary, "-p", str(folder), "-c", str(folder / "nginx.conf")]
        command += ["-e", str(folder / "error.log")]
        test = subprocess.run([*command, "-t"], capture_output=True, text=True, check=False)
        assert test.returncode == 0, test.stderr
        self.spawn(command, dict(os.environ), folder / "stderr.log")
        self.wait_for(
            lambda: requests.get(
                self.url("/healthz"), headers={"Host": HOST}, verify=False, timeout=2
            ),
            "nginx",
            folder / "error.log",
        )

    def spawn(self, command, env, log):
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log.open("ab"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.processes.append(process)

    def wait_for(self, probe, name, log, seconds=20):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.processes[-1].poll() is not None:
                break
            try:
                if probe().status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.1)
        text = log.read_text() if log.exists() else ""
        raise AssertionError(f"{name} did not start:\n{text[-3000:]}")

    def url(self, path, scheme="https"):
        port = self.https_port if scheme == "https" else self.http_port
        return f"{scheme}://127.0.0.1:{port}{path}"

    def stop(self):
        """Stops nginx and gunicorn (and their workers), and waits until they are gone."""
        # SIGINT is a fast shutdown for both; each runs in its own process group, so its
        # workers get the signal too.
        for process in reversed(self.processes):
            signal_group(process.pid, signal.SIGINT)
        for process in self.processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                signal_group(process.pid, signal.SIGKILL)
                process.wait()
            deadline = time.monotonic() + 5
            while signal_group(process.pid, 0) and time.monotonic() < deadline:
                time.sleep(0.05)
            signal_group(process.pid, signal.SIGKILL)

    def app_log_lines(self):
        return self.app_log.read_text().splitlines()


def signal_group(pgid, sig):
    """Sends ``sig`` to a process group; False once no process is left in it."""
    try:
        os.killpg(pgid, sig)
    except ProcessLookupError:
        return False
    return True
