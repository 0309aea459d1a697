#!/bin/sh
# Whole-process timing of `ph-rips` (1 and 2 threads) against ripser.py (1 thread) and giotto-ph
# ripser_parallel (1 and 2 threads) on the same .npy files. Prints wall and CPU seconds, peak
# memory (/usr/bin/time -v "Maximum resident set size"), the load average before each run and the
# ratios peer/ours (against ph-rips on as many threads), and checks the bar counts agree.
#   bench/ph-rips.sh [CASE...]
# cases: r3-400 r3-1000 torus-800 torus-2000 acts-1000 acts-3000 sphere-192 o3-1024 mlp-digits
# mlp-digits-3000 mlp-images-3000 r3-100k-nperm r3-3000-approx
# circle-blob-3000-approx r3-2000-collapse torus-2000-collapse
# (default: all but acts-3000). mlp-digits is the Ballester setting on a trained network: an MLP
# 64-512-512-512-10 trained on the shipped digits (Adam, 30 epochs, seed 1) by nn-train from
# PH's directory (or BIN), then nn-activations --points neurons of its three post-ReLU layers and the
# logits (1546 neurons) on the 1438 training inputs, 1 - |Pearson|, maxdim 1. mlp-digits-3000:
# the same with hidden layers of 1000 (3010 neurons, 559 of them dead). mlp-images-3000: 3010
# neurons of an MLP trained on the procedural images, on 2000 inputs (the paper's size).
# sphere-192 and o3-1024 are Ripser's examples (downloaded, or from RIPSER_EXAMPLES=DIR);
# o3-1024 runs with threshold 1.8, maxdim 3. r3-100k-nperm: 100 000 uniform points in R³,
# greedy subsampling to 500 (ph-rips --n-perm, ripser.py n_perm; giotto-ph has none), maxdim 1.
# r3-3000-approx: 3000 uniform points in R³, sparse Rips with ε = 0.5 (ph-rips --approx, gudhi
# RipsComplex(sparse=0.5), whose first point is random: bar counts may differ by a few), maxdim 1.
# circle-blob-3000-approx: the issue's 3000 points in R³ (noisy circle and a blob), maxdim 1, exact
# ph-rips, then --approx 0.5 against gudhi's sparse Rips, and the ratio exact / approximate.
# r3-2000-collapse, torus-2000-collapse: 2000 uniform points in R³ / on the noisy torus, maxdim 1,
# ph-rips --collapse against giotto-ph ripser_parallel(collapse_edges=True, n_threads=2).
# Needs a release build: swift build -c release -Xswiftc -target-cpu -Xswiftc native
# PYTHON defaults to /work/.venv-peers/bin/python; SKIP_RIPSER=1 skips ripser.py (slow on big cases);
# PEER_TIMEOUT (seconds, default 600) stops any run, reported as "did not finish in N s";
# PEERS (default "ripser giotto1 giotto2"; empty: none) chooses the peers.
set -eu
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-/work/.venv-peers/bin/python}
PH=${PH:-.build/release/ph-rips}
DATA=${TMPDIR:-/tmp}/ph-rips-bench
mkdir -p "$DATA"

# wall seconds, CPU seconds (user + sys) and peak KB of one run; stdout to $DATA/out.
# On a loaded machine CPU time is the steadier figure for single-threaded runs.
measure() {
    timeout "${PEER_TIMEOUT:-600}" /usr/bin/time -v -o "$DATA/time" "$@" > "$DATA/out" || true
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$DATA/time" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
    cpu=$(sed -n 's/.*User time (seconds): //p; s/.*System time (seconds): //p' "$DATA/time" | awk '{ s += $1 } END { print s }')
    peak=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$DATA/time")
    echo "$wall $cpu $peak"
}

ours_counts() { "$PYTHON" -c "import json; r = json.loads(open('$DATA/out').readline()); print(' '.join(str(len(d)) for d in r['diagrams']))"; }

load() { cut -d' ' -f1 /proc/loadavg; }

