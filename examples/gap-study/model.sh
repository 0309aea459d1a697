#!/usr/bin/env bash
# One network of the zoo, end to end: train, take the activations of all weighted layers on
# the fixed probe inputs, sample neurons by importance (K draws), persistent homology of
# 1 − |Pearson|, Ballester statistics. Usage: model.sh OUT ID DEPTH WIDTH LR WD DROPOUT
# TRAIN_SIZE LABEL_NOISE EPOCHS SEED. Writes OUT/features/ID.jsonl last and atomically, so a
# model whose features exist is finished and is skipped when the study resumes.
set -euo pipefail
out=$1 id=$2 depth=$3 width=$4 lr=$5 wd=$6 dropout=$7 train_size=$8 label_noise=$9 epochs=${10} seed=${11}
: "${DRAWS:=20}" "${INPUTS:=2000}" "${NEURON_FRACTION:=0.5}" "${DATASET:=spirals}" "${CLASSES:=3}"
features="$out/features/$id.jsonl"
[ -s "$features" ] && exit 0
mkdir -p "$out/models" "$out/features" "$out/logs"

arch=""
for ((l = 0; l < depth; l++)); do
    arch+="dense:$width,relu,"
    [ "$dropout" != 0 ] && arch+="dropout:$dropout,"
done
arch+="dense:$CLASSES"
neurons=$(awk -v d="$depth" -v w="$width" -v c="$CLASSES" -v f="$NEURON_FRACTION" 'BEGIN { n = int((d * w + c) * f); print (n < 10 ? 10 : n) }')

nn-train fit --quiet --threads 1 --dataset "$DATASET" --classes "$CLASSES" --noise 0.1 --data-seed 2024 \
    --arch "$arch" --optimizer adam --lr "$lr" --weight-decay "$wd" --epochs "$epochs" --batch-size 32 \
    --train-size "$train_size" --test-size 2000 --label-noise "$label_noise" --seed "$seed" \
    --id "$id" -o "$out/models/$id.json" > "$out/models/$id.record.jsonl"

# The same 2000 inputs for every network: a fixed draw from the task's distribution.
nn-activations --quiet --threads 1 --model "$out/models/$id.json" \
    --dataset "$DATASET" --classes "$CLASSES" --noise 0.1 --data-seed 777 --train-size "$INPUTS" --split train \
    --inputs "$INPUTS" --layers weighted --concat --points neurons \
    --neurons "$neurons" --draws "$DRAWS" --sampling importance --seed "$seed" \
  | ph-rips --quiet --threads 1 --metric abs-correlation --maxdim 1 --finite-only \
  | perslay-vec --quiet stats:set=ballester:augment=square --dims 0,1 \
  | tda cat --set depth="$depth" --set width="$width" --set dropout="$dropout" -o "$features"
