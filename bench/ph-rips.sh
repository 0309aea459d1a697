#!/bin/sh
# Whole-process timing of `ph-rips` against ripser.py (1 thread) and giotto-ph ripser_parallel
# (1 and 2 threads) on the same .npy files. Prints wall seconds, peak memory (/usr/bin/time -v
# "Maximum resident set size") and the ratios peer/ours, and checks the bar counts agree.
#   bench/ph-rips.sh [CASE...]   (cases: r3-1000 torus-2000 torus-800 acts-1500 r3-400; default: all)
# Needs a release build: swift build -c release -Xswiftc -target-cpu -Xswiftc native
# PYTHON defaults to /work/.venv-peers/bin/python; SKIP_RIPSER=1 skips ripser.py (slow on big cases).
set -eu
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-/work/.venv-peers/bin/python}
PH=${PH:-.build/release/ph-rips}
DATA=${TMPDIR:-/tmp}/ph-rips-bench
mkdir -p "$DATA"

# wall seconds, CPU seconds (user + sys) and peak KB of one run; stdout to $DATA/out.
# On a loaded machine CPU time is the steadier figure for single-threaded runs.
measure() {
    /usr/bin/time -v -o "$DATA/time" "$@" > "$DATA/out"
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$DATA/time" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
    cpu=$(sed -n 's/.*User time (seconds): //p; s/.*System time (seconds): //p' "$DATA/time" | awk '{ s += $1 } END { print s }')
    peak=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$DATA/time")
    echo "$wall $cpu $peak"
}

ours_counts() { "$PYTHON" -c "import json; r = json.loads(open('$DATA/out').readline()); print(' '.join(str(len(d)) for d in r['diagrams']))"; }

run_case() { # name file metric maxdim
    name=$1 file=$2 metric=$3 maxdim=$4
    set -- $(measure "$PH" --input-format npy --metric "$metric" --maxdim "$maxdim" --threads 1 "$file")
    ow=$1 oct=$2 om=$3 oc=$(ours_counts)
    printf '%-11s %-8s wall %8.2fs cpu %8.2fs %9d KB  bars %s\n' "$name" ph-rips "$ow" "$oct" "$om" "$oc"
    for peer in ripser giotto1 giotto2; do
        if [ "$peer" = ripser ] && [ "${SKIP_RIPSER:-0}" = 1 ]; then continue; fi
        set -- $(measure "$PYTHON" bench/ph-rips-peers.py "$peer" "$file" "$metric" "$maxdim")
        pc=$(cut -d' ' -f2- "$DATA/out")
        agree=$([ "$pc" = "$oc" ] && echo same || echo "DIFFERENT: $pc")
        printf '%-11s %-8s wall %8.2fs cpu %8.2fs %9d KB  ratio wall %5.2fx cpu %5.2fx  bars %s\n' "$name" "$peer" "$1" "$2" "$3" \
            "$(echo "$1 / $ow" | bc -l)" "$(echo "$2 / $oct" | bc -l)" "$agree"
    done
}

CASES=${*:-"r3-400 r3-1000 torus-800 torus-2000 acts-1500"}
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p')"
echo "# load average: $(cut -d' ' -f1-3 /proc/loadavg); ratio = peer time / ph-rips time (> 1: ph-rips faster)"
for c in $CASES; do
    case $c in
    r3-400) f=$DATA/r3-400.npy; [ -f "$f" ] || "$PYTHON" bench/ph-rips-data.py uniform 400 3 "$f"; run_case "$c" "$f" euclidean 2 ;;
    r3-1000) f=$DATA/r3-1000.npy; [ -f "$f" ] || "$PYTHON" bench/ph-rips-data.py uniform 1000 3 "$f"; run_case "$c" "$f" euclidean 2 ;;
    torus-800) f=$DATA/torus-800.npy; [ -f "$f" ] || "$PYTHON" bench/ph-rips-data.py torus 800 "$f"; run_case "$c" "$f" euclidean 2 ;;
    torus-2000) f=$DATA/torus-2000.npy; [ -f "$f" ] || "$PYTHON" bench/ph-rips-data.py torus 2000 "$f"; run_case "$c" "$f" euclidean 2 ;;
    acts-1500) f=$DATA/acts-1500.npy; [ -f "$f" ] || "$PYTHON" bench/ph-rips-data.py activations 1500 2000 "$f"; run_case "$c" "$f" abs-correlation 1 ;;
    *) echo "unknown case $c" >&2; exit 64 ;;
    esac
done