run_case() { # name file metric maxdim [threshold]
    name=$1 file=$2 metric=$3 maxdim=$4 threshold=${5:-}
    flags="--metric $metric"
    [ "$metric" = precomputed ] && flags=--distance-matrix
    [ -n "$threshold" ] && flags="$flags --threshold $threshold"
    [ -n "${NPERM:-}" ] && flags="$flags --n-perm $NPERM"
    [ -n "${APPROX:-}" ] && flags="$flags --approx $APPROX"
    [ "${COLLAPSE:-0}" = 1 ] && flags="$flags --collapse"
    for t in 1 2; do
        l=$(load)
        set -- $(measure "$PH" --input-format npy $flags --maxdim "$maxdim" --threads $t "$file")
        if [ ! -s "$DATA/out" ]; then
            printf '%-11s %-8s did not finish in %ss  load %s\n' "$name" "ph-rips$t" "${PEER_TIMEOUT:-600}" "$l"
            eval "ow$t=0 oc$t=0"
            continue
        fi
        eval "ow$t=$1 oc$t=$2"
        counts=$(ours_counts)
        printf '%-11s %-8s wall %8.2fs cpu %8.2fs %9d KB  load %s  bars %s\n' "$name" "ph-rips$t" "$1" "$2" "$3" "$l" "$counts"
    done
    if [ "$ow1" != 0 ] && [ "$ow2" != 0 ]; then
        printf '%-11s two threads against one: wall %5.2fx\n' "$name" "$(echo "$ow1 / $ow2" | bc -l)"
    fi
    for peer in ${PEERS-ripser giotto1 giotto2}; do
        if [ "$peer" = ripser ] && [ "${SKIP_RIPSER:-0}" = 1 ]; then continue; fi
        l=$(load)
        set -- $(measure "$PYTHON" bench/ph-rips-peers.py "$peer" "$file" "$metric" "$maxdim" $threshold)
        if [ ! -s "$DATA/out" ]; then
            printf '%-11s %-8s did not finish in %ss  load %s\n' "$name" "$peer" "${PEER_TIMEOUT:-600}" "$l"
            continue
        fi
        pc=$(cut -d' ' -f2- "$DATA/out")
        agree=$([ "$pc" = "$counts" ] && echo same || echo "DIFFERENT: $pc")
        if [ "$peer" = giotto2 ]; then ow=$ow2 oct=$oc2; else ow=$ow1 oct=$oc1; fi
        ratio=$(if [ "$ow" != 0 ]; then printf 'wall %5.2fx cpu %5.2fx' "$(echo "$1 / $ow" | bc -l)" "$(echo "$2 / $oct" | bc -l)"; fi)
        printf '%-11s %-8s wall %8.2fs cpu %8.2fs %9d KB  load %s  ratio %s  bars %s\n' "$name" "$peer" "$1" "$2" "$3" "$l" \
            "$ratio" "$agree"
    done
}

# A trained network's cloud, as .npy for both sides: FILE WIDTH (three hidden layers of WIDTH).
mlp_digits() {
    bin=${BIN:-$(dirname "$PH")}
    "$bin/nn-train" fit --dataset digits --arch "dense:$2,relu,dense:$2,relu,dense:$2,relu,dense:10" \
        --optimizer adam --epochs 30 --seed 1 -o "$DATA/mlp-digits-$2.json" > /dev/null
    "$bin/nn-activations" --model "$DATA/mlp-digits-$2.json" --dataset digits --layers weighted --concat --points neurons \
        | "$PYTHON" -c "import json, sys, numpy; numpy.save('$1', numpy.array(json.loads(sys.stdin.readline())['points']))"
}

# 3010 neurons of an MLP trained on the procedural 16x16 images (10 classes, 2500 training
# images, Adam, 20 epochs, seed 1) on 2000 of its training inputs: the Ballester size.
mlp_images() {
    bin=${BIN:-$(dirname "$PH")}
    "$bin/nn-train" fit --dataset images --classes 10 --train-size 2500 --test-size 500 --optimizer adam --epochs 20 --seed 1 \
        --arch 'flatten,dense:1000,relu,dense:1000,relu,dense:1000,relu,dense:10' -o "$DATA/mlp-images-3000.json" > /dev/null
    "$bin/nn-activations" --model "$DATA/mlp-images-3000.json" --inputs 2000 --layers weighted --concat --points neurons \
        | "$PYTHON" -c "import json, sys, numpy; numpy.save('$1', numpy.array(json.loads(sys.stdin.readline())['points']))"
}

