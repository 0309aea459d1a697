#!/usr/bin/env bash
# Graph classification with PersLay (issue 21, after Carrière et al., AISTATS 2020): the graphs
# of MUTAG and PROTEINS (shipped inside ph-graph) → heat kernel signature at t = 10 → extended
# persistence diagrams (ord0, rel1, ext0, ext1) → a learned PersLay layer and a small dense head,
# stratified 10-fold cross-validated; next to it a fixed vectorization of the same diagrams
# (persistence images + the same kind of dense head, the same folds) and PersLay's published
# accuracies. Then one PersLay model trained on all of MUTAG, whose learned weight functions are
# drawn over the unit square.
#
#   examples/graphs/run.sh [--out DIR] [--quick] [--seed S]
#
# --out DIR    where everything goes (default out/graphs): DIR/summary.md (the table),
#              DIR/SET/*-cv.jsonl (nn-train's per-fold and summary reports), DIR/figures/
#              (weights-CHANNEL.svg), DIR/timings.tsv.
# --quick      MUTAG only, 10 epochs: a smoke test of the pipeline in well under 30 s.
# --seed S     seed of the folds and of every network (default 0).
set -euo pipefail

out=out/graphs quick=0 seed=0
while [ $# -gt 0 ]; do
  case $1 in
    --out|--seed) [ $# -ge 2 ] || { echo "run.sh: error: $1 needs a value (try --help)" >&2; exit 64; } ;;
  esac
  case $1 in
    --out) out=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --quick) quick=1; shift ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: error: unknown argument '$1' (try --help)" >&2; exit 64 ;;
  esac
done
[[ "$seed" =~ ^[0-9]+$ ]] || { echo "run.sh: error: --seed '$seed' is not a whole number" >&2; exit 64; }
for tool in ph-graph nn-train perslay-vec tda-plot jq awk; do
  command -v "$tool" >/dev/null || { echo "run.sh: error: $tool is not on PATH (make build)" >&2; exit 69; }
done

# PersLay as bench/perslay-graphs.sh runs it: per diagram channel a flat φ at 20 trainable
# samples (trainable θ) weighted by a trainable mixture of 8 Gaussians, summed; a dense head.
# The baseline: 10×10 persistence images of each channel (bandwidth 0.05 on diagrams min–max
# scaled to [0, 1] per channel), every feature divided by its largest value, the same head.
perslay_arch=perslay:phi=flat:samples=20:weight=gmix:gaussians=8:op=sum,dense:32,relu,dense:2
mlp_arch=dense:32,relu,dense:2
image=image:bandwidth=0.05:resolution=10,10:im_range=0,1,0,1
channels="ord0 rel1 ext0 ext1"
if [ "$quick" = 1 ]; then sets=mutag epochs=10; else sets="mutag proteins" epochs=50; fi
train=(--epochs "$epochs" --lr 0.01 --batch-size 32 --seed "$seed" -q)

mkdir -p "$out/figures"
cd "$out"
: > timings.tsv
log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
now() { date +%s.%N; }
# timed NAME COMMAND...: runs the command, appends NAME and its wall seconds to timings.tsv.
timed() {
  local name=$1 t0; shift
  t0=$(now); "$@"
  awk -v n="$name" -v a="$t0" -v b="$(now)" 'BEGIN { printf "%s\t%.2f\n", n, b - a }' >> timings.tsv
  log "  $name: $(tail -n 1 timings.tsv | cut -f2) s"
}

