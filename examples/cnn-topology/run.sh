#!/usr/bin/env bash
# The CNN layer-topology study (issue 12, after Purvine et al.): train several small CNNs that
# differ only in their seed, take the top-L2 spatial vector of every conv layer for the same test
# images, compare the layers by the persistence of those clouds, and draw Mapper graphs of the
# layers coloured by class. Everything is a pipeline of the toolkit's executables; jq and awk only
# reshape records and average numbers.
#
#   examples/cnn-topology/run.sh [--out DIR] [--quick] [--full] [--resume] [--seeds N] [--jobs N]
#                                [--slurm ... | --sshlogin LOGINS [--no-shared-fs]] [--remote-bin DIR]
#
# --out DIR    where everything goes (default out/cnn-topology); DIR/figures holds the pictures
#              the write-up uses, DIR/summary.md the numbers.
# --quick      fewer epochs and probe images: a smoke test of the pipeline in about a minute.
# --full       also study the full flattened conv activations (every position x channel):
#              persistence, sliced distances and Mapper purity, next to the top-L2 vectors.
# --resume     keep the models, clouds, diagrams and distances already in DIR (redo the rest).
# --seeds N    networks to train (default 10).
# --jobs N     networks trained at once (default 2).
# --slurm, --sshlogin: train the networks (network.sh) on a Slurm cluster or other machines;
#              the options and their defaults are those of ../dispatch.sh. With --resume, only
#              networks not yet trained are dispatched.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
source "$here/../dispatch.sh"
out=out/cnn-topology quick=0 full=0 resume=0 seeds=10 jobs=2
while [ $# -gt 0 ]; do
  case $1 in
    --out) out=$2; shift 2 ;;
    --quick) quick=1; shift ;;
    --full) full=1; shift ;;
    --resume) resume=1; shift ;;
    --seeds) seeds=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    -h|--help) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) dispatch_option "$@"
       [ "$dispatch_took" -gt 0 ] || { echo "run.sh: error: unknown option $1" >&2; exit 64; }
       shift "$dispatch_took" ;;
  esac
done
dispatch_check
for tool in nn-train nn-activations ph-rips perslay-vec mapper tda-plot jq awk; do
  command -v "$tool" >/dev/null || { echo "run.sh: error: $tool is not on PATH" >&2; exit 69; }
done

layers=conv1,conv2,conv3,dense1
if [ "$quick" = 1 ]; then epochs=3 train=800 inputs=300; else epochs=10 train=2000 inputs=1000; fi
export EPOCHS=$epochs TRAIN_SIZE=$train

mkdir -p "$out/models" "$out/figures"
cd "$out"
[ "$resume" = 1 ] || : > timings.tsv
log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
# timed STEP OUTPUT: run the function STEP unless --resume finds OUTPUT; seconds go to timings.tsv.
timed() {
  if [ "$resume" = 1 ] && [ -s "$2" ]; then log "  $1: keeping $2"; return; fi
  local t0=$SECONDS; "$1"; log "  $1 took $((SECONDS - t0)) s"
  { grep -v "^$1	" timings.tsv || true; printf '%s\t%s\n' "$1" $((SECONDS - t0)); } > timings.tmp && mv timings.tmp timings.tsv
}

# 1. Train. Seeds 1..N; ids m01..mN; one thread each, $jobs at a time or on the engine's
#    machines. With --resume only the networks without a record are dispatched.
train() {
  [ "$resume" = 1 ] || rm -f models/m*.json models/m*.rec
  for seed in $(seq 1 "$seeds"); do
    id=$(printf "m%02d" "$seed")
    [ -s "models/$id.rec" ] || printf '%s\t%s\n' "$id" "$seed"
  done > models/todo.tsv
  dispatch cnn-topology "$PWD" "$PWD/models/todo.tsv" "$here/network.sh" "EPOCHS TRAIN_SIZE" "models/{1}.json" "models/{1}.rec"
  for seed in $(seq 1 "$seeds"); do
    id=$(printf "m%02d" "$seed")
    [ -s "models/$id.rec" ] || { echo "run.sh: error: network $id was not trained; rerun with --resume" >&2; exit 70; }
    cat "models/$id.rec"
  done > models.jsonl
}
log "training $seeds CNNs ($epochs epochs, $train images, $(dispatch_engine))"; timed train models.jsonl
jq -r '[.id, .meta.train_acc, .meta.test_acc] | @tsv' models.jsonl > accuracy.tsv

