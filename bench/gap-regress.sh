#!/usr/bin/env bash
# gap-regress fit against scikit-learn/scipy, whole process: OLS, 5 folds × 2 repeats, held-out
# R², MAE, RMSE, Kendall, Spearman. usage: bench/gap-regress.sh [RECORDS] [FEATURES]
# Needs gap-regress on PATH (release build) and PYTHON with numpy, scipy and scikit-learn.
set -euo pipefail
N=${1:-5000}; F=${2:-16}
PYTHON=${PYTHON:-python3}
here=$(cd "$(dirname "$0")" && pwd)
command -v gap-regress > /dev/null || { echo "gap-regress is not on PATH (make build; PATH=\"$(swift build -c release --show-bin-path):\$PATH\")" >&2; exit 1; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
"$PYTHON" - "$N" "$F" > "$work/v.jsonl" <<'PY'
import json, sys
import numpy as np
n, f = int(sys.argv[1]), int(sys.argv[2])
rs = np.random.RandomState(0)
x = rs.normal(size=(n, f)); y = x @ rs.normal(size=f) + rs.normal(size=n)
for i in range(n):
    print(json.dumps({"type": "vector", "id": f"r{i}", "values": x[i].tolist(), "meta": {"gap": float(y[i])}}))
PY
# "WALL CPU" seconds of a shell command line (CPU = user + system, children included: fairer than
# wall time on a shared machine); a failing command stops the benchmark.
seconds() {
  /usr/bin/time -f "%e %U %S" -o "$work/time" bash -c "$1" > /dev/null || { echo "failed: $1" >&2; exit 1; }
  awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' "$work/time"
}
# "| ours wall (cpu) | theirs wall (cpu) | ratio wall (cpu) |" from two "WALL CPU" pairs.
cells() {
  echo "$1 $2" | awk '{ printf "%.2f s (%.2f) | %.2f s (%.2f) | %.1f× (%.1f×) |", $1, $2, $3, $4, $3 / $1, $4 / $2 }'
}
ours=$(seconds "gap-regress fit --format report < $work/v.jsonl")
theirs=$(seconds "$PYTHON $here/gap-regress-peer.py < $work/v.jsonl")
echo "| work | gap-regress wall (CPU) | Python peer wall (CPU) | ratio wall (CPU) |"
echo "| --- | --- | --- | --- |"
echo "| OLS, kfold 5×2, $N records × $F features, 5 scores per fold | $(cells "$ours" "$theirs")"