# The extended diagrams as perslay-vec reads them: each extended list becomes a diagram
# dimension (0 ord0, 1 rel1, 2 ext0, 3 ext1), min–max scaled per channel over the whole set
# (PersLay's DiagramScaler; the labels are not used), the class kept in meta.y.
reshape() {
  jq -s -c --arg channels "$channels" '($channels | split(" ")) as $c | . as $all
    | [$c[] as $k | [$all[].extended[$k][][]] | {lo: (min // 0), span: ((max // 1) - (min // 0))}
       | .span |= (if . > 0 then . else 1 end)] as $s
    | .[] | {type: "diagram", id, meta: (.meta + {y}),
             diagrams: [range($c | length) as $i | .extended[$c[$i]] | map(map((. - $s[$i].lo) / $s[$i].span))]}' "$1"
}
# Vector records → sample records, each feature divided by its largest value over the set.
samples() {
  jq -s -c '(map(.values) | transpose | map(max)) as $m
    | .[] | {type: "sample", id, y: .meta.y,
             x: ([.values, $m] | transpose | map(if .[1] > 0 then .[0] / .[1] else 0 end))}' "$1"
}

for set in $sets; do
  mkdir -p "$set"
  log "$set: extended persistence (hks:10)"
  timed "$set diagrams" eval 'ph-graph --dataset "$set" -f hks:10 -q > "$set/diagrams.jsonl"'
  log "$set: PersLay, 10-fold CV, $epochs epochs"
  timed "$set perslay" eval 'nn-train fit --data "$set/diagrams.jsonl" --arch "$perslay_arch" --cv 10 "${train[@]}" > "$set/perslay-cv.jsonl"'
  log "$set: persistence images + MLP, 10-fold CV"
  image_step() {
    reshape "$set/diagrams.jsonl" > "$set/scaled.jsonl"
    perslay-vec --dims 0,1,2,3 "$image" -q "$set/scaled.jsonl" > "$set/images.jsonl"
    samples "$set/images.jsonl" > "$set/image-samples.jsonl"
    nn-train fit --data "$set/image-samples.jsonl" --arch "$mlp_arch" --cv 10 "${train[@]}" > "$set/image-cv.jsonl"
  }
  timed "$set image" image_step
done

# The learned weight functions: one PersLay model fitted on all of MUTAG (no held-out part),
# its Gaussian mixture per channel, w(b, d) = Σⱼ exp(−((b − μbⱼ)/σbⱼ)² − ((d − μdⱼ)/σdⱼ)²) on
# the channel's min–max scaled coordinates (Sources/TDAKit/Network/PersLay/
# GaussianMixtureWeight.swift), evaluated on a 40 × 40 grid over the unit square, births across
# and deaths up.
weights() {
  nn-train fit --data mutag/diagrams.jsonl --arch "$perslay_arch" --test-size 0 "${train[@]}" -o mutag/model.json > mutag/model-record.jsonl
  local c=0 name
  for name in $channels; do
    jq -c --argjson c "$c" --arg name "$name" --argjson n 40 '
      (.. | objects | select(.name? == "perslay1.c\($c).gaussians")) as $g
      | ($g.shape[1]) as $k | $g.values as $w
      | {type: "vector", id: "MUTAG \($name): learned w(birth, death)",
         values: [range($n) as $r | range($n) as $col
                  | (($col + 0.5) / $n) as $b | (($r + 0.5) / $n) as $d
                  | [range($k) as $j | (($b - $w[$j]) / $w[2 * $k + $j]) as $u
                                     | (($d - $w[$k + $j]) / $w[3 * $k + $j]) as $v
                                     | ($u * $u + $v * $v | -. | exp)] | add]}' mutag/model.json |
      tda-plot -k image --shape 40x40 --width 420 --height 380 -o "figures/weights-$name.svg"
    c=$((c + 1))
  done
}
log "mutag: one PersLay model on all graphs, its weight functions"
timed "mutag weights" weights

# The table.
row() { # SET FILE
  jq -r 'select(.cv) | "\(100 * .accuracy_mean) \(100 * .accuracy_sd)"' "$1/$2" |
    awk '{ printf "%.1f ± %.1f", $1, $2 }'
}
secs() { awk -F'\t' -v n="$1" '$1 == n { print $2 }' timings.tsv; }
{
  echo "# Graph classification: PersLay against a fixed vectorization"
  echo
  echo "Stratified 10-fold accuracy in % (mean ± population SD over the folds), seed $seed, $epochs epochs;"
  echo "wall seconds of each 10-fold run on this machine ($(nproc) cores). Diagrams: extended persistence"
  echo "of the lower-star filtration of HKS at t = 10 (ord0, rel1, ext0, ext1)."
  echo
  header="| model |" rule="| --- |"
  for set in $sets; do header="$header ${set^^} | s |"; rule="$rule ---: | ---: |"; done
  echo "$header"; echo "$rule"
  line="| PersLay learned (\`$perslay_arch\`) |"
  for set in $sets; do line="$line $(row "$set" perslay-cv.jsonl) | $(secs "$set perslay") |"; done; echo "$line"
  line="| persistence images 4×10×10 + MLP (\`$mlp_arch\`) |"
  for set in $sets; do line="$line $(row "$set" image-cv.jsonl) | $(secs "$set image") |"; done; echo "$line"
  line="| PersLay, published (Carrière et al. 2020) |"
  for set in $sets; do case $set in mutag) line="$line 89.8 | |" ;; proteins) line="$line 74.8 | |" ;; esac; done; echo "$line"
  echo
  persistence=$(for set in $sets; do printf '%s %s s\n' "${set^^}" "$(secs "$set diagrams")"; done | paste -sd, - | sed 's/,/, /g')
  echo "Extended persistence of all graphs (wall): $persistence. The weight-function model (one"
  echo "PersLay network trained on all of MUTAG) and its figures: $(secs "mutag weights") s."
  echo
  echo "Per-fold reports: SET/perslay-cv.jsonl, SET/image-cv.jsonl. Figures: figures/weights-CHANNEL.svg."
} > summary.md
log "done: $out/summary.md"