# 2. Activations: the top-L2 spatial vector of each conv layer (and dense1, the penultimate
#    layer, for comparison) for the same $inputs test images in every network.
activations() {
  nn-activations --split test --inputs "$inputs" --input-seed 0 --conv-reduce top-l2 \
    --layers "$layers" -q models.jsonl > clouds.jsonl
}
log "activations of $layers"; timed activations clouds.jsonl

# A scale-free copy: each cloud divided by the mean Euclidean norm of its points. Layers differ
# in activation scale by an order of magnitude, and a diagram distance sees scale first.
jq -c '(.points | map(map(. * .) | add | sqrt) | add / length) as $s
       | .points |= map(map(. / $s)) | .meta.scale = $s' clouds.jsonl > clouds-unit.jsonl

# 3. Persistence (H0, H1) of every layer cloud.
persistence() {
  ph-rips --maxdim 1 -q clouds.jsonl > diagrams.jsonl
  ph-rips --maxdim 1 -q clouds-unit.jsonl > diagrams-unit.jsonl
}
log "persistence of $(wc -l < clouds.jsonl) clouds (twice: raw and unit scale)"; timed persistence diagrams-unit.jsonl

# Per-layer summaries of the diagrams (with the longest bar), averaged over the seeds by perslay-vec.
for scale in "" -unit; do
  perslay-vec --dims 0,1 stats:top=1 -q "diagrams$scale.jsonl" | perslay-vec reduce --by meta.layer --op mean > "stats-by-layer$scale.jsonl"
done

# 4. Distances between all layers of all networks, rows ordered by layer and then seed.
distances() {
  for scale in raw unit; do
    file=diagrams.jsonl; [ $scale = unit ] && file=diagrams-unit.jsonl
    jq -sc 'sort_by(.meta.layer, .id) | .[]' "$file" > "sorted-$scale.jsonl"
    for dim in 0 1; do
      perslay-vec distance --metric sliced --directions 50 --dim $dim "sorted-$scale.jsonl" > "sliced-H$dim-$scale.jsonl"
    done
    perslay-vec distance --metric bottleneck --dim 1 "sorted-$scale.jsonl" > "bottleneck-H1-$scale.jsonl"
  done
}
log "diagram distances (sliced H0/H1, bottleneck H1)"; timed distances bottleneck-H1-unit.jsonl

# Within/between depth and seed: mean distance per kind of pair, the 1-nearest-neighbour
# agreement of depth and of seed, and a permutation-free ratio. Ids are MODEL/LAYER.
"$here/pairs.sh" sliced-H0-raw.jsonl sliced-H1-raw.jsonl bottleneck-H1-raw.jsonl \
  sliced-H0-unit.jsonl sliced-H1-unit.jsonl bottleneck-H1-unit.jsonl > depth-vs-seed.tsv
for f in sliced-H1-raw sliced-H1-unit sliced-H0-unit bottleneck-H1-unit; do "$here/blocks.sh" "$f.jsonl" > "blocks-$f.tsv"; done

# Heat maps of the matrices through tda-plot's vector image (row 0 at the bottom).
for f in sliced-H1-raw sliced-H1-unit sliced-H0-unit bottleneck-H1-unit; do
  jq -c --arg scale "${f##*-}" '{type: "vector", values: [.matrix[][]],
          id: (.meta.metric + " H" + (.meta.dim|tostring) + ", " + $scale + " scale; blocks of " + ($ARGS.named.seeds) + ": "
               + (.names | map(split("/")[1]) | unique | join(", ")))}' --arg seeds "$seeds" "$f.jsonl" |
    tda-plot -k image --shape "$(jq -r '.matrix|length' "$f.jsonl")x$(jq -r '.matrix|length' "$f.jsonl")" \
      --width 520 --height 480 -o "figures/$f.svg"
done

