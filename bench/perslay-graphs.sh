#!/usr/bin/env bash
# PersLay on a shipped graph set (DATASET=mutag, the default, or proteins), the whole process:
# extended persistence of the graphs (ph-graph, HKS at t = 10) and nn-train's stratified
# 10-fold cross-validation of a PersLay network on them.
# usage: bench/perslay-graphs.sh [SEED...]   (needs a release build; BIN overrides where)
# Prints a Markdown row per seed: mean ± SD of the fold accuracies, wall and CPU seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-$(swift build -c release --scratch-path .build-native -Xswiftc -target-cpu -Xswiftc native --show-bin-path)}
ARCH=${ARCH:-perslay:phi=flat:samples=20:weight=gmix:gaussians=8:op=sum,dense:32,relu,dense:2}
EPOCHS=${EPOCHS:-50}
DATASET=${DATASET:-mutag}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
echo "| seed | 10-fold accuracy (mean ± SD) | wall s | CPU s |"
echo "| --- | --- | --- | --- |"
for seed in "${@:-0 1 2}"; do
  /usr/bin/time -f "%e %U %S" -o "$tmp/time" bash -c \
    "'$BIN/ph-graph' --dataset $DATASET -q | '$BIN/nn-train' fit --data - --arch '$ARCH' --epochs $EPOCHS --lr 0.01 --cv 10 --seed $seed" > "$tmp/out"
  summary=$(grep '"cv":10' "$tmp/out")
  mean=$(echo "$summary" | sed 's/.*"accuracy_mean":\([0-9.e-]*\).*/\1/')
  sd=$(echo "$summary" | sed 's/.*"accuracy_sd":\([0-9.e-]*\).*/\1/')
  read -r wall user sys < "$tmp/time"
  awk -v s="$seed" -v m="$mean" -v d="$sd" -v w="$wall" -v u="$user" -v y="$sys" \
    'BEGIN{printf "| %s | %.1f ± %.1f %% | %.1f | %.1f |\n", s, 100*m, 100*d, w, u+y}'
done
