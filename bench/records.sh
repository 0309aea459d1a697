#!/usr/bin/env bash
# JSON Lines parse/write throughput against Python's json module; see bench/records.py.
set -euo pipefail
cd "$(dirname "$0")/.."
file=${TMPDIR:-/tmp}/tda-bench-clouds.jsonl
[ -s "$file" ] || python3 bench/make_clouds.py 400 200 32 > "$file"
taskset -c 0 python3 bench/records.py "$file"
