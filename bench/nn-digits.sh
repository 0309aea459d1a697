#!/usr/bin/env bash
# Test accuracy on the shipped real data set (digits) against PyTorch with the same recipe:
# the same train/test split (nn-train data), the same architecture, optimiser, batch size and
# epochs, PyTorch's default initialisation on both sides; several seeds, mean and spread.
# The issue asks for the mean test accuracies to agree within 1 point.
# usage: bench/nn-digits.sh [SEEDS] [EPOCHS] [HIDDEN]   (needs .venv-torch, a release build)
set -euo pipefail
cd "$(dirname "$0")/.."
seeds=${1:-10} epochs=${2:-30} hidden=${3:-64}
bin=${TDA_BIN:-.build-native/release}
python=${TORCH_PYTHON:-/work/.venv-torch/bin/python}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
for seed in $(seq 1 "$seeds"); do
  "$bin/nn-train" data --dataset digits --seed "$seed" --format csv -o "$work/split.csv"
  ours=$("$bin/nn-train" fit --dataset digits --seed "$seed" --arch "dense:$hidden,relu,dense:10" --epochs "$epochs" \
           --threads 1 -o "$work/m.json" | grep -o '"test_acc":[0-9.e-]*' | cut -d: -f2)
  theirs=$("$python" bench/nn-digits-torch.py "$work/split.csv" "$seed" "$epochs" "$hidden")
  echo "$seed $ours $theirs"
done | awk '{ print "seed " $1 ": nn-train " $2 ", PyTorch " $3; a += $2; b += $3; aa += $2 * $2; bb += $3 * $3; n++ }
  END { ma = a / n; mb = b / n
        printf "mean test accuracy over %d seeds: nn-train %.4f (sd %.4f), PyTorch %.4f (sd %.4f), difference %+.2f points\n",
               n, ma, sqrt(aa / n - ma * ma), mb, sqrt(bb / n - mb * mb), 100 * (ma - mb) }'
