#!/usr/bin/env bash
# TOGL's synthetic experiments, timed (issue 22's goal: each experiment, 5 seeds, < 5 minutes on
# 2 cores): for CYCLES and NECKLACES (1000 graphs, ph-graph --generate), nn-train fit of
# togl:K,readout:mean,dense:32,relu,dense:2 (TOGL with cycle points; K=32 as in the study, or
# K=8) with seeds 1-5, two at a time (xargs -P 2), as examples/togl/run.sh trains them (at most
# 100 epochs, early stopping).
# Then the peer on the same graphs: the same network in PyTorch (bench/togl-torch.py, 1 thread),
# against nn-train -j 1, both for a fixed EPOCHS (default 1) without early stopping; prints the
# ratio. PYTHON defaults to /work/.venv-torch/bin/python; SKIP_TORCH=1 skips the peer.
# usage: bench/togl.sh          (needs a release build; BIN overrides where)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-$(swift build -c release --scratch-path .build-native -Xswiftc -target-cpu -Xswiftc native --show-bin-path)}
PYTHON=${PYTHON:-/work/.venv-torch/bin/python}
EPOCHS=${EPOCHS:-1}
K=${K:-32}
ARCH=togl:$K,readout:mean,dense:32,relu,dense:2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
echo "# $(lscpu | sed -n 's/^Model name: *//p'), $(date -u +%Y-%m-%d), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| set ($ARCH) | 5 seeds, 2 at a time: wall s (goal < 300) | test accuracy per seed | nn-train $EPOCHS epochs, 1 thread, s | PyTorch $EPOCHS epochs, s | ratio |"
echo "| --- | --- | --- | --- | --- | --- |"
for set in cycles necklaces; do
  "$BIN/ph-graph" --generate "$set" --count 1000 --seed 0 --emit-graphs > "$tmp/$set.jsonl"
  start=$(date +%s.%N)
  accs=$(seq 1 5 | xargs -P 2 -I{} "$BIN/nn-train" fit --data "$tmp/$set.jsonl" --arch "$ARCH" --epochs 100 --lr 0.001 \
      --test-size 100 --validation 0.1111 --patience 20 --seed {} -j 1 -q -o "$tmp/m{}.json" \
    | sed 's/.*"test_acc":\([0-9.]*\).*/\1/' | sort | tr '\n' ' ')
  wall=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  /usr/bin/time -f "%e" -o "$tmp/t" "$BIN/nn-train" fit --data "$tmp/$set.jsonl" --arch "$ARCH" --epochs "$EPOCHS" --lr 0.001 \
    --test-size 100 --seed 1 -j 1 -q -o "$tmp/fixed.json" > /dev/null
  ours=$(cat "$tmp/t")
  if [ "${SKIP_TORCH:-0}" = 1 ]; then peer="-" ratio="-"; else
    peer=$("$PYTHON" bench/togl-torch.py "$tmp/$set.jsonl" "$EPOCHS" 1 "$K" | cut -d' ' -f1)
    ratio=$(awk -v p="$peer" -v o="$ours" 'BEGIN { printf "%.1f×", p / o }')
  fi
  echo "| $set | $wall | $accs | $ours | $peer | $ratio |"
done
