#!/bin/sh
# Whole-process timing of `mapper` against KeplerMapper + scikit-learn DBSCAN on the same .npy
# files, same lens (l2norm), cover and DBSCAN parameters. Prints wall and CPU seconds for both
# sides, the ratios, and whether the graphs are identical (node ids, member sets, links).
#   bench/mapper.sh            (needs a release build: make release, or
#                               swift build -c release -Xswiftc -target-cpu -Xswiftc native)
# PYTHON defaults to /work/.venv-peers/bin/python; REPEAT (default 3) runs per side, best kept.
set -eu
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-/work/.venv-peers/bin/python}
MAPPER=${MAPPER:-.build/release/mapper}
REPEAT=${REPEAT:-3}
DATA=${TMPDIR:-/tmp}/mapper-bench
mkdir -p "$DATA"

# best wall and CPU (user+sys) seconds of REPEAT runs of a command; output to $DATA/out
best() {
    bw=999999; bc=999999
    for _ in $(seq "$REPEAT"); do
        /usr/bin/time -f "%e %U %S" -o "$DATA/time" "$@" > "$DATA/out"
        read -r w u s < "$DATA/time"
        c=$(echo "x = $u + $s; if (x < 0.01) x = 0.01; x" | bc)
        bw=$(echo "if ($w < $bw) $w else $bw" | bc); bc=$(echo "if ($c < $bc) $c else $bc" | bc)
    done
    echo "$bw $bc"
}

run_case() { # name rows dims intervals overlap eps min_samples
    name=$1 file="$DATA/$1.npy"
    [ -f "$file" ] || "$PYTHON" bench/mapper_data.py "$2" "$3" "$file"
    ours=$(best "$MAPPER" --input-format npy --lens l2norm --intervals "$4" --overlap "$5" --eps "$6" --min-samples "$7" "$file")
    cp "$DATA/out" "$DATA/ours.json"
    peer=$(best "$PYTHON" bench/mapper_kmapper.py "$file" "$4" "$5" "$6" "$7" "$DATA/peer.json")
    same=$("$PYTHON" -c "
import json
ours, peer = json.load(open('$DATA/ours.json')), json.load(open('$DATA/peer.json'))
nodes = {n['id']: [int(m) for m in n['members']] for n in ours['nodes']}
same = nodes == peer['nodes'] and ours['links'] == peer['links']
print(('identical' if same else 'DIFFERENT') + ' graphs, %d nodes, %d links' % (len(nodes), len(ours['links'])))")
    set -- $ours $peer
    printf '%-18s mapper %5.2fs wall %5.2fs cpu | kmapper %5.2fs wall %5.2fs cpu | ratio wall %5.1fx cpu %5.1fx | %s\n' \
        "$name" "$1" "$2" "$3" "$4" "$(echo "$3 / $1" | bc -l)" "$(echo "$4 / $2" | bc -l)" "$same"
}

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "# load average: $(cut -d' ' -f1-3 /proc/loadavg)"
run_case relu-2000x32  2000 32 10 0.3 3.0 5
run_case relu-20000x64 20000 64 15 0.3 4.0 5
run_case relu-20000x64 20000 64 15 0.5 4.0 5
