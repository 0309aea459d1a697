#!/usr/bin/env bash
# nn-activations vs PyTorch+numpy: 2000 probe inputs through an MLP 64-512-512-512-10, post-ReLU
# hidden layers and logits, 5 importance samples of 200 neurons per layer (10 for the logits).
# Both sides read the same weights (PyTorch: our safetensors export) and the same 2000 inputs
# (PyTorch: the CSV of `nn-train data`). Ours is the whole process (model file, data, forward,
# sampling, output to /dev/null); theirs is the in-process time after the imports.
# Each output is compared with PyTorch writing the same (JSON Lines through json.dumps, or one
# np.savez archive for --output-format npz) and with PyTorch writing nothing.
# Throughput over a zoo: both sides run MODELS jobs (default 5) in one process; the table gives
# seconds per model and ratios of the totals, each the fastest of RUNS runs.
# Prints a Markdown table row per thread count and output, CPU-time ratios beside wall-time ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-$(swift build -c release -Xswiftc -target-cpu -Xswiftc native --show-bin-path)}
PY=${TORCH_PYTHON:-/work/.venv-torch/bin/python}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$BIN/nn-train" fit --arch dense:512,relu,dense:512,relu,dense:512,relu,dense:10 --dataset blobs --dimensions 64 \
  --classes 10 --train-size 2000 --test-size 10 --epochs 1 -o "$tmp/m.json" > /dev/null
"$BIN/nn-train" export --model "$tmp/m.json" -o "$tmp/m.safetensors"
"$BIN/nn-train" data --dataset blobs --dimensions 64 --classes 10 --train-size 2000 --test-size 10 --format csv -o "$tmp/probe.csv"
echo "| threads | output | nn-activations s/model wall / CPU | PyTorch+numpy, same output, s/model wall / CPU | ratio wall / CPU | PyTorch+numpy, no output, s/model wall / CPU | ratio wall / CPU | nn-activations peak RSS MB |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
field() { sed "s/.*\"$1\": \([0-9.e-]*\).*/\1/"; }
ratio() { echo "$1 / $2" | bc -l; }
# A zoo of MODELS models (the same weights under different ids): nn-activations reads their
# records from stdin in one process, PyTorch loops over them in one process. Every cell is the
# fastest of RUNS runs (default 3) of that side: the shared machine's other load only ever adds.
MODELS=${MODELS:-5}
RUNS=${RUNS:-3}
for k in $(seq "$MODELS"); do echo "{\"type\":\"model\",\"id\":\"m$k\",\"path\":\"$tmp/m.json\"}"; done > "$tmp/zoo.jsonl"
# The fastest of RUNS runs of the PyTorch script: "wall cpu".
torch_best() {
  for _ in $(seq "$RUNS"); do
    out=$("$PY" bench/nn-activations-torch.py "$tmp/m.safetensors" "$tmp/probe.csv" "$@" --repeat "$MODELS")
    echo "$(echo "$out" | field seconds) $(echo "$out" | field cpu)"
  done | sort -g | head -1
}
# The fastest of RUNS runs of nn-activations over the zoo: "wall cpu rss-kB".
ours_best() {
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %U %S %M" -o "$tmp/time" "$BIN/nn-activations" --inputs 2000 --points neurons \
      --neurons 200 --draws 5 --allow-fewer -q -o /dev/null "$@" < "$tmp/zoo.jsonl"
    awk '{ print $1, $2 + $3, $4 }' "$tmp/time"
  done | sort -g | head -1
}
for threads in 1 2; do
  read -r pw pc < <(torch_best "$threads")
  for format in jsonl npz; do
    read -r wall cpu rss < <(ours_best -j "$threads" --output-format "$format")
    read -r sw sc < <(torch_best "$threads" --write "${format%l}")
    printf "| %s | %s | %.3f / %.3f | %.3f / %.3f | %.2f / %.2f | %.3f / %.3f | %.2f / %.2f | %.0f |\n" "$threads" "$format" \
      "$(ratio "$wall" "$MODELS")" "$(ratio "$cpu" "$MODELS")" "$(ratio "$sw" "$MODELS")" "$(ratio "$sc" "$MODELS")" \
      "$(ratio "$sw" "$wall")" "$(ratio "$sc" "$cpu")" "$(ratio "$pw" "$MODELS")" "$(ratio "$pc" "$MODELS")" \
      "$(ratio "$pw" "$wall")" "$(ratio "$pc" "$cpu")" "$((rss / 1024))"
  done
done
