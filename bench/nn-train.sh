#!/usr/bin/env bash
# Training throughput of nn-train vs PyTorch CPU, same shapes, same thread counts, one run.
# usage: bench/nn-train.sh   (needs a native release build on PATH or in .build/release, and
# TORCH_PYTHON pointing at a python with torch; default /work/.venv-torch/bin/python)
# Prints a Markdown table: samples/s of each side, the ratio, and peak resident memory.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-$(swift build -c release -Xswiftc -target-cpu -Xswiftc native --show-bin-path)}
PY=${TORCH_PYTHON:-/work/.venv-torch/bin/python}
data_mlp784=(--dataset blobs --dimensions 784 --classes 10)
data_mlp64=(--dataset blobs --dimensions 64 --classes 10)
data_cnn16=(--dataset images --classes 10)
arch_mlp784="dense:512,relu,dense:256,relu,dense:10"; batch_mlp784=128
arch_mlp64="dense:256,relu,dense:256,relu,dense:10"; batch_mlp64=64
arch_cnn16="conv:8x3,relu,maxpool:2,conv:16x3,relu,maxpool:2,flatten,dense:64,relu,dense:10"; batch_cnn16=64
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

echo "| model | threads | nn-train samples/s | PyTorch samples/s | ratio | nn-train peak RSS MB | PyTorch peak RSS MB |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
for model in mlp784 mlp64 cnn16; do
  data="data_${model}[@]"; arch="arch_${model}"; batch="batch_${model}"
  for threads in 1 2; do
    # 4 epochs of 6400 samples; best epoch after the first, as the torch script does.
    /usr/bin/time -f "%M" -o "$tmp/rss" "$BIN/nn-train" fit --arch "${!arch}" "${!data}" --train-size 6400 --test-size 10 \
      --epochs 4 --batch-size "${!batch}" --optimizer sgd --momentum 0.9 --lr 0.01 --log -j "$threads" -o "$tmp/m.json" > "$tmp/log"
    ours=$(grep '"type":"epoch"' "$tmp/log" | tail -n +2 | sed 's/.*"seconds":\([0-9.e-]*\).*/\1/' | awk 'BEGIN{b=0} {r=6400/$1; if (r>b) b=r} END{printf "%.0f", b}')
    rss=$(awk '{printf "%.0f", $1/1024}' "$tmp/rss")
    torch_line=$("$PY" bench/nn-torch.py "$model" "$threads")
    theirs=$(echo "$torch_line" | sed 's/.*"samples_per_s": \([0-9.]*\).*/\1/')
    trss=$(echo "$torch_line" | sed 's/.*"peak_rss_mb": \([0-9.]*\).*/\1/')
    ratio=$(awk -v a="$ours" -v b="$theirs" 'BEGIN{printf "%.2f", a/b}')
    printf "| %s | %s | %s | %.0f | %s | %s | %s |\n" "$model" "$threads" "$ours" "$theirs" "$ratio" "$rss" "$trss"
  done
done
