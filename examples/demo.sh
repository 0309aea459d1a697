#!/usr/bin/env bash
# `make demo`: the main job on built-in data — a reduced generalization-gap study
# (the grid's 32 corners, 4 draws of 500 neurons) that prints the R² table and
# writes its records and figures under out/demo (DEMO_OUT overrides).
set -euo pipefail
cd "$(dirname "$0")/.."
# The demo starts afresh each time (it takes seconds); the full study resumes instead.
out=${DEMO_OUT:-out/demo}
rm -rf "$out"
exec examples/gap-study/run.sh --demo --out "$out"
