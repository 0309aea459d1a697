#!/usr/bin/env bash
# Depth against seed in diagram-distance records whose names are MODEL/LAYER ids.
# For each record: the mean distance between the same layer of different networks, between
# different layers of the same network, and between different layers of different networks;
# the share of layers whose nearest other layer (1-NN) has the same depth, and the share whose
# nearest other layer comes from the same network. One TSV row per input file.
#   pairs.sh DISTANCE.jsonl ... > depth-vs-seed.tsv
set -euo pipefail
printf 'file\tmetric\tdim\tsame_layer_other_seed\tother_layer_same_seed\tother_layer_other_seed\tratio\tnn_same_layer\tnn_same_seed\n'
for f in "$@"; do
  jq -r '.names as $n | .matrix | to_entries[] | .key as $i | .value | to_entries[]
         | [$n[$i], $n[.key], .value] | @tsv' "$f" |
  awk -F'\t' -v file="$(basename "$f" .jsonl)" -v meta="$(jq -r '[.meta.metric, .meta.dim] | @tsv' "$f")" '
    function seed(x) { sub(/\/.*/, "", x); return x }
    function layer(x) { sub(/.*\//, "", x); return x }
    {
      a = $1; b = $2; d = $3 + 0
      if (a == b) next
      if (!(a in best) || d < best[a]) { best[a] = d; nearest[a] = b }
      if (a > b) next
      k = (layer(a) == layer(b)) ? "L" : (seed(a) == seed(b) ? "S" : "X")
      sum[k] += d; cnt[k]++
    }
    END {
      for (a in nearest) { n++; sl += layer(a) == layer(nearest[a]); ss += seed(a) == seed(nearest[a]) }
      wl = cnt["L"] ? sum["L"] / cnt["L"] : 0; ws = cnt["S"] ? sum["S"] / cnt["S"] : 0; wx = cnt["X"] ? sum["X"] / cnt["X"] : 0
      printf "%s\t%s\t%.4g\t%.4g\t%.4g\t%.2f\t%.2f\t%.2f\n", file, meta, wl, ws, wx, (wl > 0 ? wx / wl : 0), sl / n, ss / n
    }'
done
