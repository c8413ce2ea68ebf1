#!/usr/bin/env bash
# Every figure of benchmarks/README.md in one command, in one sitting: pages against the floor
# (cached and built afresh, with each page's queries with the cache emptied), bakerydemo beside
# them when its folder is given, where a page built afresh spends its time, then search p50/p95
# on SQLite and on PostgreSQL.
#
#   benchmarks/all.sh                          # the hub alone
#   benchmarks/all.sh /work/bench-baseline     # with bakerydemo (benchmarks/baseline_setup.sh)
#
# Needs wrk (apt-get install wrk), Redis and PostgreSQL on 127.0.0.1, as the benchmarks each
# say. A quiet machine gives figures worth comparing: note the load average printed first.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}

echo "Machine: $(nproc) cores; $(uptime)"
if [ -n "${1:-}" ]; then
  "$PYTHON" benchmarks/page_benchmark.py --baseline "$1"
else
  "$PYTHON" benchmarks/page_benchmark.py
fi
"$PYTHON" benchmarks/page_breakdown.py / /guides/ /guides/child-protection-and-care-proceedings/ \
  --requests 200
"$PYTHON" benchmarks/search_benchmark.py
"$PYTHON" benchmarks/search_benchmark.py --postgres
echo "Done: $(uptime)"
