#!/usr/bin/env bash
# One network of the CNN layer-topology study, trained with one thread on the study's data set.
# Usage: network.sh OUT ID SEED, with EPOCHS and TRAIN_SIZE in the environment (run.sh sets
# them) and TDA_BIN, the tools' directory when they are not on PATH (on other machines).
# Writes OUT/models/ID.json, then OUT/models/ID.rec, the record, last (with it the network is
# finished).
set -euo pipefail
out=$1 id=$2 seed=$3
[ -z "${TDA_BIN:-}" ] || PATH="$TDA_BIN:$PATH"
classes=10
arch="conv:8x3:s1:p1,relu,maxpool:2,conv:16x3:s1:p1,relu,maxpool:2,conv:32x3:s1:p1,relu,flatten,dense:64,relu,dense:$classes"
# In OUT, so that the record names the model as models/ID.json wherever OUT is.
mkdir -p "$out/models"
cd "$out"
# One data set for all networks (--data-seed 0): only the weight seed differs between them.
nn-train fit --dataset images --classes "$classes" --data-seed 0 --train-size "$TRAIN_SIZE" --test-size 1000 \
  --arch "$arch" --epochs "$EPOCHS" --lr 0.002 --seed "$seed" --id "$id" -j 1 -q -o "models/$id.json" > "models/$id.rec.tmp"
mv "models/$id.rec.tmp" "models/$id.rec"
