#!/usr/bin/env bash
# perslay-vec against numpy / gudhi.representations, whole process, same input and output format.
# usage: bench/perslay-vec.sh [N] [P]   (default 10000 diagrams of 200 points)
# Needs perslay-vec on PATH (release build) and PYTHON pointing at a python with numpy and gudhi.
set -euo pipefail
N=${1:-10000}; P=${2:-200}
PYTHON=${PYTHON:-python3}
here=$(cd "$(dirname "$0")" && pwd)
command -v perslay-vec > /dev/null || { echo "perslay-vec is not on PATH (make build; PATH=\"$(swift build -c release --show-bin-path):\$PATH\")" >&2; exit 1; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
"$PYTHON" "$here/perslay-vec-data.py" "$N" "$P" > "$work/d.jsonl"
"$PYTHON" "$here/perslay-vec-data.py" 500 200 > "$work/d500.jsonl"

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

row() {  # name, tool args, peer kind, input
  local ours theirs
  ours=$(seconds "perslay-vec $2 < $4")
  theirs=$(seconds "$PYTHON $here/perslay-vec-peer.py $3 < $4")
  echo "| $1 | $(cells "$ours" "$theirs")"
}

echo "| work ($N diagrams × $P points unless stated) | perslay-vec wall (CPU) | Python peer wall (CPU) | ratio wall (CPU) |"
echo "| --- | --- | --- | --- |"
row "Ballester stats + squares (numpy)" "--dims 1 stats:set=ballester:augment=square" stats "$work/d.jsonl"
row "5 landscapes × 100 (gudhi Landscape)" "--dims 1 landscape:num_landscapes=5:resolution=100:sample_range=0,2" landscape "$work/d.jsonl"
row "20×20 image (gudhi PersistenceImage)" "--dims 1 image:bandwidth=0.05:resolution=20,20:im_range=0,1,0,2" image "$work/d.jsonl"
row "sliced Wasserstein, all pairs of 500 × 200 (gudhi)" "distance --metric sliced --dim 1" sliced "$work/d500.jsonl"
