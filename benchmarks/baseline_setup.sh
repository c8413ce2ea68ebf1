#!/usr/bin/env bash
# Sets up Wagtail's demo site, bakerydemo, as a speed baseline for
# `page_benchmark.py --baseline DIR` (default DIR: /work/bench-baseline). Run it by hand, once;
# it lives outside the repository and nothing here is run by the test suite.
#
# bakerydemo 5a01dcd: Wagtail 7.2, Django 5.2, Python 3.11. Its production settings, with
# SQLite (DATABASE_URL), no REDIS_URL (so LocMemCache, as production.py falls back to), no
# Elasticsearch (Wagtail's database search backend, as base.py sets), whitenoise for static
# files, and SECURE_SSL_REDIRECT off (production.py forces it on; the benchmark speaks plain HTTP).
set -euo pipefail

DIR=$(realpath -m "${1:-/work/bench-baseline}")
REPO=${BAKERYDEMO_REPO:-https://github.com/wagtail/bakerydemo}

mkdir -p "$DIR"
cd "$DIR"
git clone "$REPO" bakerydemo
git -C bakerydemo checkout 5a01dcd

python3.11 -m venv venv
venv/bin/pip install --upgrade pip
# requirements/production.txt less what needs a service we do not run (Elasticsearch, Postgres,
# Redis, S3, Google Cloud) and uwsgi (gunicorn serves both sites). django-tasks 0.9 and 0.10
# fail on Python 3.11 (TaskResult[T](...) raises TypeError; RealOrangeOne/django-tasks#223).
venv/bin/pip install -r bakerydemo/requirements/base.txt whitenoise==6.6.0 gunicorn \
    "django-tasks>=0.8,<0.9"

cat > bench_settings.py <<'PY'
"""bakerydemo's production settings, served over plain HTTP on loopback for the benchmark."""

from bakerydemo.settings.production import *  # noqa: F403

# production.py forces HTTPS; the benchmark talks plain HTTP to gunicorn on 127.0.0.1.
SECURE_SSL_REDIRECT = False
PY

# The same environment page_benchmark.py gives the baseline's gunicorn.
cat > env.sh <<SH
export PYTHONPATH=$DIR:$DIR/bakerydemo
export DJANGO_SETTINGS_MODULE=bench_settings
export DJANGO_SECRET_KEY=baseline-benchmark-only
export DJANGO_ALLOWED_HOSTS=127.0.0.1
export DATABASE_URL=sqlite:///$DIR/bakerydemo.sqlite3
export DJANGO_LOG_LEVEL=WARNING
unset REDIS_URL REDIS_TLS_URL ELASTICSEARCH_ENDPOINT
SH

. ./env.sh
cd bakerydemo
../venv/bin/python manage.py migrate --noinput
../venv/bin/python manage.py load_initial_data
../venv/bin/python manage.py collectstatic --noinput -v 0

# To check it by hand (Ctrl-C to stop):
#   cd $DIR && . ./env.sh && cd bakerydemo && \
#     ../venv/bin/python -m gunicorn bakerydemo.wsgi --workers 2 --bind 127.0.0.1:8301
#   curl -o /dev/null -w '%{http_code}\n' 'http://127.0.0.1:8301/search/?q=bread'
