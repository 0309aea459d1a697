#!/usr/bin/env bash
# Mean diagram distance between layer depths: a LAYER x LAYER table from one distance record
# whose names are MODEL/LAYER ids (diagonal: the same layer of different networks).
#   blocks.sh DISTANCE.jsonl > blocks.tsv
set -euo pipefail
jq -r '.names as $n | .matrix | to_entries[] | .key as $i | .value | to_entries[]
       | select(.key != $i) | [$n[$i], $n[.key], .value] | @tsv' "$1" |
awk -F'\t' '
  function layer(x) { sub(/.*\//, "", x); return x }
  { a = layer($1); b = layer($2); s[a, b] += $3; c[a, b]++; if (!(a in seen)) { seen[a]; order[++n] = a } }
  END {
    printf "layer"; for (j = 1; j <= n; j++) printf "\t%s", order[j]; printf "\n"
    for (i = 1; i <= n; i++) {
      printf "%s", order[i]
      for (j = 1; j <= n; j++) printf "\t%.4g", s[order[i], order[j]] / c[order[i], order[j]]
      printf "\n"
    }
  }'
