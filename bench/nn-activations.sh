#!/usr/bin/env bash
# nn-activations vs PyTorch+numpy: 2000 probe inputs through an MLP 64-512-512-512-10, post-ReLU
# hidden layers and logits, 5 importance samples of 200 neurons per layer (10 for the logits).
# Ours is the whole process (model load, data, forward, sampling, JSON output to /dev/null);
# theirs is the in-process time after imports. Prints a Markdown table row per thread count.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-$(swift build -c release -Xswiftc -target-cpu -Xswiftc native --show-bin-path)}
PY=${TORCH_PYTHON:-/work/.venv-torch/bin/python}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$BIN/nn-train" fit --arch dense:512,relu,dense:512,relu,dense:512,relu,dense:10 --dataset blobs --dimensions 64 \
  --classes 10 --train-size 2000 --test-size 10 --epochs 1 -o "$tmp/m.json" > /dev/null
echo "| threads | nn-activations s (with output) | PyTorch+numpy s (no output) | ratio | PyTorch+numpy+json s | ratio | nn-activations peak RSS MB |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
for threads in 1 2; do
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$tmp/rss" "$BIN/nn-activations" --model "$tmp/m.json" --inputs 2000 --points neurons \
    --neurons 200 --draws 5 --allow-fewer -q -j "$threads" > /dev/null
  ours=$(echo "$(date +%s.%N) - $start" | bc)
  theirs=$("$PY" bench/nn-activations-torch.py "$threads" | sed 's/.*"seconds": \([0-9.e-]*\).*/\1/')
  written=$("$PY" bench/nn-activations-torch.py "$threads" --write | sed 's/.*"seconds": \([0-9.e-]*\).*/\1/')
  printf "| %s | %.3f | %.3f | %.2f | %.3f | %.2f | %.0f |\n" "$threads" "$ours" "$theirs" "$(echo "$theirs / $ours" | bc -l)" \
    "$written" "$(echo "$written / $ours" | bc -l)" "$(($(cat "$tmp/rss") / 1024))"
done