# 5. Mapper graphs of every layer: L2-norm lens, 10 intervals, 50% overlap, DBSCAN with eps from
#    the k-distance knee.
graphs() {
  mapper --lens l2norm --intervals 10 --overlap 0.5 --cluster dbscan --eps auto -q clouds.jsonl > graphs.jsonl
  # A check on the lens: the same cover and clustering over the first two principal components.
  mapper --lens pca:2 --intervals 10 --overlap 0.5 --cluster dbscan --eps auto -q clouds.jsonl > graphs-pca.jsonl
}
resume=0 timed graphs graphs.jsonl
"$here/purity.sh" graphs.jsonl > purity.tsv
"$here/purity.sh" graphs-pca.jsonl > purity-pca.tsv

# Mean over seeds per layer, as a vector record that tda-plot draws as bars.
awk -F'\t' 'NR > 1 { n[$2]++; p[$2] += $4; s[$2] += $6 } END { for (l in n) printf "%s\t%.4f\t%.2f\n", l, p[l]/n[l], s[l]/n[l] }' purity.tsv |
  sort > purity-by-layer.tsv
awk -F'\t' 'BEGIN { printf "{\"type\":\"vector\",\"id\":\"weighted node purity by layer (mean of the seeds)\",\"values\":[" }
  { printf "%s%s", (NR > 1 ? "," : ""), $2; names = names (NR > 1 ? "," : "") "\"" $1 "\"" }
  END { printf "],\"names\":[%s]}\n", names }' purity-by-layer.tsv | tda-plot -k bars --width 520 --height 360 -o figures/purity-by-layer.svg

# Pictures of the first network: its Mapper graphs (SVG, and one web page) and H1 diagrams.
jq -c 'select(.id | startswith("m01/"))' graphs.jsonl | tda-plot --width 480 --height 420 -o figures/mapper-m01.svg
# One web page per network with all its layers; a node's panel shows its test images (the
# clouds' rows index the test split that `nn-train data` writes for network.sh's data options).
nn-train data --dataset images --classes 10 --data-seed 0 --train-size "$train" --test-size 1000 > data.jsonl
for id in $(jq -r '.id' models.jsonl); do
  jq -c --arg m "$id/" 'select(.id | startswith($m))' clouds.jsonl |
    mapper --lens l2norm --intervals 10 --overlap 0.5 --eps auto --format html \
      --inputs data.jsonl --split test --input-shape 1,16,16 -q -o "figures/mapper-$id.html"
done
# A picture of m01's conv3 page with its largest node open, when Chromium is at hand.
if command -v chromium >/dev/null; then
  node=$(jq -r 'select(.id == "m01/conv3") | .nodes | max_by(.size) | .id' graphs.jsonl)
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --virtual-time-budget=5000 --window-size=1100,700 \
    --screenshot="$PWD/figures/mapper-m01-node.png" "file://$PWD/figures/mapper-m01.html#layer=conv3&node=$node" 2>/dev/null
fi
jq -c 'select(.id | startswith("m01/")) | .diagrams |= [[], .[1]]' diagrams-unit.jsonl |
  tda-plot --width 400 --height 380 -o figures/h1-m01-unit.svg

# 6. Optionally the same for the full flattened activations (no spatial reduction).
full_vectors() {
  nn-activations --split test --inputs "$inputs" --input-seed 0 --conv-reduce none \
    --layers "$layers" -q models.jsonl | ph-rips --maxdim 1 -q > diagrams-full.jsonl
  nn-activations --split test --inputs "$inputs" --input-seed 0 --conv-reduce none --layers "$layers" -q models.jsonl |
    mapper --lens l2norm --intervals 10 --overlap 0.5 --cluster dbscan --eps auto -q > graphs-full.jsonl
  jq -sc 'sort_by(.meta.layer, .id) | .[]' diagrams-full.jsonl |
    perslay-vec distance --metric sliced --directions 50 --dim 1 > sliced-H1-full.jsonl
}
if [ "$full" = 1 ]; then
  log "full flattened activations"; timed full_vectors sliced-H1-full.jsonl
  "$here/pairs.sh" sliced-H1-full.jsonl | tail -n +2 >> depth-vs-seed.tsv
  "$here/blocks.sh" sliced-H1-full.jsonl > blocks-sliced-H1-full.tsv
  "$here/purity.sh" graphs-full.jsonl > purity-full.tsv
  jq -c 'select(.id | startswith("m01/"))' graphs-full.jsonl | tda-plot --width 480 --height 420 -o figures/mapper-m01-full.svg
fi

"$here/summary.sh" > summary.md
log "done: $out/summary.md"