CASES=${*:-"r3-400 r3-1000 torus-800 torus-2000 acts-1000 sphere-192 o3-1024 mlp-digits"}
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p')"
echo "# load average: $(cut -d' ' -f1-3 /proc/loadavg); ratio = peer time / ph-rips time (> 1: ph-rips faster)"
for c in $CASES; do
    case $c in
    r3-400) f=$DATA/r3-400.npy; [ -f "$f" ] || "$PYTHON" bench/ph-rips-data.py uniform 400 3 "$f"; run_case "$c" "$f" euclidean 2 ;;
    r3-1000) f=$DATA/r3-1000.npy; [ -f "$f" ] || "$PYTHON" bench/ph-rips-data.py uniform 1000 3 "$f"; run_case "$c" "$f" euclidean 2 ;;
    torus-800) f=$DATA/torus-800.npy; [ -f "$f" ] || "$PYTHON" bench/ph-rips-data.py torus 800 "$f"; run_case "$c" "$f" euclidean 2 ;;
    torus-2000) f=$DATA/torus-2000.npy; [ -f "$f" ] || "$PYTHON" bench/ph-rips-data.py torus 2000 "$f"; run_case "$c" "$f" euclidean 2 ;;
    acts-1000) f=$DATA/acts-1000.npy; [ -f "$f" ] || "$PYTHON" bench/ph-rips-data.py activations 1000 2000 "$f"; run_case "$c" "$f" abs-correlation 1 ;;
    acts-3000) f=$DATA/acts-3000.npy; [ -f "$f" ] || "$PYTHON" bench/ph-rips-data.py activations 3000 2000 "$f"; run_case "$c" "$f" abs-correlation 1 ;;
    sphere-192) f=$DATA/sphere-192.npy; [ -f "$f" ] || "$PYTHON" bench/ph-rips-data.py ripser sphere_3_192.lower_distance_matrix "$f"; run_case "$c" "$f" precomputed 2 ;;
    o3-1024) f=$DATA/o3-1024.npy; [ -f "$f" ] || "$PYTHON" bench/ph-rips-data.py ripser o3_1024.txt "$f"; run_case "$c" "$f" euclidean 3 1.8 ;;
    mlp-digits) f=$DATA/mlp-digits.npy; [ -f "$f" ] || mlp_digits "$f" 512; run_case "$c" "$f" abs-correlation 1 ;;
    mlp-images-3000) f=$DATA/mlp-images-3000.npy; [ -f "$f" ] || mlp_images "$f"; run_case "$c" "$f" abs-correlation 1 ;;
    mlp-digits-3000) f=$DATA/mlp-digits-3000.npy; [ -f "$f" ] || mlp_digits "$f" 1000; run_case "$c" "$f" abs-correlation 1 ;;
    r3-100k-nperm) f=$DATA/r3-100k.npy; [ -f "$f" ] || "$PYTHON" bench/ph-rips-data.py uniform 100000 3 "$f"
        NPERM=500 PEERS=ripser run_case "$c" "$f" euclidean 1 ;;
    r3-3000-approx) f=$DATA/r3-3000.npy; [ -f "$f" ] || "$PYTHON" bench/ph-rips-data.py uniform 3000 3 "$f"
        APPROX=0.5 PEERS=gudhi-sparse run_case "$c" "$f" euclidean 1 ;;
    r3-2000-collapse) f=$DATA/r3-2000.npy; [ -f "$f" ] || "$PYTHON" bench/ph-rips-data.py uniform 2000 3 "$f"
        COLLAPSE=1 PEERS=giotto2 run_case "$c" "$f" euclidean 1 ;;
    circle-blob-3000-approx) f=$DATA/circle-blob-3000.npy; [ -f "$f" ] || "$PYTHON" bench/ph-rips-data.py circle-blob 3000 "$f"
        PEERS= run_case "$c-exact" "$f" euclidean 1; ew=$ow1 ec=$oc1
        APPROX=0.5 PEERS=gudhi-sparse run_case "$c" "$f" euclidean 1
        printf '%-11s exact / approx, 1 thread: wall %5.2fx cpu %5.2fx\n' "$c" "$(echo "$ew / $ow1" | bc -l)" "$(echo "$ec / $oc1" | bc -l)" ;;
    torus-2000-collapse) f=$DATA/torus-2000.npy; [ -f "$f" ] || "$PYTHON" bench/ph-rips-data.py torus 2000 "$f"
        COLLAPSE=1 PEERS=giotto2 run_case "$c" "$f" euclidean 1 ;;
    *) echo "unknown case $c" >&2; exit 64 ;;
    esac
done
