#!/usr/bin/env bash
# Class organisation of Mapper graph records (nodes with labels, as mapper writes them).
# One TSV row per graph: model, layer, nodes, size-weighted node purity, share of covered points
# in nodes of purity >= 0.9, classes that own a pure branch (a class with at least half of its
# covered points in nodes whose majority is that class at purity >= 0.9), components, and the
# purity a node would have by chance (the largest class share among covered points).
#   purity.sh graphs.jsonl > purity.tsv
set -euo pipefail
printf 'model\tlayer\tnodes\tweighted_purity\tpure_share\tclasses_separated\tcomponents\tchance_purity\n'
jq -r '
  . as $g
  | [.nodes[] | {size, purity, major: .top_labels[0].label, labels}] as $n
  | ($n | map(.size) | add) as $total
  | ($n | map(.labels | to_entries[]) | group_by(.key)
        | map({key: .[0].key, value: (map(.value) | add)}) | from_entries) as $perclass
  | ($n | map(select(.purity >= 0.9))) as $pure
  | ($perclass | to_entries | map(.key as $c
        | ($pure | map(select(.major == $c)) | map(.labels[$c]) | add // 0) as $own
        | select($own * 2 >= .value)) | length) as $separated
  | [(.id | split("/")[0]), (.id | split("/")[1]), (.nodes | length),
     (($n | map(.size * .purity) | add) / $total),
     (($pure | map(.size) | add // 0) / $total),
     $separated, .stats.components,
     (($perclass | [.[]] | max) / ($perclass | [.[]] | add))]
  | @tsv' "$@"
