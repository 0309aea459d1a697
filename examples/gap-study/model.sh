#!/usr/bin/env bash
# One network of the zoo, end to end: train it to the target training accuracy, compute the
# PGDL baseline measures, take the activations of all weighted layers (every conv position ×
# channel is a neuron) on the same training inputs, sample a fixed number of neurons by
# importance (K draws), persistent homology of 1 − |Pearson|, statistics of every diagram.
# Usage: model.sh OUT ID BLOCKS FILTERS DENSE DROPOUT WEIGHT_DECAY BATCH_SIZE SEED (a row of
# zoo.tsv); sizes come from the environment (DRAWS, NEURONS, INPUTS, TRAIN_SIZE, …, below),
# and so does TDA_BIN, the tools' directory when they are not on PATH (on other machines).
# Each step writes its file atomically (OUT/models/ID.json, OUT/measures/ID.jsonl,
# OUT/features/ID.jsonl) and is skipped when its file exists, so an interrupted study resumes.
set -euo pipefail
out=$1 id=$2 blocks=$3 filters=$4 dense=$5 dropout=$6 wd=$7 batch=$8 seed=$9
: "${DRAWS:=20}" "${INPUTS:=1000}" "${NEURONS:=1000}" "${TRAIN_SIZE:=1000}" "${TEST_SIZE:=4000}"
: "${NOISE:=0.3}" "${LR:=0.01}" "${MAX_EPOCHS:=100}" "${TARGET_ACC:=0.99}"
[ -z "${TDA_BIN:-}" ] || PATH="$TDA_BIN:$PATH"
model="$out/models/$id.json" measures="$out/measures/$id.jsonl" features="$out/features/$id.jsonl"
[ -s "$features" ] && [ -s "$measures" ] && exit 0
mkdir -p "$out/models" "$out/measures" "$out/features"

# VGG-like: conv blocks (3×3, padding 1, ReLU, 2×2 max-pool) whose filters double up to the
# last block's, then dense layers (a hidden layer of 64 when there are two), dropout before each.
arch=""
[ "$blocks" = 2 ] && arch+="conv:$((filters / 2))x3:p1,relu,maxpool:2,"
arch+="conv:${filters}x3:p1,relu,maxpool:2,flatten,"
drop=""
[ "$dropout" != 0 ] && drop="dropout:$dropout,"
[ "$dense" = 2 ] && arch+="${drop}dense:64,relu,"
arch+="${drop}dense:10"

# SGD with momentum 0.9; the learning rate grows with the square root of the batch size (LR at
# batch 16: 0.01, 0.02, 0.04), so that every batch size reaches the target within the budget.
lr=$(awk -v lr="$LR" -v b="$batch" 'BEGIN { print lr * sqrt(b / 16) }')

# The same data for every network: 10 classes of 16×16 images, one fixed training set.
data=(--dataset images --classes 10 --noise "$NOISE" --data-seed 2024 --train-size "$TRAIN_SIZE" --test-size "$TEST_SIZE")
# (the record is written last: with it, the model is whole)
if [ ! -s "$out/models/$id.record.jsonl" ]; then
    nn-train fit --quiet --threads 1 "${data[@]}" --arch "$arch" --optimizer sgd --momentum 0.9 --lr "$lr" \
        --weight-decay "$wd" --batch-size "$batch" --epochs "$MAX_EPOCHS" --target-acc "$TARGET_ACC" \
        --seed "$seed" --id "$id" -o "$model" > "$out/models/$id.record.tmp"
    mv "$out/models/$id.record.tmp" "$out/models/$id.record.jsonl"
fi

# The PGDL baseline measures (run.sh carries them into the features' meta).
[ -s "$measures" ] || nn-train measures --quiet --threads 1 --seed "$seed" --model "$model" -o "$measures"

# Topology: the first INPUTS training inputs, NEURONS neurons per draw from all weighted layers
# (written under a temporary name and renamed once the whole pipeline has succeeded).
[ -s "$features" ] && exit 0
nn-activations --quiet --threads 1 --model "$model" --split train --inputs "$INPUTS" \
    --layers weighted --concat --points neurons --neurons "$NEURONS" --draws "$DRAWS" \
    --sampling importance --seed "$seed" \
  | ph-rips --quiet --threads 1 --metric abs-correlation --maxdim 1 --finite-only \
  | perslay-vec --quiet stats:set=full:augment=square,log --dims 0,1 \
  | tda cat --set blocks="$blocks" --set filters="$filters" --set dense="$dense" --set dropout="$dropout" -o "$features.tmp"
mv "$features.tmp" "$features"
